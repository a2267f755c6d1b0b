/*-
 * #%L
 * 2DGS Inpainting for ImageJ/Fiji.
 * %%
 * Copyright (C) 2026 2DGS Inpainting developers
 * %%
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 *
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the documentation
 *    and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 * AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 * #L%
 */
package io.github.gsinpaint.core.gs;

import static io.github.gsinpaint.core.gs.GaussianField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The model's input and output layout: v1 sees zeros in the hole and its render is the fill; v2
 * sees the prior in the hole and its render is added to the prior.
 */
class ModelInputTest {

	private static final int W = PATCH, H = PATCH, N = W * H;

	private static boolean[] holeAt(final int... pixels) {
		final boolean[] hole = new boolean[N];
		for (final int p : pixels)
			hole[p] = true;
		return hole;
	}

	@Test
	void holesAreZeroWithoutAPriorAndHoldThePriorWithOne() {
		final float[][] tile = { new float[N] };
		java.util.Arrays.fill(tile[0], 0.25f);
		final boolean[] hole = holeAt(5, 17);
		tile[0][5] = 0;
		tile[0][17] = 0;
		final float[][] prior = { new float[N] };
		java.util.Arrays.fill(prior[0], 0.25f);
		prior[0][5] = 0.6f;
		prior[0][17] = 0.7f;
		final float[] v1 = ModelInput.pack(tile, hole, N);
		final float[] v2 = ModelInput.pack(tile, hole, prior, N);
		for (int k = 0; k < COLOURS; k++) {
			assertEquals(0f, v1[k * N + 5]);
			assertEquals(0.6f, v2[k * N + 5], "grey prior repeated into colour " + k);
			assertEquals(0.7f, v2[k * N + 17]);
			assertEquals(0.25f, v2[k * N + 6], "known pixels are the tile's");
		}
		assertEquals(1f, v2[3 * N + 5]);
		assertEquals(0f, v2[3 * N + 6]);
	}

	@Test
	void aCorrectionIsAddedToThePriorAndGreyAveragesTheColours() {
		final float[] rendered = new float[PIXELS * COLOURS];
		for (int p = 0; p < PIXELS; p++)
			for (int c = 0; c < COLOURS; c++)
				rendered[p * COLOURS + c] = 0.01f * (c + 1); // mean 0.02
		final float[][] base = { new float[N] };
		java.util.Arrays.fill(base[0], 0.5f);
		final float[][] image = ModelInput.unpack(rendered, new int[] { 0 }, 1, W, H);
		final float[][] corrected = ModelInput.unpack(rendered, new int[] { 0 }, 1, W, H, base);
		assertEquals(0.02f, image[0][33], 1e-7);
		assertEquals(0.52f, corrected[0][33], 1e-7);
	}
}
