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
 * Exact Euclidean distance from every hole pixel to the nearest known pixel, by two passes of the
 * one-dimensional lower-envelope-of-parabolas transform (Felzenszwalb and Huttenlocher, 2012).
 * Linear in the number of pixels.
 */
public final class DistanceTransform {

	private static final double FAR = 1e20;

	private DistanceTransform() {}

	/**
	 * @return distance per pixel: 0 at known pixels, {@link Double#POSITIVE_INFINITY} everywhere
	 *         when there is no known pixel
	 */
	public static double[] toKnown(final boolean[] hole, final int w, final int h) {
		final double[] d = new double[w * h];
		boolean anyKnown = false;
		for (int i = 0; i < d.length; i++) {
			d[i] = hole[i] ? FAR : 0;
			anyKnown |= !hole[i];
		}
		if (!anyKnown) {
			java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
			return d;
		}
		final int n = Math.max(w, h);
		final double[] f = new double[n], out = new double[n], z = new double[n + 1];
		final int[] v = new int[n];
		for (int x = 0; x < w; x++) {
			for (int y = 0; y < h; y++)
				f[y] = d[y * w + x];
			envelope(f, h, out, v, z);
			for (int y = 0; y < h; y++)
				d[y * w + x] = out[y];
		}
		for (int y = 0; y < h; y++) {
			System.arraycopy(d, y * w, f, 0, w);
			envelope(f, w, out, v, z);
			for (int x = 0; x < w; x++)
				d[y * w + x] = Math.sqrt(out[x]);
		}
		return d;
	}

	/** Squared distance transform of a sampled function f along one line. */
	private static void envelope(final double[] f, final int n, final double[] out, final int[] v,
		final double[] z)
	{
		int k = 0;
		v[0] = 0;
		z[0] = Double.NEGATIVE_INFINITY;
		z[1] = Double.POSITIVE_INFINITY;
		for (int q = 1; q < n; q++) {
			double s = intersection(f, q, v[k]);
			while (s <= z[k]) {
				k--;
				s = intersection(f, q, v[k]);
			}
			k++;
			v[k] = q;
			z[k] = s;
			z[k + 1] = Double.POSITIVE_INFINITY;
		}
		k = 0;
		for (int q = 0; q < n; q++) {
			while (z[k + 1] < q)
				k++;
			final double dq = q - v[k];
			out[q] = dq * dq + f[v[k]];
		}
	}

	private static double intersection(final double[] f, final int q, final int p) {
		return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
	}
}
