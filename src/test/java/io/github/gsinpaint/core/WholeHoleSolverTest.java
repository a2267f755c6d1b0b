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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.bench.BenchInputs;


/** The whole-hole solver on planar arrays, against fields whose fill is known exactly. */
class WholeHoleSolverTest {

	interface Field {

		double at(int x, int y);
	}

	/** Square frame of side {@code size} with a centred square hole of side {@code hole}. */
	private static double maxError(final int size, final int holeSide, final Prior kind,
		final Field f)
	{
		final int w = size, h = size, x0 = (size - holeSide) / 2;
		final float[][] v = new float[1][w * h];
		final boolean[] hole = new boolean[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int p = y * w + x;
				hole[p] = x >= x0 && x < x0 + holeSide && y >= x0 && y < x0 + holeSide;
				v[0][p] = hole[p] ? 0 : (float) f.at(x, y);
			}
		final float[][] out = WholeHoleSolver.fill(v, hole, w, h, kind, Progress.NONE);
		double max = 0;
		for (int p = 0; p < w * h; p++) {
			if (!hole[p]) {
				assertEquals(v[0][p], out[0][p], "known pixel changed");
				continue;
			}
			max = Math.max(max, Math.abs(out[0][p] - f.at(p % w, p / w)));
		}
		return max;
	}

	@Test
	void linearRampAtEverySize() {
		// several levels of the cascade from 100 px on; a ramp must survive each of them exactly
		for (final int side : new int[] { 1, 10, 100, 400, 900 })
			for (final Prior kind : new Prior[] { Prior.HARMONIC, Prior.BIHARMONIC }) {
				final double e = maxError(side + 40, side, kind, (x, y) -> 0.1 + 0.8 * (x + 0.5 * y) /
					(1.5 * (side + 40)));
				assertTrue(e < 1e-4, kind + " ramp in a " + side + " px hole: max error " + e);
			}
	}

	@Test
	void harmonicPolynomialInALargeHole() {
		// x^2 - y^2 + xy has a zero 5-point Laplacian: the discrete harmonic fill is exact
		final int s = 460;
		final double e = maxError(s, 400, Prior.HARMONIC, (x, y) -> {
			final double u = x / (double) s - 0.5, t = y / (double) s - 0.5;
			return 0.5 + 0.6 * (u * u - t * t) + 0.4 * u * t;
		});
		assertTrue(e < 2e-4, "max error " + e);
	}

	@Test
	void quadraticIsBiharmonicInALargeHole() {
		// any quadratic has a constant Laplacian, so a zero bilaplacian
		final int s = 360;
		final double e = maxError(s, 300, Prior.BIHARMONIC, (x, y) -> {
			final double u = x / (double) s, t = y / (double) s;
			return 0.2 + 0.3 * u * u - 0.2 * t * t + 0.25 * u * t + 0.1 * t;
		});
		assertTrue(e < 1e-3, "max error " + e);
	}

	@Test
	void agreesWithTheTileSolverOnATileSizedHole() {
		final int w = 120, h = 100;
		final float[][] v = new float[2][w * h];
		final boolean[] hole = new boolean[w * h];
		for (int p = 0; p < w * h; p++) {
			final int x = p % w, y = p / w;
			hole[p] = (x - 60) * (x - 60) + (y - 45) * (y - 45) < 35 * 35 || y > 90 && x < 20;
			v[0][p] = hole[p] ? 0 : (float) (0.5 + 0.4 * Math.sin(0.11 * x) * Math.cos(0.07 * y));
			v[1][p] = hole[p] ? 0 : (float) ((x * 31 + y * 17) % 13 / 13.0);
		}
		for (final Prior kind : new Prior[] { Prior.HARMONIC, Prior.BIHARMONIC }) {
			final float[][] whole = WholeHoleSolver.fill(v, hole, w, h, kind, Progress.NONE);
			final float[][] tile = HoleSystem.fill(v, hole, w, h, kind == Prior.HARMONIC
				? HoleSystem.Kind.HARMONIC : HoleSystem.Kind.BIHARMONIC, Progress.NONE);
			for (int c = 0; c < 2; c++)
				for (int p = 0; p < w * h; p++)
					assertEquals(tile[c][p], whole[c][p], 2e-3, kind + " channel " + c + " at " + p);
		}
	}

