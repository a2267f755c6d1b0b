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
 * One level of the whole-hole solver ({@link WholeHoleSolver}): the harmonic or biharmonic system
 * of a hole on a pixel grid, stored without a matrix.
 * <p>
 * The operators are those of {@link HoleSystem} (the grid is a 4-connected pixel graph whose edges
 * stop at the grid border, known pixels fixed): harmonic {@code A = L_HH}, biharmonic
 * {@code A = (L L)_HH} with L the graph Laplacian. Instead of assembling rows (13 numbers and 13
 * column indices per unknown, over 600 MB for a 2000 x 2000 hole) the grid keeps only the
 * neighbour table of its active pixels: the hole pixels and, for the biharmonic, the known pixels
 * next to them (where {@code L d} must be known to form {@code L L d}). Memory is about 30 bytes
 * per hole pixel.
 * <p>
 * Vectors are indexed by active pixel: {@code [0, n)} are the hole pixels (the unknowns) in raster
 * order, {@code [n, m)} the known band (biharmonic only), and index {@code m} is a slot that always
 * holds 0 and stands for every neighbour that does not exist (beyond the grid) or is not active.
 */
final class HoleGrid {

	final int w, h;
	/** The hole on this grid, {@code hole[y * w + x]}. */
	final boolean[] hole;
	final boolean biharmonic;
	/** Number of hole pixels (unknowns) and of active pixels; vectors have length {@code m + 1}. */
	final int n, m;
	/** Active index to pixel index. */
	final int[] pixel;
	/** Four neighbours (left, right, up, down) per active pixel: active index or {@code m}. */
	private final int[] nb;
	/** Number of neighbours inside the grid (the graph degree). */
	private final byte[] deg;
	private final double omega;

	HoleGrid(final boolean[] hole, final int w, final int h, final boolean biharmonic) {
		this.w = w;
		this.h = h;
		this.hole = hole;
		this.biharmonic = biharmonic;
		final int size = w * h;
		final int[] index = new int[size];
		int holes = 0;
		for (int p = 0; p < size; p++)
			index[p] = hole[p] ? holes++ : -1;
		int active = holes;
		if (biharmonic) {
			for (int p = 0; p < size; p++) {
				if (!hole[p]) continue;
				final int x = p % w;
				if (x > 0 && index[p - 1] < 0) index[p - 1] = -2;
				if (x < w - 1 && index[p + 1] < 0) index[p + 1] = -2;
				if (p >= w && index[p - w] < 0) index[p - w] = -2;
				if (p + w < size && index[p + w] < 0) index[p + w] = -2;
			}
			for (int p = 0; p < size; p++)
				if (index[p] == -2) index[p] = active++;
		}
		n = holes;
		m = active;
		pixel = new int[m];
		for (int p = 0; p < size; p++)
			if (index[p] >= 0) pixel[index[p]] = p;
		nb = new int[4 * m];
		deg = new byte[m];
		for (int a = 0; a < m; a++) {
			final int p = pixel[a], x = p % w;
			int d = 0;
			d += link(a, 0, x > 0 ? index[p - 1] : -1, x > 0);
			d += link(a, 1, x < w - 1 ? index[p + 1] : -1, x < w - 1);
			d += link(a, 2, p >= w ? index[p - w] : -1, p >= w);
			d += link(a, 3, p + w < size ? index[p + w] : -1, p + w < size);
			deg[a] = (byte) d;
		}
		// As in HoleSystem: the best SSOR factor approaches 2 as the hole widens.
		omega = Math.max(1, Math.min(1.95, 2 / (1 + 3 / Math.sqrt(Math.max(1, n)))));
	}

	private int link(final int a, final int j, final int target, final boolean exists) {
		nb[4 * a + j] = target >= 0 ? target : m;
		return exists ? 1 : 0;
	}

	/** @return a new vector of this level (all zero, including the zero slot) */
	double[] vector() {
		return new double[m + 1];
	}

