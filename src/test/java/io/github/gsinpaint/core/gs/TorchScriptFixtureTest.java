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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;

/**
 * DJL loads a small TorchScript file saved by Python (python/make_fixture.py) offline, on the
 * bundled CPU libtorch, and reproduces the output Python saved with it.
 */
class TorchScriptFixtureTest {

	@Test
	void loadsAndRunsOffline() throws Exception {
		assertEquals("true", System.getProperty("ai.djl.offline", "true"));
		final Npy input = Npy.read("/fixtures/torchscript/tiny-input.npy");
		final Npy expected = Npy.read("/fixtures/torchscript/tiny-output.npy");
		final Path dir = Paths.get(getClass().getResource("/fixtures/torchscript/tiny.pt").toURI())
			.getParent();
		TorchEngine.get();
		try (Model model = Model.newInstance("tiny", Device.cpu(), TorchEngine.NAME)) {
			model.load(dir, "tiny");
			try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator())) {
				final NDArray x = model.getNDManager().create(input.data, new Shape(input.shape));
				final NDArray y = p.predict(new NDList(x)).get(0);
				assertArrayEquals(expected.shape, y.getShape().getShape());
				assertArrayEquals(expected.data, y.toFloatArray(), 1e-5f);
			}
		}
	}
}
