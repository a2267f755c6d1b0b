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
package io.github.gsinpaint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.gs.Npy;

/**
 * {@link CascadicSor} is training's prior: on the shared fixture that
 * {@code python/make_fixture.py} writes with {@code gsinpaint.prior.harmonic_fill} (odd and even
 * sides, holes on the image's sides, one and three channels) it gives the same fill to float
 * round-off, and leaves every known pixel as it was.
 */
class CascadicSorTest {

	@Test
	void matchesTrainingsPriorOnTheSharedFixture() throws IOException {
		for (int n = 0; n < 2; n++) {
			final Npy image = Npy.read("/fixtures/prior/image-" + n + ".npy");
			final Npy mask = Npy.read("/fixtures/prior/mask-" + n + ".npy");
			final Npy fill = Npy.read("/fixtures/prior/fill-" + n + ".npy");
			final int c = (int) image.shape[0], h = (int) image.shape[1], w = (int) image.shape[2];
			final float[][] values = new float[c][w * h];
			final boolean[] hole = new boolean[w * h];
			for (int p = 0; p < w * h; p++) {
				hole[p] = mask.data[p] > 0;
				for (int k = 0; k < c; k++)
					values[k][p] = hole[p] ? Float.NaN : image.data[k * w * h + p];
			}
			final float[][] out = CascadicSor.harmonic(values, hole, w, h, 40, Progress.NONE);
			double worst = 0;
			int holes = 0;
			for (int k = 0; k < c; k++)
				for (int p = 0; p < w * h; p++) {
					if (!hole[p]) {
						assertEquals(image.data[k * w * h + p], out[k][p], "known pixel " + p);
						continue;
					}
					holes++;
					worst = Math.max(worst, Math.abs(out[k][p] - fill.data[k * w * h + p]));
				}
			assertTrue(holes > 500, "the fixture has holes");
			assertTrue(worst < 1e-5, "case " + n + ": largest difference " + worst);
		}
	}

	@Test
	void aWindowWithoutKnownPixelsIsHalfGrey() {
		final float[][] out = CascadicSor.harmonic(new float[][] { new float[6] }, new boolean[] {
			true, true, true, true, true, true }, 3, 2, 40, Progress.NONE);
		for (final float v : out[0])
			assertEquals(0.5f, v);
	}
}