	/**
	 * The right-hand side {@code b = -(L v0)_H} (harmonic) or {@code -(L L v0)_H} (biharmonic), v0
	 * being the grid's values at known pixels and 0 in the hole.
	 *
	 * @param values grid values; only known pixels are read
	 * @param b output, length at least n
	 * @param work a vector of this level (overwritten)
	 */
	void rhs(final float[] values, final double[] b, final double[] work) {
		if (!biharmonic) {
			for (int k = 0; k < n; k++)
				b[k] = knownNeighbourSum(values, pixel[k]);
			return;
		}
		// (L v0) at every active pixel, v0 = 0 in the hole.
		for (int a = 0; a < m; a++) {
			final int p = pixel[a];
			work[a] = (hole[p] ? 0 : deg[a] * (double) values[p]) - knownNeighbourSum(values, p);
		}
		work[m] = 0;
		for (int k = 0; k < n; k++)
			b[k] = -(deg[k] * work[k] - work[nb[4 * k]] - work[nb[4 * k + 1]] - work[nb[4 * k + 2]] -
				work[nb[4 * k + 3]]);
	}

	/** Sum of the values of the known neighbours (inside the grid) of pixel p. */
	private double knownNeighbourSum(final float[] values, final int p) {
		final int x = p % w;
		double s = 0;
		if (x > 0 && !hole[p - 1]) s += values[p - 1];
		if (x < w - 1 && !hole[p + 1]) s += values[p + 1];
		if (p >= w && !hole[p - w]) s += values[p - w];
		if (p + w < hole.length && !hole[p + w]) s += values[p + w];
		return s;
	}

	/**
	 * {@code out[k] = (A d)_k} for the hole pixels.
	 *
	 * @param d a vector of this level that is zero outside the hole
	 * @param t a scratch vector of this level (biharmonic only)
	 */
	void apply(final double[] d, final double[] out, final double[] t) {
		if (!biharmonic) {
			for (int k = 0; k < n; k++)
				out[k] = laplacian(d, k);
			return;
		}
		for (int a = 0; a < m; a++)
			t[a] = laplacian(d, a);
		t[m] = 0;
		for (int k = 0; k < n; k++)
			out[k] = laplacian(t, k);
	}

	/** (L v) at active pixel a, v taken as 0 wherever the table points to the zero slot. */
	private double laplacian(final double[] v, final int a) {
		final int i = 4 * a;
		return deg[a] * v[a] - v[nb[i]] - v[nb[i + 1]] - v[nb[i + 2]] - v[nb[i + 3]];
	}

	/**
	 * Row k of A: its entries at unknowns (at most 13 for the biharmonic, 5 for the harmonic).
	 *
	 * @param t a vector of this level, all zero; left all zero
	 * @return the number of entries written to {@code cols} and {@code vals} (length 13 or more)
	 */
	int row(final int k, final int[] cols, final double[] vals, final double[] t) {
		if (!biharmonic) {
			int c = 0;
			cols[c] = k;
			vals[c++] = deg[k];
			for (int j = 0; j < 4; j++)
				if (nb[4 * k + j] < n) {
					cols[c] = nb[4 * k + j];
					vals[c++] = -1;
				}
			return c;
		}
		// A is symmetric: row k is column k, (L L e_k) at the unknowns, with t = L e_k.
		t[k] = deg[k];
		for (int j = 0; j < 4; j++)
			t[nb[4 * k + j]] -= 1;
		t[m] = 0;
		int c = 0;
		for (int j = -1; j < 4; j++) {
			final int a = j < 0 ? k : nb[4 * k + j];
			if (a == m) continue;
			for (int i = -1; i < 4; i++) {
				final int u = i < 0 ? a : nb[4 * a + i];
				if (u >= n) continue;
				boolean seen = false;
				for (int q = 0; q < c && !seen; q++)
					seen = cols[q] == u;
				if (seen) continue;
				cols[c] = u;
				vals[c++] = laplacian(t, u);
			}
		}
		t[k] = 0;
		for (int j = 0; j < 4; j++)
			t[nb[4 * k + j]] = 0;
		t[m] = 0;
		return c;
	}

	/**
	 * {@code z = M^-1 r} for the SSOR preconditioner M of A: one forward and one backward
	 * over-relaxed Gauss-Seidel sweep from z = 0 (which is exactly SSOR's preconditioning step, up
	 * to a constant factor that conjugate gradient does not see).
	 *
	 * @param y scratch vector (biharmonic: kept equal to {@code L z} during the sweeps, so a
	 *          sweep costs a few neighbour reads and writes per pixel instead of 13)
	 */
	void precondition(final double[] r, final double[] z, final double[] y) {
		java.util.Arrays.fill(z, 0, n, 0);
		if (biharmonic) java.util.Arrays.fill(y, 0);
		sweep(r, z, y, omega, true);
		sweep(r, z, y, omega, false);
	}

