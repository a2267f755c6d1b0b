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

import java.util.ArrayList;
import java.util.List;


/**
 * The harmonic or biharmonic fill of a whole hole at once, however large: one linear system over
 * every hole pixel of a window, solved coarse to fine.
 * <p>
 * Why coarse to fine: conjugate gradient (even SSOR-preconditioned, as in {@link HoleSystem})
 * needs about as many iterations as the hole is wide for the Laplacian, and far more for the
 * bilaplacian, because it moves information a few pixels per iteration, and a 1000-pixel-wide
 * hole would take tens of thousands of sweeps. A cascade solves the same problem on grids of
 * 2 x 2, 4 x 4, ... blocks first (each a quarter of the one before, down to a few thousand
 * unknowns), and starts every finer level from the bilinear interpolation of the coarser
 * solution. The smooth part of the answer is then right from the start and the fine level only
 * corrects detail near the hole's border, in a number of iterations that barely grows with the
 * hole (cascadic conjugate gradient). A linear ramp survives restriction (block means) and
 * bilinear interpolation exactly, so it is reproduced to rounding at every size.
 * <p>
 * A small or thin hole is solved directly instead, by one {@link BandCholesky} factor for every
 * channel, when that costs less than the cascade's fixed part ({@link #DIRECT_WORK}).
 * <p>
 * Memory and time grow with the number of hole pixels: each level stores a neighbour table and a
 * few vectors over its hole (and, for the biharmonic, the known pixels next to it), about 80 bytes
 * per hole pixel in all; the coarser levels add a third.
 */
public final class WholeHoleSolver {

	/** Relative residual at which every level stops (as in {@link HoleSystem}). */
	static final double TOLERANCE = 1e-6;
	/**
	 * Relative residual of the coarsest level. Every finer level starts from its solution, and the
	 * finer levels' own stopping rule does not remove a smooth error left here (its residual is
	 * tiny compared with the right-hand side), so it is solved to the end; it has few unknowns.
	 */
	static final double COARSEST_TOLERANCE = 1e-10;
	/** Levels are added until the hole has at most this many pixels. */
	static final int COARSEST_UNKNOWNS = 1024;
	/**
	 * The finest level is solved directly ({@link BandCholesky}) when factoring it takes at most
	 * this many multiplications per unknown and channel (harmonic; {@link #DIRECT_WORK_BIHARMONIC}
	 * for the biharmonic), otherwise by the cascade. Measured on 256 x 256 windows of three
	 * channels ({@code core.PriorTimer}): the factor costs about its envelope's width squared over
	 * 2 per unknown, once for all channels (a 100 x 100 box: 5,000), and breaks even with the
	 * cascade at about 1,700 (harmonic) and 5,000 (biharmonic) per unknown and channel; the
	 * cascade's cost is mostly fixed per unknown (the levels, a V-cycle of about 20 sweeps per
	 * iteration), so below that the direct solve wins, by 7 times on 12% of strokes.
	 */
	static final long DIRECT_WORK = 1000;
	/** {@link #DIRECT_WORK} for the biharmonic, whose cascade costs more per unknown. */
	static final long DIRECT_WORK_BIHARMONIC = 3000;
	/** Cancellation is polled (and progress reported) every this many iterations. */
	private static final int POLL_EVERY = 16;

	private WholeHoleSolver() {}

	/**
	 * @param values planar values {@code values[c][y * w + x]}; hole pixels are ignored
	 * @param hole true where the fill is wanted; non-finite values count as holes in every channel
	 * @param kind {@link Prior#HARMONIC} or {@link Prior#BIHARMONIC}
	 * @param progress polled for cancellation; reports the fraction of the solve done
	 * @return new planar values: the input at known pixels, the solution in the hole (0.5 when
	 *         the window has no known pixel at all)
	 */
	public static float[][] fill(final float[][] values, final boolean[] hole, final int w,
		final int h, final Prior kind, final Progress progress)
	{
		return fill(values, hole, w, h, kind, progress, directWork(kind));
	}

	/**
	 * The prior a method asks for ({@link TileFiller#prior()}, {@link TileFiller#priorSweeps()}):
	 * the exact fill, or with {@code sweeps > 0} the harmonic fill as training computed it
	 * ({@link CascadicSor}). Arguments and result as in
	 * {@link #fill(float[][], boolean[], int, int, Prior, Progress)}.
	 */
	public static float[][] prior(final float[][] values, final boolean[] hole, final int w,
		final int h, final Prior kind, final int sweeps, final Progress progress)
	{
		if (sweeps > 0 && kind == Prior.HARMONIC) return CascadicSor.harmonic(values, hole, w, h,
			sweeps, progress);
		return fill(values, hole, w, h, kind, progress);
	}

