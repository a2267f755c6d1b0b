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

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;

/** Copies one tile of the input into normalised planar arrays and a hole map. */
final class TileReader {

	private TileReader() {}

	/**
	 * A pixel is a hole when it is masked, when any channel of the group is not finite (unknown
	 * context, e.g. NaN in a float image), or when it lies outside the image (padding of tiles
	 * larger than a small image). Holes get the value 0, as the model was trained with.
	 */
	static void read(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final int[] channels,
		final IntensityRange[] ranges, final int x0, final int y0, final int w, final int h,
		final float[][] values, final boolean[] hole)
	{
		final int iw = (int) image.dimension(0), ih = (int) image.dimension(1);
		final RandomAccess<? extends RealType<?>> ra = image.randomAccess();
		final RandomAccess<? extends BooleanType<?>> m = mask.randomAccess();
		final boolean hasChannelAxis = image.numDimensions() > 2;
		for (int ty = 0; ty < h; ty++) {
			final int y = y0 + ty;
			for (int tx = 0; tx < w; tx++) {
				final int x = x0 + tx;
				final int i = ty * w + tx;
				boolean isHole = x >= iw || y >= ih || x < 0 || y < 0;
				if (!isHole) {
					m.setPosition(x, 0);
					m.setPosition(y, 1);
					isHole = m.get().get();
				}
				if (!isHole) {
					ra.setPosition(x, 0);
					ra.setPosition(y, 1);
					for (int c = 0; c < channels.length; c++) {
						if (hasChannelAxis) ra.setPosition(channels[c], 2);
						final double v = ra.get().getRealDouble();
						if (!Double.isFinite(v)) {
							isHole = true;
							break;
						}
						values[c][i] = ranges[c].normalise(v);
					}
				}
				hole[i] = isHole;
				if (isHole) for (int c = 0; c < channels.length; c++)
					values[c][i] = 0f;
			}
		}
	}
}
