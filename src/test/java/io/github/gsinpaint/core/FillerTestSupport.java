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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntBinaryOperator;

/** Direct checks of a {@link TileFiller} on small planar arrays, shared by the classical tests. */
final class FillerTestSupport {

	private FillerTestSupport() {}

	interface Field {

		double at(int x, int y);
	}

	/** Fills a w x h tile whose known pixels hold f and returns the max error at hole pixels. */
	static double maxHoleError(final TileFiller filler, final int w, final int h,
		final IntBinaryOperator isHole, final Field f)
	{
		final float[][] tile = new float[1][w * h];
		final boolean[] hole = new boolean[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				hole[i] = isHole.applyAsInt(x, y) != 0;
				tile[0][i] = hole[i] ? 0 : (float) f.at(x, y);
			}
		final float[][] out = filler.fill(tile, hole, w, h, Progress.NONE);
		assertEquals(1, out.length);
		assertEquals(w * h, out[0].length);
		double max = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				if (!hole[i]) continue;
				assertTrue(Float.isFinite(out[0][i]), "finite at " + x + "," + y);
				max = Math.max(max, Math.abs(out[0][i] - f.at(x, y)));
			}
		return max;
	}

	/** A rectangle hole [x0, x1) x [y0, y1). */
	static IntBinaryOperator rect(final int x0, final int y0, final int x1, final int y1) {
		return (x, y) -> x >= x0 && x < x1 && y >= y0 && y < y1 ? 1 : 0;
	}

	static void assertAllHoleGivesHalf(final TileFiller filler) {
		final float[][] tile = new float[2][12];
		final boolean[] hole = new boolean[12];
		java.util.Arrays.fill(hole, true);
		final float[][] out = filler.fill(tile, hole, 4, 3, Progress.NONE);
		for (final float[] c : out)
			for (final float v : c)
				assertEquals(0.5f, v);
	}

	/** A large hole and a Progress that is cancelled from the start. */
	static void assertCancels(final TileFiller filler) {
		final int w = 256, h = 256;
		final float[][] tile = new float[1][w * h];
		final boolean[] hole = new boolean[w * h];
		for (int i = 0; i < w * h; i++) {
			final int x = i % w, y = i / w;
			hole[i] = x > 20 && x < 236 && y > 20 && y < 236;
			tile[0][i] = hole[i] ? 0 : (float) Math.sin(x * 0.1) * 0.5f + 0.5f;
		}
		final Progress cancelled = new Progress() {

			@Override
			public void report(final double fraction, final String message) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(InpaintCancelledException.class, () -> filler.fill(tile, hole, w, h,
			cancelled));
	}
}
