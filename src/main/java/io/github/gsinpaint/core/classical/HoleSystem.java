package io.github.gsinpaint.core.classical;

import io.github.gsinpaint.core.Progress;

/**
 * The shared machinery of the classical fillers: the linear system on the hole pixels of one tile,
 * its conjugate-gradient solution and a cheap warm start.
 * <p>
 * Both operators are variational. The tile is a 4-connected pixel graph whose edges stop at the
 * tile border (a reflecting, Neumann boundary); known pixels are fixed (Dirichlet data).
 * <ul>
 * <li>{@link Kind#HARMONIC} minimises the sum of squared differences over all graph edges, so the
 * hole satisfies the 5-point Laplace equation. The system matrix is the graph Laplacian
 * restricted to the hole.</li>
 * <li>{@link Kind#BIHARMONIC} minimises the sum of the squared graph Laplacian over every pixel,
 * so the hole satisfies the 13-point bilaplacian (away from the tile border). The system matrix
 * is {@code L_H^T L_H}, applied as two sparse products and never formed.</li>
 * </ul>
 * Both matrices are symmetric positive definite as long as the tile has one known pixel: the tile
 * graph is connected, so every hole component touches a known pixel. (A tile without a known pixel
 * is filled with 0.5.)
 * <p>
 * Conjugate gradient starts from an onion-peel guess (each hole pixel gets the mean of its
 * already filled neighbours, layer by layer inwards from the hole's border). It needs about as
 * many iterations as the hole is wide (harmonic) or the square of that (biharmonic). A
 * coarse-to-fine warm start (solving on 2x2 blocks first) was tried and measured: it did not
 * reduce the iterations on the fine grid, so it only added cost.
 */
final class HoleSystem {

	enum Kind {
		HARMONIC, BIHARMONIC
	}

	/** Relative residual at which conjugate gradient stops. */
	static final double TOLERANCE = 1e-6;
	/** Cancellation is polled every this many iterations. */
	private static final int POLL_EVERY = 32;

	private HoleSystem() {}

	/**
	 * Fills a tile: the shared body of the classical {@code TileFiller#fill}s.
	 *
	 * @return planar values: the input at known pixels, the solution at hole pixels; pixels that
	 *         are not finite in some channel count as holes in every channel
	 */
	static float[][] fill(final float[][] tile, final boolean[] hole, final int w, final int h,
		final Kind kind, final Progress progress)
	{
		final int n = w * h;
		if (hole.length != n) throw new IllegalArgumentException("hole has " + hole.length +
			" entries, expected " + w + " x " + h);
		final int channels = tile.length;
		final boolean[] unknown = new boolean[n];
		for (int i = 0; i < n; i++) {
			boolean u = hole[i];
			for (int c = 0; c < channels && !u; c++)
				u = !Float.isFinite(tile[c][i]);
			unknown[i] = u;
		}
		final double[][] v = new double[channels][n];
		for (int c = 0; c < channels; c++)
			for (int i = 0; i < n; i++)
				v[c][i] = unknown[i] ? 0 : tile[c][i];
		solve(v, unknown, w, h, kind, progress);
		final float[][] out = new float[channels][n];
		for (int c = 0; c < channels; c++)
			for (int i = 0; i < n; i++)
				out[c][i] = (float) v[c][i];
		return out;
	}

	/** Replaces the values at hole pixels of every channel by the solution. */
	static void solve(final double[][] v, final boolean[] hole, final int w, final int h,
		final Kind kind, final Progress progress)
	{
		final int[] index = new int[w * h];
		final int n = indexHoles(hole, index);
		if (n == 0) return;
		if (n == w * h) {
			for (final double[] c : v)
				java.util.Arrays.fill(c, 0.5);
			return;
		}
		for (final double[] c : v)
			onionPeel(c, hole, w, h);
		progress.checkCancelled();
		final Operator op = kind == Kind.HARMONIC ? new Harmonic(hole, index, n, w, h)
			: new Biharmonic(hole, index, n, w, h);
		final double[] x = new double[n], b = new double[n];
		for (final double[] c : v) {
			for (int p = 0; p < index.length; p++)
				if (index[p] >= 0) x[index[p]] = c[p];
			op.rhs(c, b);
			conjugateGradient(op, b, x, progress);
			for (int p = 0; p < index.length; p++)
				if (index[p] >= 0) c[p] = x[index[p]];
		}
	}