	/**
	 * {@link #fill(float[][], boolean[], int, int, Prior, Progress)} with the most work per
	 * unknown and channel of a direct solve (0: always the cascade; tests).
	 */
	static float[][] fill(final float[][] values, final boolean[] hole, final int w, final int h,
		final Prior kind, final Progress progress, final long directWork)
	{
		if (kind == Prior.NONE) throw new IllegalArgumentException("no equation for Prior.NONE");
		final int size = w * h;
		if (hole.length != size) throw new IllegalArgumentException("hole has " + hole.length +
			" entries, expected " + w + " x " + h);
		final boolean[] unknown = new boolean[size];
		boolean anyUnknown = false, anyKnown = false;
		for (int p = 0; p < size; p++) {
			boolean u = hole[p];
			for (int c = 0; c < values.length && !u; c++)
				u = !Float.isFinite(values[c][p]);
			unknown[p] = u;
			anyUnknown |= u;
			anyKnown |= !u;
		}
		final float[][] out = new float[values.length][];
		for (int c = 0; c < values.length; c++) {
			out[c] = values[c].clone();
			for (int p = 0; p < size; p++)
				if (unknown[p]) out[c][p] = anyKnown ? 0 : 0.5f;
		}
		if (!anyUnknown || !anyKnown) return out;

		final HoleGrid fine = new HoleGrid(unknown, w, h, kind == Prior.BIHARMONIC);
		progress.checkCancelled();
		final BandCholesky direct = directWork <= 0 ? null : BandCholesky.of(fine, directWork *
			fine.n * values.length);
		if (direct != null) {
			solveDirectly(fine, direct, out, progress);
			return out;
		}
		final List<HoleGrid> levels = new ArrayList<>();
		levels.add(fine);
		while (levels.get(levels.size() - 1).n > COARSEST_UNKNOWNS) {
			progress.checkCancelled();
			final HoleGrid coarser = levels.get(levels.size() - 1).coarsen();
			if (coarser == null) break;
			levels.add(coarser);
		}
		final Share share = new Share(progress, levels, values.length);
		final BandCholesky coarsest = BandCholesky.of(levels.get(levels.size() - 1));
		for (int c = 0; c < values.length; c++)
			solveChannel(levels, coarsest, out[c], share, c);
		return out;
	}

	static long directWork(final Prior kind) {
		return kind == Prior.BIHARMONIC ? DIRECT_WORK_BIHARMONIC : DIRECT_WORK;
	}

	/**
	 * Every channel by the one factor of the finest level: the exact solution (to round-off), in
	 * less time than the cascade needs to reach {@link #TOLERANCE} when the hole is small or thin.
	 */
	private static void solveDirectly(final HoleGrid g, final BandCholesky factor,
		final float[][] out, final Progress progress)
	{
		final double[] x = g.vector(), b = new double[g.n], work = g.vector();
		for (int c = 0; c < out.length; c++) {
			progress.checkCancelled();
			progress.report((double) c / out.length, "Solving the whole hole: " + g.n +
				" unknowns, channel " + (c + 1) + " of " + out.length);
			g.rhs(out[c], b, work);
			factor.solve(b, x);
			for (int k = 0; k < g.n; k++)
				out[c][g.pixel[k]] = (float) x[k];
		}
	}

	/** Runs the cascade for one channel; {@code grid} holds the known values and gets the fill. */
	private static void solveChannel(final List<HoleGrid> levels, final BandCholesky coarsest,
		final float[] grid, final Share share, final int channel)
	{
		final int top = levels.size() - 1;
		final float[][] data = new float[levels.size()][];
		data[0] = grid;
		for (int l = 1; l <= top; l++) {
			data[l] = new float[levels.get(l).w * levels.get(l).h];
			levels.get(l - 1).restrict(data[l - 1], levels.get(l), data[l]);
		}
		for (int l = top; l >= 0; l--) {
			final HoleGrid g = levels.get(l);
			final double[] x = g.vector(), b = new double[g.n];
			g.rhs(data[l], b, g.vector());
			if (l == top && coarsest != null) coarsest.solve(b, x);
			else if (l == top) {
				g.onionPeel(data[l], x);
				conjugateGradient(g, b, x, share.level(channel, l), top > 0 ? COARSEST_TOLERANCE
					: TOLERANCE, ssor(g), POLL_EVERY);
			}
			else {
				g.prolong(levels.get(l + 1), data[l + 1], x);
				conjugateGradient(g, b, x, share.level(channel, l), TOLERANCE, new Multigrid(levels,
					l, coarsest), 1);
			}
			for (int k = 0; k < g.n; k++)
				data[l][g.pixel[k]] = (float) x[k];
		}
	}

