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

/**
 * Places fixed-size tiles along one axis of a region. A region no longer than a tile gets one tile
 * centred on it (spilling into the surrounding image for extra context where the image allows);
 * a longer one gets evenly spread tiles that overlap by at least the requested overlap.
 */
final class TileLayout {

	private TileLayout() {}

	/**
	 * @param start region start along the axis
	 * @param length region length
	 * @param imageLength image length along the axis
	 * @param tile maximal tile length (a multiple of {@code multiple})
	 * @param multiple tile lengths must be multiples of this
	 * @param minimum the shortest tile (a multiple of {@code multiple}, at most {@code tile})
	 * @param overlap minimal overlap between neighbouring tiles
	 * @return tile starts; every tile has length {@link #tileLength}
	 */
	static int[] starts(final int start, final int length, final int imageLength, final int tile,
		final int multiple, final int minimum, final int overlap)
	{
		final int size = tileLength(length, tile, multiple, minimum);
		if (length <= size) return new int[] { centred(start, length, imageLength, size) };
		final int step = Math.max(multiple, size - Math.min(overlap, size / 2));
		final int n = 1 + DamageMap.ceilDiv(length - size, step);
		final int[] s = new int[n];
		for (int k = 0; k < n; k++)
			s[k] = start + (int) Math.round((double) k * (length - size) / (n - 1));
		return s;
	}

	/**
	 * A region shorter than a tile uses a shorter tile (rounded up to the multiple) so that small
	 * defects cost little. A tile longer than the image (tiny images) is padded by the caller.
	 */
	static int tileLength(final int length, final int tile, final int multiple,
		final int minimum)
	{
		return Math.min(tile, Math.max(minimum, roundUp(length, multiple)));
	}

	private static int centred(final int start, final int length, final int imageLength,
		final int size)
	{
		final int s = start + length / 2 - size / 2;
		if (size >= imageLength) return 0;
		return Math.max(0, Math.min(imageLength - size, s));
	}

	static int roundUp(final int v, final int m) {
		return DamageMap.ceilDiv(v, m) * m;
	}
}