	/** @return the number of hole pixels; {@code index[p]} is the unknown of pixel p, or -1 */
	private static int indexHoles(final boolean[] hole, final int[] index) {
		int n = 0;
		for (int p = 0; p < hole.length; p++)
			index[p] = hole[p] ? n++ : -1;
		return n;
	}

	/**
	 * Fills hole pixels in breadth-first order from the known pixels, each with the mean of its
	 * neighbours filled before it. Needs one known pixel (so the hole does not cover the tile).
	 */
	private static void onionPeel(final double[] v, final boolean[] hole, final int w,
		final int h)
	{
		final int n = w * h;
		final boolean[] done = new boolean[n];
		final boolean[] queued = new boolean[n];
		final int[] queue = new int[n];
		int tail = 0;
		for (int p = 0; p < n; p++) {
			if (hole[p]) continue;
			done[p] = true;
		}
		for (int p = 0; p < n; p++) {
			if (!hole[p]) continue;
			final int x = p % w, y = p / w;
			if (x > 0 && done[p - 1] || x < w - 1 && done[p + 1] || y > 0 && done[p - w] ||
				y < h - 1 && done[p + w])
			{
				queue[tail++] = p;
				queued[p] = true;
			}
		}
		for (int head = 0; head < tail; head++) {
			final int p = queue[head];
			final int x = p % w, y = p / w;
			double sum = 0;
			int count = 0;
			final int[] nbrs = { x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1,
				y < h - 1 ? p + w : -1 };
			for (final int q : nbrs) {
				if (q < 0) continue;
				if (done[q]) {
					sum += v[q];
					count++;
				}
				else if (!queued[q]) {
					queued[q] = true;
					queue[tail++] = q;
				}
			}
			v[p] = sum / count; // count >= 1: p was queued by a filled neighbour
			done[p] = true;
		}
	}

	// -- Conjugate gradient --

	/**
	 * Solves {@code A x = b} for SPD A, starting from (and overwriting) x; stops at a residual of
	 * {@link #TOLERANCE} times |b| or after {@link Operator#maxIterations()}.
	 *
	 * @return the number of iterations done
	 */
	static int conjugateGradient(final Operator a, final double[] b, final double[] x,
		final Progress progress)
	{
		final int n = b.length;
		final double[] r = new double[n], p = new double[n], ap = new double[n];
		a.apply(x, ap);
		double bb = 0, rr = 0;
		for (int i = 0; i < n; i++) {
			r[i] = b[i] - ap[i];
			p[i] = r[i];
			bb += b[i] * b[i];
			rr += r[i] * r[i];
		}
		// An absolute floor keeps b = 0 (all-zero context) from asking for an exact zero residual.
		final double stop = Math.max(TOLERANCE * TOLERANCE * bb, 1e-24 * n);
		final int maxIterations = a.maxIterations();
		int it = 0;
		while (rr > stop && it < maxIterations) {
			if (++it % POLL_EVERY == 0) progress.checkCancelled();
			a.apply(p, ap);
			double pap = 0;
			for (int i = 0; i < n; i++)
				pap += p[i] * ap[i];
			if (!(pap > 0)) break; // breakdown (round-off only, A is SPD)
			final double alpha = rr / pap;
			double rrNew = 0;
			for (int i = 0; i < n; i++) {
				x[i] += alpha * p[i];
				r[i] -= alpha * ap[i];
				rrNew += r[i] * r[i];
			}
			final double beta = rrNew / rr;
			rr = rrNew;
			for (int i = 0; i < n; i++)
				p[i] = r[i] + beta * p[i];
		}
		return it;
	}