	@Test
	void nonFiniteContextIsAHoleInEveryChannelAndAnEmptyFrameIsMidGrey() {
		final float[][] v = { { 1, 1, 1, 1, 0, 1, 1, 1, 1 }, { 2, 2, 2, 2, 0, 2, 2, 2, Float.NaN } };
		final boolean[] hole = { false, false, false, false, true, false, false, false, false };
		final float[][] out = WholeHoleSolver.fill(v, hole, 3, 3, Prior.BIHARMONIC, Progress.NONE);
		assertEquals(1f, out[0][4], 1e-5f);
		assertEquals(2f, out[1][4], 1e-5f);
		assertEquals(2f, out[1][8], 1e-5f);
		assertEquals(1f, out[0][8], 1e-5f);
		final float[][] none = WholeHoleSolver.fill(new float[1][6], new boolean[] { true, true,
			true, true, true, true }, 3, 2, Prior.HARMONIC, Progress.NONE);
		for (final float x : none[0])
			assertEquals(0.5f, x);
	}

	/**
	 * Issue 12: noisy context (the "cells" benchmark) took SSOR-preconditioned conjugate gradient
	 * thousands of iterations per level; with the multigrid cycle as preconditioner the finest
	 * level needs a few dozen, whatever the content.
	 */
	@Test
	void aNoisyBorderConvergesInFewIterations() {
		final int s = 340, x0 = 20;
		final java.util.Random noise = new java.util.Random(3);
		final float[][] v = new float[1][s * s];
		final boolean[] hole = new boolean[s * s];
		for (int p = 0; p < s * s; p++) {
			final int x = p % s, y = p / s;
			hole[p] = x >= x0 && x < s - x0 && y >= x0 && y < s - x0;
			v[0][p] = hole[p] ? 0 : (float) (0.2 + 0.05 * noise.nextGaussian() + 0.6 * Math.exp(-((x %
				53 - 26) * (x % 53 - 26) + (y % 47 - 23) * (y % 47 - 23)) / 162.0));
		}
		for (final Prior kind : new Prior[] { Prior.HARMONIC, Prior.BIHARMONIC }) {
			final int[] finest = { 0 };
			WholeHoleSolver.fill(v, hole, s, s, kind, new Progress() {

				@Override
				public void report(final double fraction, final String message) {
					final int at = message.indexOf("iteration ");
					if (message.contains("level 1 of") && at >= 0) finest[0] = Math.max(finest[0], Integer
						.parseInt(message.substring(at + 10)));
				}

				@Override
				public boolean isCancelled() {
					return false;
				}
			});
			assertTrue(finest[0] > 0 && finest[0] < (kind == Prior.HARMONIC ? 20 : 50), kind + ": " + finest[0] +
				" iterations on the finest level");
		}
	}

	@Test
	void reportsProgressAndCancelsInTheMiddleOfALargeSolve() {
		final int s = 700;
		final float[][] v = new float[1][s * s];
		final boolean[] hole = new boolean[s * s];
		for (int p = 0; p < s * s; p++) {
			final int x = p % s, y = p / s;
			hole[p] = x > 20 && x < s - 20 && y > 20 && y < s - 20;
			v[0][p] = hole[p] ? 0 : (float) (0.5 + 0.4 * Math.sin(0.05 * x + 0.03 * y));
		}
		final List<Double> seen = new ArrayList<>();
		final Progress cancelLate = new Progress() {

			@Override
			public void report(final double fraction, final String message) {
				assertTrue(fraction >= 0 && fraction <= 1, "fraction " + fraction);
				seen.add(fraction);
			}

			@Override
			public boolean isCancelled() {
				// cancel once the finest level has started (it comes last, after the coarse ones)
				return seen.size() > 0 && seen.get(seen.size() - 1) > 0.3;
			}
		};
		assertThrows(InpaintCancelledException.class, () -> WholeHoleSolver.fill(v, hole, s, s,
			Prior.BIHARMONIC, cancelLate));
		assertTrue(seen.size() >= 3, "progress reports: " + seen.size());
	}

