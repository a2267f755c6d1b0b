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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.gsinpaint.bench.BenchInputs;

/**
 * Where the time of one whole-hole solve goes ({@link WholeHoleSolver#fill}), on the tile of
 * {@code bench.PredictorBenchmark} (256 x 256 RGB, 12% strokes) or a few other small holes: the
 * levels (the {@link HoleGrid}s of the cascade), the coarsest level's factor ({@link BandCholesky}),
 * the finest level's factor (which the solver uses instead of the cascade when it is cheap
 * enough: {@link WholeHoleSolver#directWork}), each as the median of many rounds in one JVM after
 * a warm-up; beside it, in the same rounds, the solve that always takes the cascade (as before
 * the direct path existed), and for the harmonic, model v2's prior as training computes it
 * ({@link CascadicSor}, 40 sweeps per level). In the core package (test code) because the levels and the factor are package-private.
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath>
 * io.github.gsinpaint.core.PriorTimer [rounds] [strokes|box|box100|box160|specks|scratch ...]}.
 */
public final class PriorTimer {

	private PriorTimer() {}

	public static void main(final String[] args) {
		final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
		final List<String> cases = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
			: Arrays.asList("strokes", "box", "specks", "scratch");
		for (final String name : cases)
			for (final Prior kind : new Prior[] { Prior.HARMONIC, Prior.BIHARMONIC })
				time(name, kind, rounds);
	}

	private static void time(final String name, final Prior kind, final int rounds) {
		final int size = 256;
		final boolean[] hole = new boolean[size * size];
		final float[][] tile = input(name, size, hole);
		int holes = 0;
		for (final boolean b : hole)
			if (b) holes++;
		final double[] total = new double[rounds], levels = new double[rounds],
			factor = new double[rounds], direct = new double[rounds], cascade = new double[rounds],
			sweeps = new double[rounds];
		String shape = "";
		for (int r = -rounds / 5 - 3; r < rounds; r++) { // the first rounds warm up the JIT
			long t0 = System.nanoTime();
			WholeHoleSolver.fill(tile, hole, size, size, kind, Progress.NONE);
			final double all = (System.nanoTime() - t0) / 1e6;
			t0 = System.nanoTime();
			WholeHoleSolver.fill(tile, hole, size, size, kind, Progress.NONE, 0);
			final double alwaysCascade = (System.nanoTime() - t0) / 1e6;
			t0 = System.nanoTime();
			if (kind == Prior.HARMONIC) CascadicSor.harmonic(tile, hole, size, size, 40,
				Progress.NONE);
			final double trainingSweeps = (System.nanoTime() - t0) / 1e6;
			t0 = System.nanoTime();
			final List<HoleGrid> grids = new ArrayList<>();
			grids.add(new HoleGrid(hole.clone(), size, size, kind == Prior.BIHARMONIC));
			while (grids.get(grids.size() - 1).n > WholeHoleSolver.COARSEST_UNKNOWNS) {
				final HoleGrid c = grids.get(grids.size() - 1).coarsen();
				if (c == null) break;
				grids.add(c);
			}
			final double lv = (System.nanoTime() - t0) / 1e6;
			t0 = System.nanoTime();
			final BandCholesky f = BandCholesky.of(grids.get(grids.size() - 1));
			final double fc = (System.nanoTime() - t0) / 1e6;
			t0 = System.nanoTime();
			final BandCholesky d = BandCholesky.of(grids.get(0));
			final double dc = (System.nanoTime() - t0) / 1e6;
			if (r < 0) continue;
			direct[r] = dc;
			total[r] = all;
			cascade[r] = alwaysCascade;
			sweeps[r] = trainingSweeps;
			levels[r] = lv;
			factor[r] = fc;
			if (r == 0) {
				final StringBuilder s = new StringBuilder();
				for (final HoleGrid g : grids)
					s.append(s.length() == 0 ? "" : " / ").append(g.n);
				final boolean chosen = BandCholesky.of(grids.get(0), WholeHoleSolver.directWork(kind) *
					grids.get(0).n * tile.length) != null;
				shape = s + (f == null ? ", no factor" : "") + (d == null ? ", no finest factor"
					: ", finest factor " + d.entries() + " numbers") + (chosen ? ", direct"
						: ", cascade");
			}
		}
		System.out.println(String.format(Locale.ROOT,
			"%-8s %-10s %5d holes  total %7.2f ms  (always the cascade %7.2f%s)  levels %6.2f  coarsest factor %6.2f  finest factor %6.2f  (unknowns per level %s)",
			name, kind, holes, median(total), median(cascade), kind == Prior.HARMONIC ? String.format(
				Locale.ROOT, "; training's 40 sweeps, CascadicSor, %.2f", median(sweeps)) : "",
			median(levels), median(factor), median(direct), shape));
	}

	/** Planar RGB in [0, 1] with hole pixels 0; {@code hole} receives the mask. */
	static float[][] input(final String name, final int size, final boolean[] hole) {
		if (name.equals("strokes")) return BenchInputs.strokeTile(size, 0.12, hole);
		final java.util.Random r = new java.util.Random(7);
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final int p = y * size + x;
				switch (name) {
					case "box": // a 64 x 48 box
						hole[p] = x >= 90 && x < 154 && y >= 100 && y < 148;
						break;
					case "box100": // a 100 x 100 box
						hole[p] = x >= 70 && x < 170 && y >= 80 && y < 180;
						break;
					case "box160": // a 160 x 120 box
						hole[p] = x >= 50 && x < 210 && y >= 60 && y < 180;
						break;
					case "scratch": // a 3 px wide line across the tile
						hole[p] = Math.abs(y - 0.4 * x - 60) < 1.6;
						break;
					case "specks": // 1% single pixels and 3 x 3 dots
						hole[p] |= r.nextDouble() < 0.004;
						break;
					default:
						throw new IllegalArgumentException("no case " + name);
				}
			}
		if (name.equals("specks")) for (int k = 0; k < 40; k++) {
			final int cx = 2 + r.nextInt(size - 4), cy = 2 + r.nextInt(size - 4);
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++)
					hole[(cy + dy) * size + cx + dx] = true;
		}
		final float[][] img = BenchInputs.image(size, size, 3);
		final float[][] tile = new float[3][size * size];
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < size * size; i++)
				tile[c][i] = hole[i] ? 0f : img[c][i] / 255f;
		return tile;
	}

	private static double median(final double[] v) {
		final double[] s = v.clone();
		Arrays.sort(s);
		return s[s.length / 2];
	}
}
