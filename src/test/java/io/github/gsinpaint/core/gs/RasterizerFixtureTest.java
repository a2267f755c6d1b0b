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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The shared cross-language fixture: Gaussian fields and the images python/gsinpaint/render.py
 * rendered from them (python/make_fixture.py). The Java rasterizer must reproduce them to 1e-5,
 * which proves both sides implement the same math (python/tests/test_render.py checks the Python
 * side against the same files).
 */
class RasterizerFixtureTest {

	@ParameterizedTest
	@ValueSource(strings = { "", "-wide" })
	void javaRendersWhatPythonRendered(final String suffix) throws IOException {
		final Npy field = Npy.read("/fixtures/rasterizer/field" + suffix + ".npy");
		final Npy expected = Npy.read("/fixtures/rasterizer/render" + suffix + ".npy");
		final int h = (int) field.shape[1], w = (int) field.shape[2];
		assertArrayEquals(new long[] { COLOURS, 2L * h, 2L * w }, expected.shape);
		final int px = w / PATCH_GRID, py = h / PATCH_GRID;
		final int[] patches = new int[px * py];
		for (int i = 0; i < patches.length; i++)
			patches[i] = i;
		final float[] out;
		TorchEngine.get();
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), TorchEngine.NAME)) {
			out = new PatchRasterizer(2).render(m.create(field.data, new Shape(CHANNELS, h, w)),
				patches);
		}
		final int width = 2 * w, height = 2 * h;
		double worst = 0;
		for (int k = 0; k < patches.length; k++) {
			final int y0 = (k / px) * PATCH, x0 = (k % px) * PATCH;
			for (int p = 0; p < PIXELS; p++) {
				final int y = y0 + p / PATCH, x = x0 + p % PATCH;
				for (int c = 0; c < COLOURS; c++) {
					final float e = expected.data[(c * height + y) * width + x];
					final float a = out[(k * PIXELS + p) * COLOURS + c];
					worst = Math.max(worst, Math.abs(a - e));
				}
			}
		}
		assertEquals(0, worst, 1e-5, "largest difference to the Python render");
	}
}
