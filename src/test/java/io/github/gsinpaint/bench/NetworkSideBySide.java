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
import java.util.Locale;
import java.util.Random;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import io.github.gsinpaint.core.gs.TorchEngine;

/**
 * The networks of several model packages alone (no prior, no rasterizer), on one random
 * 4-channel tile with 10% holes, interleaved round by round as in {@link PredictorSideBySide}, so
 * that a drifting shared machine weighs on every model alike. For questions about the network's
 * own cost, such as its memory layout by tile size (docs/BENCHMARKS.md 2.6). Run (with
 * {@code ONEDNN_MAX_CPU_ISA=AVX2}): {@code java -cp target/test-classes:target/classes:<test
 * classpath> io.github.gsinpaint.bench.NetworkSideBySide rounds size [model folder ...]}.
 */
public final class NetworkSideBySide {

	private NetworkSideBySide() {}

	public static void main(final String[] args) throws Exception {
		final int rounds = Integer.parseInt(args[0]), size = Integer.parseInt(args[1]);
		final int n = args.length - 2;
		TorchEngine.get();
		final Model[] models = new Model[n];
		@SuppressWarnings("unchecked")
		final Predictor<NDList, NDList>[] predictors = new Predictor[n];
		final float[] x = new float[4 * size * size];
		final Random r = new Random(1);
		for (int i = 0; i < x.length; i++)
			x[i] = i < 3 * size * size ? r.nextFloat() : r.nextFloat() < 0.1f ? 1f : 0f;
		final double[][] ms = new double[n][rounds];
		try {
			for (int m = 0; m < n; m++) {
				models[m] = Model.newInstance("net" + m, Device.cpu(), TorchEngine.NAME);
				models[m].load(Paths.get(args[m + 2]), "model");
				predictors[m] = models[m].newPredictor(new NoopTranslator());
			}
			for (int k = -3; k < rounds; k++) // three rounds of warm-up
				for (int m = 0; m < n; m++)
					try (NDManager g = models[m].getNDManager().newSubManager()) {
						final NDArray in = g.create(x, new Shape(1, 4, size, size));
						final long t0 = System.nanoTime();
						predictors[m].predict(new NDList(in)).get(0).toFloatArray();
						if (k >= 0) ms[m][k] = (System.nanoTime() - t0) / 1e6;
					}
		}
		finally {
			for (int m = 0; m < n; m++) {
				if (predictors[m] != null) predictors[m].close();
				if (models[m] != null) models[m].close();
			}
		}
		for (int m = 0; m < n; m++)
			// the fastest tenth as well: on a shared machine the slow rounds are other work's, and
			// the fast ones show what the network itself costs
			System.out.printf(Locale.ROOT,
				"%-28s %d px: median %7.1f ms  (quartiles %.1f-%.1f, fastest tenth %.1f)%n", args[m + 2],
				size, PredictorSideBySide.quantile(ms[m], 0.5), PredictorSideBySide.quantile(ms[m],
					0.25), PredictorSideBySide.quantile(ms[m], 0.75), PredictorSideBySide.quantile(ms[m],
						0.1));
	}
}