	/** A symmetric positive definite operator on the hole unknowns. */
	abstract static class Operator {

		final int n, w, h;

		Operator(final int n, final int w, final int h) {
			this.n = n;
			this.w = w;
			this.h = h;
		}

		/** out = A x */
		abstract void apply(double[] x, double[] out);

		/** b for the given tile values (hole pixels are ignored) */
		abstract void rhs(double[] values, double[] b);

		abstract int maxIterations();
	}

	/**
	 * The graph Laplacian restricted to the hole: (A x)_k = deg(k) x_k - sum of hole neighbours;
	 * b_k = sum of known neighbours.
	 */
	static final class Harmonic extends Operator {

		/** Per unknown: the unknown index of each of 4 neighbours, or -1 (known or outside). */
		private final int[] nbr;
		/** Per unknown: the pixel index of each of 4 neighbours, or -1 (outside the tile). */
		private final int[] pix;
		private final byte[] degree;

		Harmonic(final boolean[] hole, final int[] index, final int n, final int w, final int h) {
			super(n, w, h);
			nbr = new int[4 * n];
			pix = new int[4 * n];
			degree = new byte[n];
			for (int p = 0; p < index.length; p++) {
				final int k = index[p];
				if (k < 0) continue;
				final int x = p % w, y = p / w;
				neighbours(p, x, y, w, h, pix, 4 * k);
				int d = 0;
				for (int j = 4 * k; j < 4 * k + 4; j++) {
					final int q = pix[j];
					if (q >= 0) d++;
					nbr[j] = q >= 0 ? index[q] : -1;
				}
				degree[k] = (byte) d;
			}
		}

		@Override
		void apply(final double[] x, final double[] out) {
			for (int k = 0; k < n; k++) {
				double s = degree[k] * x[k];
				final int j = 4 * k;
				int q;
				if ((q = nbr[j]) >= 0) s -= x[q];
				if ((q = nbr[j + 1]) >= 0) s -= x[q];
				if ((q = nbr[j + 2]) >= 0) s -= x[q];
				if ((q = nbr[j + 3]) >= 0) s -= x[q];
				out[k] = s;
			}
		}

		@Override
		void rhs(final double[] values, final double[] b) {
			for (int k = 0; k < n; k++) {
				double s = 0;
				for (int j = 4 * k; j < 4 * k + 4; j++)
					if (pix[j] >= 0 && nbr[j] < 0) s += values[pix[j]];
				b[k] = s;
			}
		}

		@Override
		int maxIterations() {
			return 200 + 20 * (int) Math.sqrt(n);
		}
	}

	/**
	 * {@code A = L_H^T L_H}, where L is the graph Laplacian of the tile and L_H its columns at the
	 * hole. L_H x is non-zero only on the support S = the hole and its 4-neighbours, so both
	 * products run over S.
	 */
	static final class Biharmonic extends Operator {

		/** Number of support pixels. */
		private final int m;
		/** Per support pixel: its pixel index, degree, and unknown index (or -1). */
		private final int[] supportPixel;
		private final byte[] supportDegree;
		private final int[] supportUnknown;
		/** Per support pixel: unknown index of each of its 4 neighbours, or -1. */
		private final int[] supportNbrUnknown;
		/** Per unknown: its support index and the support indices of its 4 neighbours (or -1). */
		private final int[] self, selfNbr;
		private final double[] y;

