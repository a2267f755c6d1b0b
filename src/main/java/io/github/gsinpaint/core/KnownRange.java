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

import java.util.Arrays;

/**
 * Clamps a fill to the range of the known values around it, channel by channel; applied by
 * {@link TiledFill} to every method's fill. A biharmonic fill has no maximum principle: near a
 * sharp edge it overshoots beyond anything the tile shows (a ring of too-bright or too-dark
 * pixels), and a learned fill can do the same. A value outside the range of the known
 * neighbourhood is almost never right, so it is clipped to that range (scikit-image's biharmonic
 * fill clips the same way, to the known range of the image).
 * <p>
 * The neighbourhood of a tile is its known pixels plus whatever whole-hole values it was given (a
 * prior, or the coarse fill of a hole larger than a tile), which themselves lie in the region's
 * known range; a tile with neither, deep inside a hole, uses the region's known range.
 */
final class KnownRange {

	private KnownRange() {}

	/**
	 * @param tile the known values (hole pixels and non-finite values are ignored)
	 * @param hole the hole map
	 * @param filled the fill, clamped in place at hole pixels; a channel without a finite known
	 *          value is left as it is
	 * @return {@code filled}
	 */
	static float[][] clampInPlace(final float[][] tile, final boolean[] hole,
		final float[][] filled)
	{
		final float[][] range = empty(tile.length);
		widen(range, tile, hole, false);
		return clamp(filled, hole, range);
	}

	/** @return {lo[], hi[]} with every channel empty (lo > hi) */
	static float[][] empty(final int channels) {
		final float[][] range = new float[2][channels];
		Arrays.fill(range[0], Float.POSITIVE_INFINITY);
		Arrays.fill(range[1], Float.NEGATIVE_INFINITY);
		return range;
	}

	/** @return whether channel c of the range holds at least one value */
	static boolean has(final float[][] range, final int c) {
		return range[0][c] <= range[1][c];
	}

	/**
	 * Widens {@code range} by the finite values of every channel at the pixels where
	 * {@code select[i] == selected} ({@code select} null: every pixel).
	 */
	static void widen(final float[][] range, final float[][] values, final boolean[] select,
		final boolean selected)
	{
		for (int c = 0; c < values.length; c++) {
			float lo = range[0][c], hi = range[1][c];
			final float[] v = values[c];
			for (int i = 0; i < v.length; i++) {
				if (select != null && select[i] != selected || !Float.isFinite(v[i])) continue;
				lo = Math.min(lo, v[i]);
				hi = Math.max(hi, v[i]);
			}
			range[0][c] = lo;
			range[1][c] = hi;
		}
	}

	/** Clamps hole pixels of every channel that has a range; returns {@code filled}. */
	static float[][] clamp(final float[][] filled, final boolean[] hole, final float[][] range) {
		for (int c = 0; c < filled.length; c++) {
			if (!has(range, c)) continue;
			final float lo = range[0][c], hi = range[1][c];
			final float[] f = filled[c];
			for (int i = 0; i < hole.length; i++)
				if (hole[i]) f[i] = Math.max(lo, Math.min(hi, f[i]));
		}
		return filled;
	}
}
