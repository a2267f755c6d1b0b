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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.classical.BiharmonicFiller;

class KnownRangeTest {

	@Test
	void holeValuesAreClippedToEachChannelsKnownRange() {
		final boolean[] hole = { false, true, false, true, false };
		final float[][] tile = { { 0.2f, 0, 0.6f, 0, Float.NaN }, { 5, 0, 7, 0, 6 } };
		final float[][] fill = { { 9, -3, 9, 0.4f, 9 }, { 1, 100, 1, 6.5f, 1 } };
		KnownRange.clampInPlace(tile, hole, fill);
		// known pixels of the fill are not touched (the caller composites hole pixels only)
		assertArrayEquals(new float[] { 9, 0.2f, 9, 0.4f, 9 }, fill[0]);
		assertArrayEquals(new float[] { 1, 7, 1, 6.5f, 1 }, fill[1]);
	}

	@Test
	void aChannelWithoutFiniteKnownValuesIsLeftAlone() {
		final boolean[] hole = { true, false };
		final float[][] tile = { { 0, Float.NaN } };
		final float[][] fill = { { 42, 0 } };
		KnownRange.clampInPlace(tile, hole, fill);
		assertEquals(42, fill[0][0]);
	}

	@Test
	void theBiharmonicFillNoLongerOvershootsARidge() {
		// a ridge whose crest lies in the hole: the unclipped biharmonic fill continues both
		// slopes and rises above every known value
		final int w = 24, h = 8;
		final float[][] tile = new float[1][w * h];
		final boolean[] hole = new boolean[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				tile[0][y * w + x] = 1 - Math.abs(x - 11.5f) / 12;
				hole[y * w + x] = x >= 8 && x < 16;
			}
		final float[][] raw = new BiharmonicFiller().fill(tile, hole, w, h, Progress.NONE);
		float knownMax = Float.NEGATIVE_INFINITY, rawMax = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < hole.length; i++)
			if (hole[i]) rawMax = Math.max(rawMax, raw[0][i]);
			else knownMax = Math.max(knownMax, tile[0][i]);
		assertTrue(rawMax > knownMax + 0.01f, "the test needs an overshooting solution");
		final float[][] clipped = KnownRange.clampInPlace(tile, hole, raw);
		for (int i = 0; i < hole.length; i++)
			if (hole[i]) assertTrue(clipped[0][i] <= knownMax, "at " + i);
	}
}