	/**
	 * One over-relaxed Gauss-Seidel sweep on {@code A z = r}, forward or backward in raster order.
	 *
	 * @param y biharmonic: {@code L z} on entry, kept so
	 */
	private void sweep(final double[] r, final double[] z, final double[] y, final double omega,
		final boolean forward)
	{
		if (!biharmonic) {
			if (forward) for (int k = 0; k < n; k++)
				relaxHarmonic(r, z, k, omega);
			else for (int k = n - 1; k >= 0; k--)
				relaxHarmonic(r, z, k, omega);
			return;
		}
		if (forward) for (int k = 0; k < n; k++)
			relaxBiharmonic(r, z, y, k, omega);
		else for (int k = n - 1; k >= 0; k--)
			relaxBiharmonic(r, z, y, k, omega);
	}

	/**
	 * Multigrid smoothing before the coarse correction: from z = 0, {@code sweeps} forward
	 * Gauss-Seidel sweeps on {@code A z = r}, then sweeps over the pixels near the hole's border
	 * (see {@link #BORDER_SWEEPS}).
	 *
	 * @param y scratch vector of this level
	 * @param residual gets {@code r - A z}
	 */
	void presmooth(final double[] r, final double[] z, final double[] y, final int sweeps,
		final double[] residual)
	{
		java.util.Arrays.fill(z, 0);
		java.util.Arrays.fill(y, 0);
		for (int s = 0; s < sweeps; s++)
			sweep(r, z, y, 1, true);
		for (int s = 0; s < BORDER_SWEEPS; s++)
			sweepBorder(r, z, y, true);
		// the biharmonic sweeps kept y = L z, so A z = (L y) at the unknowns
		for (int k = 0; k < n; k++)
			residual[k] = r[k] - laplacian(biharmonic ? y : z, k);
	}

	/**
	 * Multigrid smoothing after the coarse correction: the sweeps of {@link #presmooth} in the
	 * reverse order and direction, so that the cycle is a symmetric preconditioner.
	 */
	void postsmooth(final double[] r, final double[] z, final double[] y, final int sweeps) {
		if (biharmonic) {
			z[m] = 0;
			for (int a = 0; a < m; a++)
				y[a] = laplacian(z, a);
			y[m] = 0;
		}
		for (int s = 0; s < BORDER_SWEEPS; s++)
			sweepBorder(r, z, y, false);
		for (int s = 0; s < sweeps; s++)
			sweep(r, z, y, 1, false);
	}

	/**
	 * Extra Gauss-Seidel sweeps over the hole pixels within {@link #BORDER_DEPTH} of a known
	 * pixel, in each cycle. The coarse correction is interpolated bilinearly with 0 at the coarse
	 * known pixels, which is a poor fit where the error must vanish at the border with its
	 * gradient (the biharmonic's clamped border): without them the iterations grew with the
	 * number of levels (101 instead of 36 at 250,000 unknowns of the noisy cells).
	 */
	static final int BORDER_SWEEPS = 8;
	/** Distance to the nearest known pixel up to which {@link #BORDER_SWEEPS} relax. */
	static final int BORDER_DEPTH = 5;

	/**
	 * Hole pixels (unknown indices, in raster order) at most {@link #BORDER_DEPTH} steps from a
	 * known one, built on first use.
	 */
	private int[] border;

	private void sweepBorder(final double[] r, final double[] z, final double[] y,
		final boolean forward)
	{
		if (border == null) border = border();
		if (forward) for (final int k : border)
			if (biharmonic) relaxBiharmonic(r, z, y, k, 1);
			else relaxHarmonic(r, z, k, 1);
		else for (int i = border.length - 1; i >= 0; i--)
			if (biharmonic) relaxBiharmonic(r, z, y, border[i], 1);
			else relaxHarmonic(r, z, border[i], 1);
	}

	private int[] border() {
		// breadth first from the hole pixels next to a known one, BORDER_DEPTH steps deep
		final byte[] depth = new byte[n];
		final int[] queue = new int[n];
		int tail = 0;
		for (int k = 0; k < n; k++) {
			final int p = pixel[k], x = p % w;
			if (x > 0 && !hole[p - 1] || x < w - 1 && !hole[p + 1] || p >= w && !hole[p - w] ||
				p + w < hole.length && !hole[p + w])
			{
				depth[k] = 1;
				queue[tail++] = k;
			}
		}
		for (int head = 0; head < tail; head++) {
			final int k = queue[head];
			if (depth[k] >= BORDER_DEPTH) continue;
			for (int j = 0; j < 4; j++) {
				final int u = nb[4 * k + j];
				if (u < n && depth[u] == 0) {
					depth[u] = (byte) (depth[k] + 1);
					queue[tail++] = u;
				}
			}
		}
		java.util.Arrays.sort(queue, 0, tail);
		return java.util.Arrays.copyOf(queue, tail);
	}

