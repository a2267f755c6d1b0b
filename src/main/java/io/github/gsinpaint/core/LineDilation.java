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
 * One line of a separable dilation by a segment: the damage map's blocks and the mask builder's
 * rows (whose disc and square shapes are unions of such segments) both grow through it.
 */
public final class LineDilation {

	private LineDilation() {}

	/**
	 * Along the line {@code start + k * step}, {@code k} in {@code [0, n)}: sets {@code dst} at
	 * every {@code k} in {@code [lo, hi]} to whether some {@code src} within {@code r} of it is
	 * set (elements outside {@code [lo, hi]} are left alone). Two passes, O(n) for any radius.
	 */
	public static void dilate(final boolean[] src, final boolean[] dst, final int start,
		final int step, final int n, final int r, final int lo, final int hi)
	{
		int last = Integer.MIN_VALUE / 2; // the last set element seen walking forwards
		for (int k = Math.max(0, lo - r); k <= hi; k++) {
			if (src[start + k * step]) last = k;
			if (k >= lo) dst[start + k * step] = k - last <= r;
		}
		int next = Integer.MAX_VALUE / 2; // walking backwards
		for (int k = Math.min(n - 1, hi + r); k >= lo; k--) {
			if (src[start + k * step]) next = k;
			if (k <= hi && next - k <= r) dst[start + k * step] = true;
		}
	}
}
