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

import java.nio.file.Paths;
import java.util.Arrays;

import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.gs.DeviceChoice;
import io.github.gsinpaint.core.gs.GaussianSplattingFiller;

/**
 * {@link PredictorBenchmark}'s tile through several models, interleaved: round after round each
 * model fills the tile once, so a shared machine whose speed drifts by 2x over minutes (as this
 * project's does) weighs on every model alike, which JMH's one-fork-after-the-other cannot give.
 * Prints the median and quartiles per model and each model's median over the first one's. Run:
 * {@code java -cp target/test-classes:target/classes:<test classpath>
 * io.github.gsinpaint.bench.PredictorSideBySide [rounds] [model folder ...]}
 * (with {@code ONEDNN_MAX_CPU_ISA=AVX2} where libtorch's AVX-512 kernels are wrong).
 */
public final class PredictorSideBySide {

	private PredictorSideBySide() {}

	public static void main(final String[] args) {
		final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
		final String[] models = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length)
			: new String[] { "models/gs-inpaint-v1", "models/gs-inpaint-v2" };
		final int size = 256;
		final boolean[] hole = new boolean[size * size];
		final float[][] tile = BenchInputs.strokeTile(size, 0.12, hole);
		final GaussianSplattingFiller[] fillers = new GaussianSplattingFiller[models.length];
		final double[][] ms = new double[models.length][rounds];
		try {
			for (int m = 0; m < models.length; m++) {
				fillers[m] = GaussianSplattingFiller.open(Paths.get(models[m]), DeviceChoice.CPU);
				for (int k = 0; k < 5; k++) // warm-up: the engine's graph optimisation, caches
					fillers[m].fill(tile, hole, size, size, Progress.NONE);
			}
			for (int k = 0; k < rounds; k++)
				for (int m = 0; m < models.length; m++) {
					final long t0 = System.nanoTime();
					fillers[m].fill(tile, hole, size, size, Progress.NONE);
					ms[m][k] = (System.nanoTime() - t0) / 1e6;
				}
		}
		finally {
			for (final GaussianSplattingFiller f : fillers)
				if (f != null) f.close();
		}
		final double first = quantile(ms[0], 0.5);
		for (int m = 0; m < models.length; m++)
			System.out.printf("%-28s median %7.1f ms  (quartiles %.1f-%.1f)  %.2fx%n", models[m],
				quantile(ms[m], 0.5), quantile(ms[m], 0.25), quantile(ms[m], 0.75),
				quantile(ms[m], 0.5) / first);
	}

	static double quantile(final double[] values, final double q) {
		final double[] v = values.clone();
		Arrays.sort(v);
		return v[(int) Math.round(q * (v.length - 1))];
	}
}
