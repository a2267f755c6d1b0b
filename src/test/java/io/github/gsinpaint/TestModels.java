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
package io.github.gsinpaint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.gs.ModelLocator;
import io.github.gsinpaint.core.gs.ModelPackage;
import io.github.gsinpaint.methods.MethodOptions;
import io.github.gsinpaint.methods.Methods;

/**
 * Model packages for tests. The 2DGS tests run the trained default model when the checkout has it
 * ({@code models/gs-inpaint-v1}); otherwise, and for the fault tests that damage a package, the
 * tiny untrained fixture {@code src/test/resources/fixtures/fake-model} (made by
 * {@code python/make_test_model.py}), which has the same input and output contract.
 */
public final class TestModels {

	private TestModels() {}

	/** @return the fixture package folder (on the test class path) */
	public static Path fixture() {
		try {
			return Paths.get(TestModels.class.getResource("/fixtures/fake-model/" +
				ModelPackage.DESCRIPTOR).toURI()).getParent();
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @return true when the trained default model is in the checkout */
	public static boolean hasTrainedModel() {
		final Path dir = Paths.get("models", ModelLocator.DEFAULT);
		return Files.isRegularFile(dir.resolve(ModelPackage.DESCRIPTOR)) && Files.isRegularFile(
			dir.resolve("model.pt"));
	}

	/**
	 * @return options that open "2dgs" on the CPU: the checkout's trained default model if present,
	 *         else the fixture
	 */
	public static MethodOptions gsOptions() {
		final MethodOptions cpu = MethodOptions.defaults().withDevice("cpu");
		return cpu.withModelPath(hasTrainedModel() ? Paths.get("models", ModelLocator.DEFAULT)
			: fixture());
	}

	/** Opens a method by name with the other options of {@code o}. */
	public static TileFiller open(final String method, final MethodOptions o) {
		return Methods.open(o.withMethod(method));
	}

	/** Copies the fixture package into {@code dir} (created if needed) and returns it. */
	public static Path copyFixture(final Path dir) {
		try {
			Files.createDirectories(dir);
			for (final String f : new String[] { ModelPackage.DESCRIPTOR, "model.pt" })
				Files.copy(fixture().resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
			return dir;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
