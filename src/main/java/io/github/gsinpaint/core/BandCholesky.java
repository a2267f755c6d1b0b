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
 * The Cholesky factor of a level's matrix ({@link HoleGrid}) stored as a variable band (an
 * envelope, or skyline): row i of the factor is stored from its first non-zero column of the
 * matrix to the diagonal, and Cholesky's fill-in never leaves that envelope. The unknowns are
 * ordered so that the envelope is narrow: the hole's coupled parts (its connected components; the
 * biharmonic also couples pixels two apart across a known one) one after the other, since they
 * do not interact, and each in raster order along its shorter side (by rows, or by columns when
 * that gives the narrower envelope: a horizontal stroke by columns). A row then reaches back
 * about one row (two, biharmonic) of its own part: a stroke 12 px wide costs about 12 numbers per
 * unknown, where one band over the window in raster order is as wide as the most hole pixels that
 * lie between a pixel and the one above it, all strokes in that stretch of rows counted.
 * <p>
 * Used for the coarsest level of the multigrid cycle (solved once per cycle) and, when it is
 * cheap enough, for a whole small hole at once ({@link WholeHoleSolver}): a factor of a few
 * thousand unknowns costs a few milliseconds once, and a solve then costs about as much as one
 * conjugate-gradient iteration. Not thread-safe: its solves share one scratch vector.
 */
final class BandCholesky {

	/** No factor is made when the envelope would hold more numbers than this (64 MB)... */
	static final long MAX_ENTRIES = 8L << 20;
	/** ... or its factorisation would take more multiplications than this (about a second). */
	static final long MAX_WORK = 500_000_000L;

	private final int n;
	/** Position in the factor's order to the level's unknown. */
	private final int[] order;
	/** First column (a position) of each row's envelope. */
	private final int[] first;
	/** Entry (i, j), first[i] <= j <= i, is {@code l[base[i] + j]}. */
	private final int[] base;
	private final double[] l;
	private final double[] scratch;

	private BandCholesky(final int[] order, final int[] first, final int[] base,
		final double[] l)
	{
		this.n = order.length;
		this.order = order;
		this.first = first;
		this.base = base;
		this.l = l;
		scratch = new double[n];
	}

	/** @return the factor of the level's matrix, or null when its envelope is too large */
	static BandCholesky of(final HoleGrid g) {
		return of(g, MAX_WORK);
	}