	/** {@code z = M^-1 r} for a preconditioner M of a level's operator. */
	interface Preconditioner {

		/**
		 * @param r length at least n
		 * @param z a vector of the level; only its hole part is written
		 * @param q scratch, length at least n (the caller's, free during the call)
		 * @param t scratch, a vector of the level (the caller's, free during the call)
		 */
		void apply(double[] r, double[] z, double[] q, double[] t);

		/**
		 * @return whether it may vary a little from call to call (an inner solve stopped at a
		 *         residual): conjugate gradient then takes its flexible form
		 */
		default boolean varies() {
			return false;
		}
	}

	/** The SSOR preconditioner of a level ({@link HoleGrid#precondition}). */
	static Preconditioner ssor(final HoleGrid g) {
		return (r, z, q, t) -> g.precondition(r, z, t);
	}

	/**
	 * Preconditioned conjugate gradient on one level, from (and into) x; in its flexible form
	 * (Polak-Ribiere's beta) when the preconditioner {@link Preconditioner#varies()}: a multigrid
	 * cycle whose coarsest level has no factor solves it to a residual.
	 *
	 * @param b the right-hand side, length n (see {@link HoleGrid#rhs})
	 * @param pollEvery cancellation is polled and progress reported every this many iterations
	 * @return the number of iterations done
	 */
	static int conjugateGradient(final HoleGrid g, final double[] b, final double[] x,
		final Progress progress, final double tolerance, final Preconditioner m,
		final int pollEvery)
	{
		final int n = g.n;
		final double[] r = new double[n], q = new double[n];
		final double[] previous = m.varies() ? new double[n] : null;
		final double[] z = g.vector(), d = g.vector(), t = g.vector();
		g.apply(x, q, t);
		double bb = 0, rr = 0;
		for (int k = 0; k < n; k++) {
			r[k] = b[k] - q[k];
			bb += b[k] * b[k];
			rr += r[k] * r[k];
		}
		// An absolute floor keeps b = 0 (all-zero context) from asking for an exact zero residual.
		final double stop = Math.max(tolerance * tolerance * bb, 1e-24 * n);
		final double start = rr;
		if (rr <= stop) return 0;
		m.apply(r, z, q, t);
		System.arraycopy(z, 0, d, 0, n);
		double rz = dot(r, z, n);
		final int max = g.maxIterations();
		int it = 0;
		while (rr > stop && it < max) {
			if (++it % pollEvery == 0) {
				progress.checkCancelled();
				// conjugate gradient's progress: how far the residual has come on a log scale
				progress.report(Math.log(start / rr) / Math.log(start / stop), "iteration " + it);
			}
			g.apply(d, q, t);
			final double dq = dot(d, q, n);
			if (!(dq > 0) || !(rz > 0)) break; // breakdown (round-off only, A is SPD)
			final double alpha = rz / dq;
			if (previous != null) System.arraycopy(r, 0, previous, 0, n);
			rr = 0;
			for (int k = 0; k < n; k++) {
				x[k] += alpha * d[k];
				r[k] -= alpha * q[k];
				rr += r[k] * r[k];
			}
			m.apply(r, z, q, t);
			final double rzNew = dot(r, z, n);
			final double rzPrevious = previous == null ? 0 : dot(previous, z, n);
			final double beta = Math.max(0, (rzNew - rzPrevious) / rz);
			rz = rzNew;
			for (int k = 0; k < n; k++)
				d[k] = z[k] + beta * d[k];
		}
		return it;
	}