	private void relaxHarmonic(final double[] r, final double[] z, final int k,
		final double omega)
	{
		z[k] += omega * (r[k] - laplacian(z, k)) / deg[k];
	}

	private void relaxBiharmonic(final double[] r, final double[] z, final double[] y,
		final int k, final double omega)
	{
		final int i = 4 * k, dk = deg[k];
		final double delta = omega * (r[k] - laplacian(y, k)) / (dk * dk + dk);
		z[k] += delta;
		y[k] += dk * delta;
		y[nb[i]] -= delta;
		y[nb[i + 1]] -= delta;
		y[nb[i + 2]] -= delta;
		y[nb[i + 3]] -= delta;
		y[m] = 0; // the zero slot stands for missing neighbours: undo what was written to it
	}

	int maxIterations() {
		return biharmonic ? 500 + 100 * (int) Math.sqrt(n) : 200 + 20 * (int) Math.sqrt(n);
	}

	// -- Coarser levels --

	/**
	 * @return the grid of 2 x 2 blocks (a block is in the hole when any of its pixels is), or null
	 *         when that grid would have no known pixel or would not be smaller
	 */
	HoleGrid coarsen() {
		final int cw = (w + 1) / 2, ch = (h + 1) / 2;
		if (cw * ch >= w * h) return null;
		final boolean[] c = new boolean[cw * ch];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (hole[y * w + x]) c[(y / 2) * cw + x / 2] = true;
		boolean anyKnown = false;
		for (final boolean b : c)
			anyKnown |= !b;
		if (!anyKnown) return null;
		// The grid's sides reflect, so where the hole comes closer to a side than the equation
		// reads (1 pixel for the harmonic, 2 for the biharmonic) a ramp across that side is no
		// longer the coarse level's solution, and its start for the finer level is a little off
		// there. It is coarsened all the same: the coarser levels only start the finer level's
		// solve and precondition it, so that costs a few iterations, while stopping the hierarchy
		// there left tens of thousands of unknowns to plain conjugate gradient (a 450 x 500 px hole
		// near an image's side: 20 s of a 26 s repair).
		return new HoleGrid(c, cw, ch, biharmonic);
	}

	/**
	 * Known values of the coarse grid: the mean of each block's pixels (all known, by the
	 * definition of the coarse hole), the value at the block's centre (2i + 0.5, 2j + 0.5) for
	 * anything linear. A block cut by the grid's last odd column or row holds one pixel across;
	 * its centre value is extrapolated linearly from the pixel before it, where that one is known,
	 * so that the coarse grid stays evenly spaced and a ramp stays exact on it. Hole values of the
	 * coarse grid are set to 0.
	 */
	void restrict(final float[] fine, final HoleGrid coarse, final float[] out) {
		final int cw = coarse.w;
		for (int j = 0; j < coarse.h; j++)
			for (int i = 0; i < cw; i++) {
				final int c = j * cw + i;
				if (coarse.hole[c]) {
					out[c] = 0;
					continue;
				}
				final int y = 2 * j;
				final double row = alongX(fine, i, y);
				if (y + 1 < h) out[c] = (float) (0.5 * (row + alongX(fine, i, y + 1)));
				else if (y > 0 && knownAcross(i, y - 1)) out[c] = (float) (1.5 * row - 0.5 * alongX(
					fine, i, y - 1));
				else out[c] = (float) row;
			}
	}

	/** Value at x = 2i + 0.5 on row y: mean of the pair, or extrapolated at the last odd column. */
	private double alongX(final float[] fine, final int i, final int y) {
		final int x = 2 * i, p = y * w + x;
		if (x + 1 < w) return 0.5 * (fine[p] + (double) fine[p + 1]);
		if (x > 0 && !hole[p - 1]) return 1.5 * fine[p] - 0.5 * fine[p - 1];
		return fine[p];
	}

	/**
	 * Whether the pixels of block column i on row y are known ({@link #alongX} falls back by
	 * itself where the pixel before a last odd column is not).
	 */
	private boolean knownAcross(final int i, final int y) {
		final int x = 2 * i, p = y * w + x;
		return !hole[p] && (x + 1 >= w || !hole[p + 1]);
	}

