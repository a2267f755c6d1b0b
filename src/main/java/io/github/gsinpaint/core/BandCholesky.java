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
 * The Cholesky factor of a level's matrix ({@link HoleGrid}) stored as a band: the unknowns are
 * in raster order, so every entry lies within a few rows of pixels of the diagonal and the factor
 * fills only that band. Used for the coarsest level of the multigrid cycle, which is solved once
 * per cycle: a factor of a few thousand unknowns costs tens of milliseconds once, and a solve
 * then costs about as much as one conjugate-gradient iteration on the next finer level.
 */
final class BandCholesky {

	/** No factor is made when the band would hold more numbers than this (64 MB)... */
	static final long MAX_ENTRIES = 8L << 20;
	/** ... or its factorisation would take more multiplications than this (about a second). */
	static final long MAX_WORK = 500_000_000L;

	private final int n, p;
	/** Row k holds L[k][k - p .. k] at {@code band[k * (p + 1) + (j - k + p)]}. */
	private final double[] band;

	private BandCholesky(final int n, final int p, final double[] band) {
		this.n = n;
		this.p = p;
		this.band = band;
	}

	/** @return the factor of the level's matrix, or null when its band is too large */
	static BandCholesky of(final HoleGrid g) {
		final int n = g.n;
		final int[] cols = new int[16];
		final double[] vals = new double[16], t = g.vector();
		int p = 0;
		for (int k = 0; k < n; k++) {
			final int c = g.row(k, cols, vals, t);
			for (int i = 0; i < c; i++)
				p = Math.max(p, k - cols[i]);
		}
		final int width = p + 1;
		if ((long) n * width > MAX_ENTRIES || (long) n * width * width / 2 > MAX_WORK) return null;
		final double[] band = new double[n * width];
		for (int k = 0; k < n; k++) {
			final int c = g.row(k, cols, vals, t);
			for (int i = 0; i < c; i++)
				if (cols[i] <= k) band[k * width + cols[i] - k + p] = vals[i];
		}
		for (int k = 0; k < n; k++) {
			final int rk = k * width - k + p; // band index of (k, j) is rk + j
			for (int j = Math.max(0, k - p); j <= k; j++) {
				final int rj = j * width - j + p;
				double s = band[rk + j];
				for (int i = Math.max(0, k - p); i < j; i++)
					s -= band[rk + i] * band[rj + i];
				if (j < k) band[rk + j] = s / band[rj + j];
				else {
					if (!(s > 0)) return null; // not positive definite to round-off
					band[rk + k] = Math.sqrt(s);
				}
			}
		}
		return new BandCholesky(n, p, band);
	}

	/** Solves {@code A z = r} (the first n entries of each). */
	void solve(final double[] r, final double[] z) {
		final int width = p + 1;
		for (int k = 0; k < n; k++) {
			final int rk = k * width - k + p;
			double s = r[k];
			for (int i = Math.max(0, k - p); i < k; i++)
				s -= band[rk + i] * z[i];
			z[k] = s / band[rk + k];
		}
		for (int k = n - 1; k >= 0; k--) {
			double s = z[k];
			for (int i = k + 1; i <= Math.min(n - 1, k + p); i++)
				s -= band[i * width - i + p + k] * z[i];
			z[k] = s / band[k * width - k + p + k];
		}
	}
}
