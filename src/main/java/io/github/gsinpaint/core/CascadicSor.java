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
 * The harmonic fill of a hole as model v2's training computes it ({@code python/gsinpaint/prior.py},
 * {@code harmonic_fill}), step for step, so that the network sees in the plugin the prior it
 * learnt from: a pyramid of masked means, halved (2 x 2 blocks, the last row and column of an odd
 * side alone) until the shorter side is at most {@link #COARSEST}; then coarse to fine, each
 * level's unknown pixels (those with no known pixel under them) start from the bilinear
 * enlargement of the coarser level's fill (the coarsest from the mean of the known pixels) and
 * take a fixed number of red-black SOR sweeps of the 4-neighbour Laplace equation (over-relaxation
 * {@link #OMEGA}, the image's sides reflecting). Known pixels of every level hold their masked
 * mean and stay fixed.
 * <p>
 * Why not the exact solve ({@link WholeHoleSolver}): it is what the network was trained with (the
 * two differ by about 1e-3 on average over hole pixels, 2e-2 at most in the middle of the widest
 * strokes), and its cost is fixed per hole pixel: on a 256 px window 40 sweeps cost a few
 * milliseconds where the exact solve of a 100 px box or of 12% strokes takes 10 to 25
 * (docs/BENCHMARKS.md 2.9). Work and memory follow the hole: each level keeps the unknown pixels'
 * neighbour table, and the pyramid's levels beyond the first a third of the window's pixels.
 */
public final class CascadicSor {

	/** Over-relaxation of the sweeps (training's {@code omega}). */
	public static final float OMEGA = 1.8f;
	/** Levels are halved until the shorter side is at most this (training's {@code coarsest}). */
	public static final int COARSEST = 4;
	/** Cancellation is polled, and progress reported, every this many sweeps. */
	private static final int POLL_EVERY = 10;

	private CascadicSor() {}

	/** One level of the pyramid: masked sums and known counts (scaled alike, see {@link #halve}). */
	private static final class Level {

		final int w, h;
		final float[][] sum;
		final float[] count;

		Level(final int w, final int h, final float[][] sum, final float[] count) {
			this.w = w;
			this.h = h;
			this.sum = sum;
			this.count = count;
		}
	}

	/**
	 * @param values planar values {@code values[c][y * w + x]}; hole pixels are ignored
	 * @param hole true where the fill is wanted; non-finite values count as holes in every channel
	 * @param sweeps red-black sweeps per level (training: 40)
	 * @param progress polled for cancellation, and told the fraction done, at every level and
	 *          every {@link #POLL_EVERY} sweeps
	 * @return new planar values: the input at known pixels, the fill in the hole (0.5 when the
	 *         window has no known pixel at all)
	 */
	public static float[][] harmonic(final float[][] values, final boolean[] hole, final int w,
		final int h, final int sweeps, final Progress progress)
	{
		final int size = w * h;
		if (hole.length != size) throw new IllegalArgumentException("hole has " + hole.length +
			" entries, expected " + w + " x " + h);
		final int channels = values.length;
		final float[][] out = new float[channels][];
		final float[] known = new float[size];
		boolean anyUnknown = false, anyKnown = false;
		for (int p = 0; p < size; p++) {
			boolean u = hole[p];
			for (int c = 0; c < channels && !u; c++)
				u = !Float.isFinite(values[c][p]);
			known[p] = u ? 0 : 1;
			anyUnknown |= u;
			anyKnown |= !u;
		}
		for (int c = 0; c < channels; c++) {
			out[c] = values[c].clone();
			for (int p = 0; p < size; p++)
				if (known[p] == 0) out[c][p] = anyKnown ? 0 : 0.5f;
		}
		if (!anyUnknown || !anyKnown) return out;

		// The finest level's sums are the known values themselves (out holds 0 in the hole).
		final List<Level> levels = new ArrayList<>();
		levels.add(new Level(w, h, out, known));
		while (Math.min(levels.get(levels.size() - 1).w, levels.get(levels.size() - 1).h) > COARSEST)
			levels.add(halve(levels.get(levels.size() - 1)));

		// Progress: each level's share is its unknown pixels (its sweeps cost in proportion).
		final long[] unknowns = new long[levels.size()];
		long total = 0;
		for (int l = 0; l < levels.size(); l++) {
			for (final float k : levels.get(l).count)
				if (!(k > 0)) unknowns[l]++;
			total += unknowns[l];
		}
		long done = 0;
		float[][] coarser = null;
		int cw = 0, ch = 0;
		for (int l = levels.size() - 1; l >= 0; l--) {
			final String level = "level " + (l + 1) + " of " + levels.size() + ", " + unknowns[l] +
				" unknowns";
			progress.checkCancelled();
			progress.report((double) done / total, level);
			final Level v = levels.get(l);
			final int n = v.w * v.h;
			// The finest level's known pixels already hold their values in out (sum / 1).
			final float[][] u = l == 0 ? out : new float[channels][n];
			int free = 0;
			for (int p = 0; p < n; p++)
				if (!(v.count[p] > 0)) free++;
				else if (l > 0) for (int c = 0; c < channels; c++)
					u[c][p] = v.sum[c][p] / v.count[p];
			final int[] red = new int[free], black = new int[free];
			int nr = 0, nb = 0;
			final double[] mean = coarser == null ? knownMeans(v) : null;
			for (int p = 0; p < n; p++) {
				if (v.count[p] > 0) continue;
				if ((p % v.w + p / v.w) % 2 == 0) red[nr++] = p;
				else black[nb++] = p;
				if (coarser == null) for (int c = 0; c < channels; c++)
					u[c][p] = (float) mean[c];
				else startFromCoarser(coarser, cw, ch, u, p % v.w, p / v.w, v.w, v.h);
			}
			final int[] redNeighbours = neighbours(red, nr, v.w, v.h), blackNeighbours = neighbours(
				black, nb, v.w, v.h);
			for (int c = 0; c < channels; c++) {
				final float[] x = u[c];
				for (int s = 0; s < sweeps; s++) {
					if (s % POLL_EVERY == POLL_EVERY - 1) {
						progress.checkCancelled();
						progress.report((done + unknowns[l] * (c * sweeps + s) / ((long) channels *
							sweeps)) / (double) total, level + ", sweep " + (s + 1));
					}
					sweep(x, red, nr, redNeighbours);
					sweep(x, black, nb, blackNeighbours);
				}
			}
			done += unknowns[l];
			coarser = u;
			cw = v.w;
			ch = v.h;
		}
		// Known pixels of the finest level kept their values (sum / 1): out is the fill.
		return out;
	}

	/** One colour's half sweep: every pixel of it moves OMEGA of the way to its neighbours' mean. */
	private static void sweep(final float[] x, final int[] pixels, final int n,
		final int[] neighbours)
	{
		for (int k = 0, j = 0; k < n; k++, j += 4) {
			final int p = pixels[k];
			final float mean = 0.25f * (x[neighbours[j]] + x[neighbours[j + 1]] + x[neighbours[j +
				2]] + x[neighbours[j + 3]]);
			x[p] += OMEGA * (mean - x[p]);
		}
	}

	/**
	 * The 4 neighbours of each pixel (up, down, left, right); beyond a side the pixel itself, as
	 * training's replicated padding does.
	 */
	private static int[] neighbours(final int[] pixels, final int n, final int w, final int h) {
		final int[] out = new int[4 * n];
		for (int k = 0; k < n; k++) {
			final int p = pixels[k], x = p % w, y = p / w;
			out[4 * k] = y > 0 ? p - w : p;
			out[4 * k + 1] = y < h - 1 ? p + w : p;
			out[4 * k + 2] = x > 0 ? p - 1 : p;
			out[4 * k + 3] = x < w - 1 ? p + 1 : p;
		}
		return out;
	}

	/**
	 * The next level: sums and counts over 2 x 2 blocks (the last block of an odd side has one
	 * column or row), each scaled by 4 over the block's number of pixels, as training's
	 * {@code avg_pool2d(..., ceil_mode=True) * 4} does; the mean sum / count is the same, and the
	 * coarsest level's mean of known pixels weighs them as training does.
	 */
	private static Level halve(final Level f) {
		final int w = (f.w + 1) / 2, h = (f.h + 1) / 2, channels = f.sum.length;
		final float[][] sum = new float[channels][w * h];
		final float[] count = new float[w * h];
		for (int y = 0; y < h; y++) {
			final boolean twoRows = 2 * y + 1 < f.h;
			final int row = 2 * y * f.w;
			for (int x = 0; x < w; x++) {
				count[y * w + x] = block(f.count, row + 2 * x, f.w, twoRows, twoColumns(x, f.w));
			}
			for (int c = 0; c < channels; c++) {
				final float[] from = f.sum[c], to = sum[c];
				for (int x = 0; x < w; x++)
					to[y * w + x] = block(from, row + 2 * x, f.w, twoRows, twoColumns(x, f.w));
			}
		}
		return new Level(w, h, sum, count);
	}

	private static boolean twoColumns(final int x, final int w) {
		return 2 * x + 1 < w;
	}

	/** A block's sum times 4 over its number of pixels (4, 2 or 1). */
	private static float block(final float[] v, final int a, final int w, final boolean twoRows,
		final boolean twoColumns)
	{
		if (twoRows && twoColumns) return v[a] + v[a + 1] + v[a + w] + v[a + w + 1];
		if (twoRows) return (v[a] + v[a + w]) * 2f;
		if (twoColumns) return (v[a] + v[a + 1]) * 2f;
		return v[a] * 4f;
	}

	/** Per channel, the sum of a level's sums over the sum of its counts. */
	private static double[] knownMeans(final Level v) {
		double k = 0;
		for (final float c : v.count)
			k += c;
		final double[] mean = new double[v.sum.length];
		for (int c = 0; c < mean.length; c++) {
			double s = 0;
			for (final float x : v.sum[c])
				s += x;
			mean[c] = s / Math.max(k, 1e-12);
		}
		return mean;
	}

	/**
	 * Pixel (x, y) of a level of size w x h takes the bilinear value of the coarser level there,
	 * pixel centres aligned as PyTorch's {@code interpolate(mode="bilinear", align_corners=False)}
	 * does it: source coordinate {@code (i + 0.5) * in / out - 0.5}, clamped at 0. Only the
	 * unknown pixels need it, so the cost follows the hole.
	 */
	private static void startFromCoarser(final float[][] coarse, final int cw, final int ch,
		final float[][] u, final int x, final int y, final int w, final int h)
	{
		final float fy = Math.max(0f, (y + 0.5f) * ((float) ch / h) - 0.5f);
		final int y0 = (int) fy, y1 = Math.min(y0 + 1, ch - 1);
		final float ly = fy - y0;
		final float fx = Math.max(0f, (x + 0.5f) * ((float) cw / w) - 0.5f);
		final int x0 = (int) fx, x1 = Math.min(x0 + 1, cw - 1);
		final float lx = fx - x0;
		final int p = y * w + x;
		for (int c = 0; c < coarse.length; c++) {
			final float[] v = coarse[c];
			u[c][p] = (1 - ly) * ((1 - lx) * v[y0 * cw + x0] + lx * v[y0 * cw + x1]) + ly * ((1 -
				lx) * v[y1 * cw + x0] + lx * v[y1 * cw + x1]);
		}
	}
}