	/**
	 * A multigrid V-cycle over the levels from one level down to the coarsest, as the
	 * preconditioner of conjugate gradient on that level: Gauss-Seidel sweeps forward, the
	 * residual carried to the coarser level ({@link HoleGrid#restrictResidual}), the same cycle
	 * there, its correction interpolated back ({@link HoleGrid#addCorrection}), Gauss-Seidel sweeps
	 * backward; the coarsest level is solved by SSOR-preconditioned conjugate gradient. Smoothing
	 * removes the error that varies from pixel to pixel, the coarser levels the smooth error that
	 * smoothing barely touches, so the number of iterations stays about the same for any hole
	 * size and any content (SSOR alone needed about as many as the hole is wide, more on noisy
	 * borders).
	 * <p>
	 * The coarse equations are those of the coarse grid, scaled to match {@code P^T A P}: the
	 * Laplacian of a grid twice as coarse is 4 times larger per pixel and P^T sums 4 pixels, so the
	 * harmonic scale is 1; the bilaplacian is 16 times larger, so its scale is 4.
	 */
	static final class Multigrid implements Preconditioner {

		/** Gauss-Seidel sweeps before and after the coarse correction. */
		static final int SWEEPS = 2;
		/** Relative residual at which the coarsest solve inside a cycle stops. */
		static final double COARSE_TOLERANCE = 1e-3;

		private final List<HoleGrid> levels;
		private final int first;
		private final double scale;
		private final double[][] r, z, y, q;
		private final Preconditioner coarsest, ssor;

		/**
		 * @param factor the coarsest level's factor, or null to solve that level by conjugate
		 *          gradient
		 */
		Multigrid(final List<HoleGrid> levels, final int first, final BandCholesky factor) {
			this.levels = levels;
			this.first = first;
			final int count = levels.size();
			scale = levels.get(first).biharmonic ? 4 : 1;
			r = new double[count][];
			z = new double[count][];
			y = new double[count][];
			q = new double[count][];
			for (int l = first; l < count; l++) {
				final HoleGrid g = levels.get(l);
				if (l == first) continue; // the caller's scratch serves there
				r[l] = new double[g.n];
				z[l] = g.vector();
				y[l] = g.vector();
				q[l] = new double[g.n];
			}
			coarsest = factor == null ? null : (rc, zc, qc, tc) -> factor.solve(rc, zc);
			ssor = ssor(levels.get(count - 1));
		}

		@Override
		public void apply(final double[] residual, final double[] correction, final double[] q0,
			final double[] y0)
		{
			q[first] = q0;
			y[first] = y0;
			cycle(first, residual, correction);
		}

		@Override
		public boolean varies() {
			return coarsest == null;
		}

		private void cycle(final int l, final double[] rl, final double[] zl) {
			final HoleGrid g = levels.get(l);
			java.util.Arrays.fill(zl, 0);
			if (l == levels.size() - 1) {
				if (coarsest != null) coarsest.apply(rl, zl, q[l], y[l]);
				else conjugateGradient(g, rl, zl, Progress.NONE, COARSE_TOLERANCE, ssor,
					Integer.MAX_VALUE);
				return;
			}
			final HoleGrid coarse = levels.get(l + 1);
			g.presmooth(rl, zl, y[l], SWEEPS, q[l]);
			g.restrictResidual(coarse, q[l], r[l + 1]);
			for (int k = 0; k < coarse.n; k++)
				r[l + 1][k] *= scale;
			cycle(l + 1, r[l + 1], z[l + 1]);
			g.addCorrection(coarse, z[l + 1], zl);
			g.postsmooth(rl, zl, y[l], SWEEPS);
		}
	}

	private static double dot(final double[] a, final double[] b, final int n) {
		double s = 0;
		for (int k = 0; k < n; k++)
			s += a[k] * b[k];
		return s;
	}

	/**
	 * Splits the solve's progress over channels and levels by their number of unknowns (a level's
	 * iterations cost in proportion to its unknowns) and polls cancellation.
	 */
	private static final class Share {

		private final Progress progress;
		private final long[] unknowns;
		private final long perChannel;
		private final int channels;

		Share(final Progress progress, final List<HoleGrid> levels, final int channels) {
			this.progress = progress;
			this.channels = channels;
			unknowns = new long[levels.size()];
			long sum = 0;
			for (int l = 0; l < unknowns.length; l++)
				sum += unknowns[l] = levels.get(l).n;
			perChannel = sum;
		}

		Progress level(final int channel, final int level) {
			long before = 0;
			for (int l = unknowns.length - 1; l > level; l--)
				before += unknowns[l];
			final double base = (channel + (double) before / perChannel) / channels;
			final double span = (double) unknowns[level] / perChannel / channels;
			final String what = "Solving the whole hole: level " + (level + 1) + " of " +
				unknowns.length + ", " + unknowns[level] + " unknowns, ";
			progress.checkCancelled();
			progress.report(base, what + "start");
			return progress.part(base, span, what);
		}
	}
}
