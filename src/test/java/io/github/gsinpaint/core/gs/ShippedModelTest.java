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
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
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
 * The shipped default model, loaded the way the plugin loads it (descriptor, sha256, DJL offline on
 * libtorch 2.7.1), reproduces the output python/export.py saved at export on a dev-set input.
 */
class ShippedModelTest {

	private static final Path PACKAGE = Paths.get("models", ModelLocator.DEFAULT);

	@Test
	void reproducesTheReferenceOutputSavedAtExport() throws Exception {
		final ModelPackage pkg = ModelPackage.read(PACKAGE);
		final Npy input = Npy.parse(Files.readAllBytes(PACKAGE.resolve("reference-input.npy")));
		final Npy expected = Npy.parse(Files.readAllBytes(PACKAGE.resolve("reference-output.npy")));
		TorchEngine.get();
		TorchEngine.configureThread();
		try (Model model = Model.newInstance(pkg.name(), Device.cpu(), TorchEngine.NAME)) {
			model.load(pkg.folder(), pkg.weightsStem());
			try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator())) {
				final NDArray x = model.getNDManager().create(input.data, new Shape(input.shape));
				final NDArray y = p.predict(new NDList(x)).get(0);
				assertArrayEquals(expected.shape, y.getShape().getShape());
				final float[] got = y.toFloatArray();
				double worst = 0;
				for (int i = 0; i < got.length; i++)
					worst = Math.max(worst, Math.abs(got[i] - expected.data[i]));
				// Another libtorch (2.7.1 here, the exporting Python's there) may order float sums
				// differently; the field's values are O(1).
				assertEquals(0, worst, 1e-4, "largest difference to the exported output");
			}
		}
	}

	/**
	 * The default model is the bundled copy (from the class path, unpacked to the cache), the same
	 * bytes as the checkout's package, and not the working directory's {@code models/} folder.
	 */
	@Test
	void isTheDefaultModel() throws Exception {
		final Path found = ModelLocator.defaultModel();
		assertNotEquals(PACKAGE.toAbsolutePath().normalize(), found.toAbsolutePath().normalize());
		assertArrayEquals(Files.readAllBytes(PACKAGE.resolve(ModelPackage.DESCRIPTOR)), Files
			.readAllBytes(found.resolve(ModelPackage.DESCRIPTOR)));
		assertEquals(ModelPackage.sha256(PACKAGE.resolve("model.pt")), ModelPackage.sha256(found
			.resolve("model.pt")));
	}

	/** A working-directory package is used when asked for, through the system property. */
	@Test
	void thePropertyChoosesAnotherPackage() {
		final String before = System.getProperty("gsinpaint.model");
		System.setProperty("gsinpaint.model", PACKAGE.toString());
		try {
			assertEquals(PACKAGE, ModelLocator.defaultModel());
		}
		finally {
			if (before == null) System.clearProperty("gsinpaint.model");
			else System.setProperty("gsinpaint.model", before);
		}
	}
}
