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
package io.github.gsinpaint.core.gs;

import static io.github.gsinpaint.core.gs.GaussianField.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The plain-Java and the DJL rasterizer on the same random fields (every parameter across its
 * whole range, the activations' bounds included) agree to float rounding: the sums' terms are
 * the same float operations, added in another order.
 */
class RasterizerAgreementTest {

	/** Values in the ranges of the model's activations (docs/ARCHITECTURE.md), ends included. */
	static float[] randomField(final int h, final int w, final long seed) {
		final Random r = new Random(seed);
		final int n = h * w;
		final float[] f = new float[CHANNELS * n];
		for (int i = 0; i < n; i++) {
			f[DX * n + i] = pick(r, -1, 1);
			f[DY * n + i] = pick(r, -1, 1);
			f[L11 * n + i] = pick(r, 0.35f, 1.5f);
			f[L21 * n + i] = pick(r, -1, 1);
			f[L22 * n + i] = pick(r, 0.35f, 1.5f);
			f[OPACITY * n + i] = pick(r, 0, 1);
			for (int c = 0; c < COLOURS; c++)
				f[(COLOUR + c) * n + i] = (float) (r.nextGaussian() * 2);
		}
		return f;
	}

	/** Uniform in [lo, hi], with one value in twenty at either end. */
	private static float pick(final Random r, final float lo, final float hi) {
		final int end = r.nextInt(20);
		return end == 0 ? lo : end == 1 ? hi : lo + (hi - lo) * r.nextFloat();
	}

	@ParameterizedTest
	@CsvSource({ "8, 8, 1", "24, 40, 2", "128, 96, 3", "96, 24, 4" })
	void javaAndDjlAgree(final int h, final int w, final long seed) {
		final float[] field = randomField(h, w, seed);
		final Random r = new Random(seed);
		// every patch, then a scattered, unsorted half of them with repeats, as a tile asks
		final int[] all = RasterizerContractTest.allPatches(h, w);
		final int[] some = new int[Math.max(1, all.length / 2)];
		for (int k = 0; k < some.length; k++)
			some[k] = r.nextInt(all.length);
		for (final int[] patches : new int[][] { all, some }) {
			final float[] djl;
			TorchEngine.get();
			try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), TorchEngine.NAME)) {
				final NDArray f = m.create(field, new Shape(CHANNELS, h, w));
				djl = new PatchRasterizer().render(f, patches);
			}
			final float[] java = new JavaRasterizer().render(field, h, w, patches,
				io.github.gsinpaint.core.Progress.NONE);
			// relative to the sum of the terms' magnitudes: a sum that cancels to near 0 has an
			// absolute error of its terms' size, whatever the order of addition
			double worst = 0, scale = 0;
			for (int i = 0; i < java.length; i++) {
				worst = Math.max(worst, Math.abs(java[i] - djl[i]));
				scale = Math.max(scale, Math.abs(djl[i]));
			}
			assertTrue(worst <= 1e-5 * Math.max(1, scale), "largest difference " + worst +
				" for values up to " + scale);
		}
	}
}
