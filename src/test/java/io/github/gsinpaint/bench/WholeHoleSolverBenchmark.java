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
package io.github.gsinpaint.bench;

import java.util.Locale;
import java.util.Random;

import io.github.gsinpaint.core.Prior;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.WholeHoleSolver;

/**
 * The whole-hole solver alone: one channel, a square window with a centred square hole, the
 * patterns of {@link LargeHoleBenchmark} scaled to [0, 1]. Prints the wall time of each solve and
 * the in-hole PSNR against the truth. For docs/BENCHMARKS.md section 5.
 * <p>
 * Usage: {@code WholeHoleSolverBenchmark WINDOW HOLE PATTERN harmonic|biharmonic [REPEATS]}.
 */
public final class WholeHoleSolverBenchmark {

	private WholeHoleSolverBenchmark() {}

	public static void main(final String[] args) {
		final int size = Integer.parseInt(args[0]), side = Integer.parseInt(args[1]);
		final String pattern = args[2];
		final Prior kind = Prior.valueOf(args[3].toUpperCase(Locale.ROOT));
		final int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 1;
		final int x0 = (size - side) / 2;
		final float[][] v = new float[1][size * size];
		final float[] truth = new float[size * size];
		final boolean[] hole = new boolean[size * size];
		final Random noise = new Random(1);
		for (int p = 0; p < size * size; p++) {
			final int x = p % size, y = p / size;
			truth[p] = (float) (Math.max(0, Math.min(255, LargeHoleBenchmark.truth(pattern, x, y,
				noise))) / 255);
			hole[p] = x >= x0 && x < x0 + side && y >= x0 && y < x0 + side;
			v[0][p] = hole[p] ? 0 : truth[p];
		}
		for (int r = 0; r < repeats; r++) {
			final long t0 = System.nanoTime();
			final float[][] out = WholeHoleSolver.fill(v, hole, size, size, kind, Progress.NONE);
			final double seconds = (System.nanoTime() - t0) / 1e9;
			double se = 0;
			long n = 0;
			for (int p = 0; p < size * size; p++)
				if (hole[p]) {
					final double d = Math.max(0, Math.min(1, out[0][p])) - truth[p];
					se += d * d;
					n++;
				}
			System.out.println(String.format(Locale.ROOT, "%s %s %dx%d window, %dx%d hole\t%.2f s\tPSNR %.2f dB",
				kind, pattern, size, size, side, side, seconds, 10 * Math.log10(n / se)));
		}
	}
}