		Biharmonic(final boolean[] hole, final int[] index, final int n, final int w,
			final int h)
		{
			super(n, w, h);
			final int[] sIndex = new int[w * h];
			java.util.Arrays.fill(sIndex, -1);
			final int[] nb = new int[4];
			int count = 0;
			for (int p = 0; p < index.length; p++) {
				boolean inS = hole[p];
				if (!inS) {
					neighbours(p, p % w, p / w, w, h, nb, 0);
					for (final int q : nb)
						if (q >= 0 && hole[q]) inS = true;
				}
				if (inS) sIndex[p] = count++;
			}
			m = count;
			supportPixel = new int[m];
			supportDegree = new byte[m];
			supportUnknown = new int[m];
			supportNbrUnknown = new int[4 * m];
			self = new int[n];
			selfNbr = new int[4 * n];
			for (int p = 0; p < index.length; p++) {
				final int s = sIndex[p];
				if (s < 0) continue;
				neighbours(p, p % w, p / w, w, h, nb, 0);
				supportPixel[s] = p;
				supportUnknown[s] = index[p];
				int d = 0;
				for (int j = 0; j < 4; j++) {
					final int q = nb[j];
					if (q >= 0) d++;
					supportNbrUnknown[4 * s + j] = q >= 0 ? index[q] : -1;
				}
				supportDegree[s] = (byte) d;
				final int k = index[p];
				if (k >= 0) {
					self[k] = s;
					for (int j = 0; j < 4; j++)
						selfNbr[4 * k + j] = nb[j] >= 0 ? sIndex[nb[j]] : -1;
				}
			}
			y = new double[m];
		}

		@Override
		void apply(final double[] x, final double[] out) {
			// y = L_H x on the support
			for (int s = 0; s < m; s++) {
				final int u = supportUnknown[s];
				double v = u >= 0 ? -supportDegree[s] * x[u] : 0;
				final int j = 4 * s;
				int q;
				if ((q = supportNbrUnknown[j]) >= 0) v += x[q];
				if ((q = supportNbrUnknown[j + 1]) >= 0) v += x[q];
				if ((q = supportNbrUnknown[j + 2]) >= 0) v += x[q];
				if ((q = supportNbrUnknown[j + 3]) >= 0) v += x[q];
				y[s] = v;
			}
			laplacianAtUnknowns(y, out);
		}

		/** out_k = (L^T y) at unknown k (L is symmetric). */
		private void laplacianAtUnknowns(final double[] ys, final double[] out) {
			for (int k = 0; k < n; k++) {
				final int s = self[k];
				double v = -supportDegree[s] * ys[s];
				final int j = 4 * k;
				int q;
				if ((q = selfNbr[j]) >= 0) v += ys[q];
				if ((q = selfNbr[j + 1]) >= 0) v += ys[q];
				if ((q = selfNbr[j + 2]) >= 0) v += ys[q];
				if ((q = selfNbr[j + 3]) >= 0) v += ys[q];
				out[k] = v;
			}
		}

		@Override
		void rhs(final double[] values, final double[] b) {
			// z = L u_K on the support (hole values taken as 0); b = -L_H^T z
			final double[] z = new double[m];
			final int[] nb = new int[4];
			for (int s = 0; s < m; s++) {
				final int p = supportPixel[s];
				double v = supportUnknown[s] >= 0 ? 0 : -supportDegree[s] * values[p];
				neighbours(p, p % w, p / w, w, h, nb, 0);
				for (int j = 0; j < 4; j++)
					if (nb[j] >= 0 && supportNbrUnknown[4 * s + j] < 0) v += values[nb[j]];
				z[s] = v;
			}
			laplacianAtUnknowns(z, b);
			for (int k = 0; k < n; k++)
				b[k] = -b[k];
		}

		@Override
		int maxIterations() {
			return 500 + 100 * (int) Math.sqrt(n);
		}
	}

	/** Writes the pixel indices of the left, right, upper and lower neighbours (-1 outside). */
	private static void neighbours(final int p, final int x, final int y, final int w,
		final int h, final int[] out, final int at)
	{
		out[at] = x > 0 ? p - 1 : -1;
		out[at + 1] = x < w - 1 ? p + 1 : -1;
		out[at + 2] = y > 0 ? p - w : -1;
		out[at + 3] = y < h - 1 ? p + w : -1;
	}
}
