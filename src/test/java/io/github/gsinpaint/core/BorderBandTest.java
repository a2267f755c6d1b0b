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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.classical.BiharmonicFiller;

class BorderBandTest {

	@Test
	void distanceTransformMatchesBruteForce() {
		final Random r = new Random(3);
		final int w = 23, h = 17;
		final boolean[] hole = new boolean[w * h];
		for (int i = 0; i < hole.length; i++)
			hole[i] = r.nextDouble() < 0.85;
		final double[] d = DistanceTransform.toKnown(hole, w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double best = Double.POSITIVE_INFINITY;
				for (int v = 0; v < h; v++)
					for (int u = 0; u < w; u++)
						if (!hole[v * w + u]) best = Math.min(best, Math.hypot(u - x, v - y));
				assertEquals(best, d[y * w + x], 1e-9, "at " + x + "," + y);
			}
	}

	@Test
	void noKnownPixelMeansInfinitelyFar() {
		final double[] d = DistanceTransform.toKnown(new boolean[] { true, true, true, true }, 2, 2);
		for (final double v : d)
			assertEquals(Double.POSITIVE_INFINITY, v);
	}

	@Test
	void zeroBandKeepsTheFill() {
		final float[][] filled = { { 1, 2, 3, 4 } };
		assertSame(filled, BorderBand.refine(new float[][] { { 0, 0, 0, 0 } }, new boolean[] { false,
			true, true, false }, filled, 4, 1, 0, 1, Progress.NONE));
	}

	/** A thin scratch lies wholly in the band: the result is the biharmonic fill. */
	@Test
	void thinDefectIsFilledBiharmonically() {
		final int w = 32, h = 32;
		final float[][] tile = new float[1][w * h];
		final boolean[] hole = new boolean[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				hole[i] = y >= 15 && y <= 17 && x > 3 && x < 28;
				tile[0][i] = hole[i] ? 0 : (float) (0.3 + 0.01 * x + 0.002 * y * y);
			}
		final float[][] wrong = new float[1][w * h];
		java.util.Arrays.fill(wrong[0], 5f);
		final float[][] refined = BorderBand.refine(tile, hole, wrong, w, h, 2.0, 1, Progress.NONE);
		final float[][] bih = new BiharmonicFiller().fill(tile, hole, w, h, Progress.NONE);
		for (int i = 0; i < hole.length; i++)
			if (hole[i]) assertEquals(bih[0][i], refined[0][i], 1e-6f);
	}

	/** Deep pixels keep the first fill; the band meets it smoothly. */
	@Test
	void wideDefectKeepsTheInterior() {
		final int w = 40, h = 40;
		final float[][] tile = new float[1][w * h];
		final boolean[] hole = new boolean[w * h];
		final float[][] first = new float[1][w * h];
		for (int i = 0; i < hole.length; i++) {
			final int x = i % w, y = i / w;
			hole[i] = x >= 10 && x < 30 && y >= 10 && y < 30;
			tile[0][i] = hole[i] ? 0 : 0.5f;
			first[0][i] = 0.7f;
		}
		final float[][] out = BorderBand.refine(tile, hole, first, w, h, 3.0, 1, Progress.NONE);
		assertEquals(0.7f, out[0][20 * w + 20], 0f);
		final float edge = out[0][10 * w + 20]; // next to the known 0.5
		assertTrue(edge > 0.5f && edge < 0.7f, "band value " + edge);
		assertArrayEquals(new float[] { 0.7f }, new float[] { out[0][15 * w + 15] }, 0f);
	}
}
