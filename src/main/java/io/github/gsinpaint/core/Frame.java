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
	 * arrays) into {@code dst}. A tile reaches beyond the frame only beyond the image's border
	 * (the frame is its region's window clipped to the image); there it gets the frame mirrored at
	 * its border, as {@link #mirror} maps it.
	 */
	void cut(final float[][] src, final int tx, final int ty, final int tw, final int th,
		final float[][] dst)
	{
		for (int c = 0; c < src.length; c++) {
			for (int y = 0; y < th; y++) {
				final int row = mirror(ty + y, h) * w;
				for (int x = 0; x < tw; x++)
					dst[c][y * tw + x] = src[c][row + mirror(tx + x, w)];
			}
		}
	}

	/** The hole map of the rectangle, mirrored beyond the frame as {@link #cut} does. */
	void cutHole(final int tx, final int ty, final int tw, final int th, final boolean[] dst) {
		cut(hole, tx, ty, tw, th, dst);
	}

	/** Copies the rectangle of a frame-sized map, mirrored beyond the frame as {@link #cut} does. */
	void cut(final boolean[] src, final int tx, final int ty, final int tw, final int th,
		final boolean[] dst)
	{
		for (int y = 0; y < th; y++) {
			final int row = mirror(ty + y, h) * w;
			for (int x = 0; x < tw; x++)
				dst[y * tw + x] = src[row + mirror(tx + x, w)];
		}
	}

	/**
	 * The frame position that position {@code i} of a tile maps to: itself inside [0, n), else its
	 * mirror image at the border (the border pixel repeated once, -1 -> 0, n -> n - 1), again and
	 * again when the tile is more than twice as long as the frame (a 1 px high image). Why mirrored
	 * and known, not holes: the model learnt from tiles that lie inside images; beyond an image's
	 * border, a tile padded with holes asked it to invent most of the tile around a strip of
	 * context (a ramp 1 px high came back with waves of 20% of its range), while the mirror image
	 * is what it knows: more of the same image.
	 */
	static int mirror(final int i, final int n) {
		if (i >= 0 && i < n) return i;
		final int period = 2 * n;
		int j = i % period;
		if (j < 0) j += period;
		return j < n ? j : period - 1 - j;
	}
}
