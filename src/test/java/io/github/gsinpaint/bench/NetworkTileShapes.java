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
 * One model's network alone (no prior, no rasterizer) on tiles of several shapes in one JVM, the
 * shapes interleaved round by round as the models are in {@link NetworkSideBySide}: whether a
 * tile's time follows its pixels whatever its shape (docs/BENCHMARKS.md 4.1). Many shapes in one
 * JVM slow the largest tiles down (512 x 512: 690 ms here against 309-426 ms alone), so the
 * tile cost itself is measured one side per JVM with {@link NetworkSideBySide}; compare shapes of
 * about the same pixels within one run. Run (with {@code ONEDNN_MAX_CPU_ISA=AVX2}): {@code java
 * -cp target/test-classes:target/classes:<test classpath>
 * io.github.gsinpaint.bench.NetworkTileShapes rounds model-folder WxH ...}.
 */
public final class NetworkTileShapes {

	private NetworkTileShapes() {}

	public static void main(final String[] args) throws Exception {
		final int rounds = Integer.parseInt(args[0]);
		final int n = args.length - 2;
		final int[] w = new int[n], h = new int[n];
		final float[][] x = new float[n][];
		final Random r = new Random(1);
		for (int s = 0; s < n; s++) {
			final String[] wh = args[s + 2].split("x");
			w[s] = Integer.parseInt(wh[0]);
			h[s] = Integer.parseInt(wh[1]);
			final int px = w[s] * h[s];
			x[s] = new float[4 * px];
			for (int i = 0; i < x[s].length; i++) // 4 channels, the last the holes (10%)
				x[s][i] = i < 3 * px ? r.nextFloat() : r.nextFloat() < 0.1f ? 1f : 0f;
		}
		TorchEngine.get();
		final double[][] ms = new double[n][rounds];
		try (Model model = Model.newInstance("net", Device.cpu(), TorchEngine.NAME)) {
			model.load(Paths.get(args[1]), "model");
			try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
				for (int k = -3; k < rounds; k++) // three rounds of warm-up
					for (int s = 0; s < n; s++)
						try (NDManager g = model.getNDManager().newSubManager()) {
							final NDArray in = g.create(x[s], new Shape(1, 4, h[s], w[s]));
							final long t0 = System.nanoTime();
							predictor.predict(new NDList(in)).get(0).toFloatArray();
							if (k >= 0) ms[s][k] = (System.nanoTime() - t0) / 1e6;
						}
			}
		}
		for (int s = 0; s < n; s++)
			System.out.printf(Locale.ROOT, "%4d x %4d (%7d px): median %7.1f ms  (quartiles %.1f-%.1f)%n",
				w[s], h[s], w[s] * h[s], PredictorSideBySide.quantile(ms[s], 0.5), PredictorSideBySide
					.quantile(ms[s], 0.25), PredictorSideBySide.quantile(ms[s], 0.75));
	}
}