	/**
	 * A small or thin hole (the model's 256 px tiles with strokes) is solved directly, by one
	 * factor for every channel: the exact solution, which the cascade reaches to its tolerance.
	 */
	@Test
	void aSmallHoleIsSolvedDirectlyToTheCascadesSolution() {
		final int s = 256;
		final boolean[] hole = new boolean[s * s];
		final float[][] v = BenchInputs.strokeTile(s, 0.12, hole);
		for (final Prior kind : new Prior[] { Prior.HARMONIC, Prior.BIHARMONIC }) {
			final HoleGrid g = new HoleGrid(hole, s, s, kind == Prior.BIHARMONIC);
			assertTrue(BandCholesky.of(g, WholeHoleSolver.directWork(kind) * g.n * v.length) != null,
				kind + ": the direct solve is taken");
			final float[][] direct = WholeHoleSolver.fill(v, hole, s, s, kind, Progress.NONE);
			final float[][] cascade = WholeHoleSolver.fill(v, hole, s, s, kind, Progress.NONE, 0);
			double worst = 0;
			for (int c = 0; c < v.length; c++)
				for (int p = 0; p < s * s; p++) {
					if (!hole[p]) assertEquals(v[c][p], direct[c][p], "known pixel changed");
					worst = Math.max(worst, Math.abs(direct[c][p] - cascade[c][p]));
				}
			assertTrue(worst < 1e-4, kind + ": direct and cascade differ by " + worst);
		}
	}

	/**
	 * The factor keeps each coupled part of the hole apart and takes it along its shorter side: a
	 * horizontal bar 5 px high costs about 5 numbers per unknown (by columns), not its length.
	 */
	@Test
	void theFactorFollowsEachPartAlongItsShorterSide() {
		final int w = 300, h = 60;
		final boolean[] hole = new boolean[w * h];
		for (int p = 0; p < w * h; p++) {
			final int x = p % w, y = p / w;
			hole[p] = x >= 10 && x < 290 && y >= 10 && y < 15 || x >= 100 && x < 104 && y >= 25 &&
				y < 55 || x >= 200 && x < 203 && y >= 25 && y < 55;
		}
		final HoleGrid g = new HoleGrid(hole, w, h, false);
		final BandCholesky f = BandCholesky.of(g);
		assertTrue(f.entries() < 6 * g.n, f.entries() + " numbers for " + g.n + " unknowns");
		// and it solves: A z = r for a random r
		final java.util.Random random = new java.util.Random(1);
		final double[] r = new double[g.n], z = g.vector(), az = new double[g.n];
		for (int k = 0; k < g.n; k++)
			r[k] = random.nextGaussian();
		f.solve(r, z);
		g.apply(z, az, g.vector());
		for (int k = 0; k < g.n; k++)
			assertEquals(r[k], az[k], 1e-9);
	}

	@Test
	void aHoleNextToTheFramesSideIsStillCoarsenedAndSolvedToTheDirectSolution() {
		// 1 to 3 px from the left and top sides: the reflection there used to stop the hierarchy
		// at the finest level and leave every unknown to plain conjugate gradient (seconds on a
		// large hole); the coarser levels now only start and precondition it, so the answer is the
		// one factor's exact solution all the same
		for (final int gap : new int[] { 1, 2, 3 })
			for (final Prior kind : new Prior[] { Prior.HARMONIC, Prior.BIHARMONIC }) {
				final int w = 150, h = 130;
				final boolean[] hole = new boolean[w * h];
				final float[][] v = new float[1][w * h];
				for (int p = 0; p < w * h; p++) {
					final int x = p % w, y = p / w;
					hole[p] = x >= gap && x < gap + 110 && y >= gap && y < gap + 90;
					v[0][p] = hole[p] ? 0 : (float) (0.5 + 0.3 * Math.sin(0.09 * x + 0.05 * y) + 0.1 *
						Math.cos(0.13 * y));
				}
				final HoleGrid g = new HoleGrid(hole, w, h, kind == Prior.BIHARMONIC);
				assertTrue(g.coarsen() != null, kind + ", " + gap + " px from the side: not coarsened");
				final float[][] cascade = WholeHoleSolver.fill(v, hole, w, h, kind, Progress.NONE, 0);
				assertTrue(BandCholesky.of(g) != null, "no factor to compare with");
				final float[][] direct = WholeHoleSolver.fill(v, hole, w, h, kind, Progress.NONE,
					BandCholesky.MAX_WORK);
				for (int p = 0; p < w * h; p++)
					assertEquals(direct[0][p], cascade[0][p], 1e-4, kind + ", " + gap + " px at " + p);
			}
	}
}