	/**
	 * @param maxWork the most multiplications the factorisation may take (estimated from the
	 *          envelope before anything large is allocated)
	 * @return the factor of the level's matrix, or null when it would take more work than
	 *         {@code maxWork}, hold more than {@link #MAX_ENTRIES} numbers, or the matrix is not
	 *         positive definite to round-off
	 */
	static BandCholesky of(final HoleGrid g, final long maxWork) {
		final int n = g.n;
		final long budget = Math.min(maxWork, MAX_WORK);
		if (n == 0 || n > budget) return null;
		final int[] cols = new int[32];
		final double[] vals = new double[32], t = g.vector();

		// The coupled parts, by breadth-first search over the matrix's non-zeros.
		final int[] part = new int[n];
		java.util.Arrays.fill(part, -1);
		final int[] queue = new int[n];
		int parts = 0;
		for (int s = 0; s < n; s++) {
			if (part[s] >= 0) continue;
			part[s] = parts;
			int tail = 0;
			queue[tail++] = s;
			for (int head = 0; head < tail; head++) {
				final int c = g.row(queue[head], cols, vals, t);
				for (int i = 0; i < c; i++)
					if (part[cols[i]] < 0) {
						part[cols[i]] = parts;
						queue[tail++] = cols[i];
					}
			}
			parts++;
		}
		// Each part's unknowns by rows (the unknowns' own order) and by columns.
		final int[] start = new int[parts + 1];
		for (int k = 0; k < n; k++)
			start[part[k] + 1]++;
		for (int q = 0; q < parts; q++)
			start[q + 1] += start[q];
		final int[] byRows = new int[n], byColumns = queue, cursor = new int[parts];
		System.arraycopy(start, 0, cursor, 0, parts);
		for (int k = 0; k < n; k++)
			byRows[cursor[part[k]]++] = k;
		System.arraycopy(start, 0, cursor, 0, parts);
		final int[] unknownAt = g.unknownAt();
		for (int x = 0; x < g.w; x++)
			for (int p = x; p < unknownAt.length; p += g.w) {
				final int k = unknownAt[p];
				if (k >= 0) byColumns[cursor[part[k]]++] = k;
			}
		// Per part, the order with the smaller envelope; byRows becomes the factor's order.
		final int[] position = new int[n], first = new int[n];
		long work = 0, entries = 0;
		for (int q = 0; q < parts; q++) {
			final long rows = envelope(g, byRows, start[q], start[q + 1], position, cols, vals, t);
			final long columns = envelope(g, byColumns, start[q], start[q + 1], position, cols,
				vals, t);
			if (columns < rows) System.arraycopy(byColumns, start[q], byRows, start[q], start[q +
				1] - start[q]);
			work += Math.min(rows, columns);
			if (work / 2 > budget) return null;
		}
		final int[] order = byRows;
		for (int i = 0; i < n; i++)
			position[order[i]] = i;
		for (int i = 0; i < n; i++) {
			final int c = g.row(order[i], cols, vals, t);
			int f = i;
			for (int j = 0; j < c; j++)
				f = Math.min(f, position[cols[j]]);
			first[i] = f;
			entries += i - f + 1;
		}
		if (entries > MAX_ENTRIES) return null;
		final int[] base = new int[n];
		final double[] l = new double[(int) entries];
		for (int i = 0, at = 0; i < n; i++) {
			base[i] = at - first[i];
			at += i - first[i] + 1;
			final int c = g.row(order[i], cols, vals, t);
			for (int j = 0; j < c; j++) {
				final int col = position[cols[j]];
				if (col <= i) l[base[i] + col] = vals[j];
			}
		}
		// Cholesky by rows inside the envelope.
		for (int i = 0; i < n; i++) {
			final int fi = first[i], bi = base[i];
			for (int j = fi; j <= i; j++) {
				final int bj = base[j];
				double s = l[bi + j];
				for (int m = Math.max(fi, first[j]); m < j; m++)
					s -= l[bi + m] * l[bj + m];
				if (j < i) l[bi + j] = s / l[bj + j];
				else {
					if (!(s > 0)) return null; // not positive definite to round-off
					l[bi + i] = Math.sqrt(s);
				}
			}
		}
		return new BandCholesky(order, first, base, l);
	}

	/**
	 * @return twice the multiplications (about) of factoring the rows {@code seq[from..to)} in
	 *         that order: the sum of the squared envelope widths; {@code position} gets their
	 *         positions
	 */
	private static long envelope(final HoleGrid g, final int[] seq, final int from, final int to,
		final int[] position, final int[] cols, final double[] vals, final double[] t)
	{
		for (int i = from; i < to; i++)
			position[seq[i]] = i;
		long sum = 0;
		for (int i = from; i < to; i++) {
			final int c = g.row(seq[i], cols, vals, t);
			int f = i;
			for (int j = 0; j < c; j++)
				f = Math.min(f, position[cols[j]]);
			sum += (long) (i - f) * (i - f);
		}
		return sum;
	}

	/** @return the number of entries the factor holds */
	int entries() {
		return l.length;
	}

	/** Solves {@code A z = r} (the first n entries of each, in the level's order of unknowns). */
	void solve(final double[] r, final double[] z) {
		final double[] y = scratch;
		for (int i = 0; i < n; i++) {
			final int bi = base[i];
			double s = r[order[i]];
			for (int m = first[i]; m < i; m++)
				s -= l[bi + m] * y[m];
			y[i] = s / l[bi + i];
		}
		for (int i = n - 1; i >= 0; i--) {
			final int bi = base[i];
			final double v = y[i] / l[bi + i];
			y[i] = v;
			for (int m = first[i]; m < i; m++)
				y[m] -= l[bi + m] * v;
		}
		for (int i = 0; i < n; i++)
			z[order[i]] = y[i];
	}
}
