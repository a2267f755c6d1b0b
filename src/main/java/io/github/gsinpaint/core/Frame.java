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

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;

/**
 * A window of normalised planar values and its hole map, held in memory: the part of the image
 * that one region's tiles cover (or a downscaled copy of it). Read once, so that a whole-hole
 * solve, a coarse pass and every tile see the same numbers; tiles are cut from it.
 */
final class Frame {

	/** Position of the frame's first pixel in the image (0 for coarse copies). */
	final int x0, y0;
	final int w, h;
	/** {@code values[c][y * w + x]}, 0 at hole pixels. */
	final float[][] values;
	/** Masked, non-finite in any channel of the group. */
	final boolean[] hole;

	Frame(final int x0, final int y0, final int w, final int h, final float[][] values,
		final boolean[] hole)
	{
		this.x0 = x0;
		this.y0 = y0;
		this.w = w;
		this.h = h;
		this.values = values;
		this.hole = hole;
	}

	/** Reads the window (x0, y0, w, h), which must lie inside the image. */
	static Frame read(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final int[] channels,
		final IntensityRange[] ranges, final int x0, final int y0, final int w, final int h)
	{
		final float[][] values = new float[channels.length][w * h];
		final boolean[] hole = new boolean[w * h];
		TileReader.read(image, mask, channels, ranges, x0, y0, w, h, values, hole);
		return new Frame(x0, y0, w, h, values, hole);
	}

	int channels() {
		return values.length;
	}

	/** @return {lo[], hi[]}: the range of the known values per channel (see {@link KnownRange}) */
	float[][] knownRange() {
		final float[][] range = KnownRange.empty(values.length);
		KnownRange.widen(range, values, hole, false);
		return range;
	}

	/**
	 * Copies the rectangle (tx, ty, tw, th) of frame coordinates of {@code src} (frame-sized planar
	 * arrays) into {@code dst}. Pixels beyond the frame get {@code outside}, or, when
	 * {@code outside} is NaN, the value of the nearest frame pixel.
	 */
	void cut(final float[][] src, final int tx, final int ty, final int tw, final int th,
		final float[][] dst, final float outside)
	{
		final boolean nearest = Float.isNaN(outside);
		for (int c = 0; c < src.length; c++) {
			for (int y = 0; y < th; y++) {
				final int fy = ty + y;
				final boolean rowIn = fy >= 0 && fy < h;
				final int ny = Math.max(0, Math.min(h - 1, fy));
				for (int x = 0; x < tw; x++) {
					final int fx = tx + x;
					final int i = y * tw + x;
					if (rowIn && fx >= 0 && fx < w) dst[c][i] = src[c][fy * w + fx];
					else dst[c][i] = nearest ? src[c][ny * w + Math.max(0, Math.min(w - 1, fx))]
						: outside;
				}
			}
		}
	}

	/** The hole map of the rectangle; pixels beyond the frame are holes (padding). */
	void cutHole(final int tx, final int ty, final int tw, final int th, final boolean[] dst) {
		cut(hole, tx, ty, tw, th, true, dst);
	}

	/** Copies the rectangle of a frame-sized map; pixels beyond the frame get {@code outside}. */
	void cut(final boolean[] src, final int tx, final int ty, final int tw, final int th,
		final boolean outside, final boolean[] dst)
	{
		for (int y = 0; y < th; y++) {
			final int fy = ty + y;
			for (int x = 0; x < tw; x++) {
				final int fx = tx + x;
				dst[y * tw + x] = fy < 0 || fy >= h || fx < 0 || fx >= w ? outside : src[fy * w +
					fx];
			}
		}
	}
}