	/**
	 * Writes the bilinear interpolation of the complete coarse solution into this grid's hole
	 * pixels (vector {@code x}). Block (i, j) of the coarse grid is centred on the fine point
	 * (2i + 0.5, 2j + 0.5), so a linear ramp is carried over exactly.
	 */
	void prolong(final HoleGrid coarse, final float[] coarseValues, final double[] x) {
		final int[] at = new int[4];
		final double[] wt = new double[4];
		for (int k = 0; k < n; k++) {
			corners(coarse, pixel[k], at, wt);
			x[k] = wt[0] * coarseValues[at[0]] + wt[1] * coarseValues[at[1]] + wt[2] *
				coarseValues[at[2]] + wt[3] * coarseValues[at[3]];
		}
	}

	/**
	 * The four coarse pixels around fine pixel p and their bilinear weights (corners repeat at
	 * the coarse grid's last row or column, with their weights split accordingly).
	 */
	private void corners(final HoleGrid coarse, final int p, final int[] at, final double[] wt) {
		final int cw = coarse.w, ch = coarse.h;
		final double cx = clamp((p % w - 0.5) / 2, cw - 1);
		final double cy = clamp((p / w - 0.5) / 2, ch - 1);
		final int x0 = Math.min((int) cx, Math.max(0, cw - 2));
		final int y0 = Math.min((int) cy, Math.max(0, ch - 2));
		final int x1 = Math.min(x0 + 1, cw - 1), y1 = Math.min(y0 + 1, ch - 1);
		final double fx = cx - x0, fy = cy - y0;
		at[0] = y0 * cw + x0;
		at[1] = y0 * cw + x1;
		at[2] = y1 * cw + x0;
		at[3] = y1 * cw + x1;
		wt[0] = (1 - fx) * (1 - fy);
		wt[1] = fx * (1 - fy);
		wt[2] = (1 - fx) * fy;
		wt[3] = fx * fy;
	}

	private static double clamp(final double v, final int max) {
		return Math.max(0, Math.min(max, v));
	}

	/** Coarse pixel index to hole index (-1 for known pixels), built on first use. */
	private int[] unknownAt;

	int[] unknownAt() {
		if (unknownAt == null) {
			unknownAt = new int[w * h];
			java.util.Arrays.fill(unknownAt, -1);
			for (int k = 0; k < n; k++)
				unknownAt[pixel[k]] = k;
		}
		return unknownAt;
	}

	/**
	 * Multigrid transfer to the coarser grid: {@code rc = P^T r}, P being the bilinear
	 * interpolation of {@link #prolong} from the coarse hole (0 at coarse known pixels, where a
	 * correction is 0) to this grid's hole. Its transpose keeps the cycle symmetric.
	 */
	void restrictResidual(final HoleGrid coarse, final double[] r, final double[] rc) {
		final int[] index = coarse.unknownAt(), at = new int[4];
		final double[] wt = new double[4];
		java.util.Arrays.fill(rc, 0);
		for (int k = 0; k < n; k++) {
			corners(coarse, pixel[k], at, wt);
			for (int j = 0; j < 4; j++) {
				final int c = index[at[j]];
				if (c >= 0) rc[c] += wt[j] * r[k];
			}
		}
	}

	/** Multigrid transfer from the coarser grid: {@code z += P zc} (see {@link #restrictResidual}). */
	void addCorrection(final HoleGrid coarse, final double[] zc, final double[] z) {
		final int[] index = coarse.unknownAt(), at = new int[4];
		final double[] wt = new double[4];
		for (int k = 0; k < n; k++) {
			corners(coarse, pixel[k], at, wt);
			double s = 0;
			for (int j = 0; j < 4; j++) {
				final int c = index[at[j]];
				if (c >= 0) s += wt[j] * zc[c];
			}
			z[k] += s;
		}
	}

	/**
	 * Onion-peel start on the coarsest level: hole pixels in breadth-first order from the known
	 * pixels, each the mean of its neighbours filled before it (as {@link HoleSystem} starts).
	 */
	void onionPeel(final float[] values, final double[] x) {
		final double[] v = new double[w * h];
		for (int p = 0; p < v.length; p++)
			v[p] = hole[p] ? 0 : values[p];
		HoleSystem.onionPeel(v, hole, w, h);
		for (int k = 0; k < n; k++)
			x[k] = v[pixel[k]];
	}
}
