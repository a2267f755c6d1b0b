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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import io.github.gsinpaint.core.InpaintException;

/**
 * Finds the default model package: the folder named by the system property
 * {@code gsinpaint.model} or the environment variable {@code GSINPAINT_MODEL} when one is set,
 * else the copy packed inside the plugin jar, unpacked once into a cache folder (DJL needs a file
 * on disk). A {@code models/} folder in the working directory is used only when asked for
 * ({@code --model}, the dialog's model field, or the property): inside Fiji the working directory
 * is anyone's, and a stray folder there must not silently replace the bundled model.
 */
public final class ModelLocator {

	public static final String DEFAULT = "gs-inpaint-v2";
	static final String[] PACKAGE_FILES = { ModelPackage.DESCRIPTOR, "model.pt" };

	private ModelLocator() {}

	public static Path defaultModel() {
		final String configured = System.getProperty("gsinpaint.model", System.getenv(
			"GSINPAINT_MODEL"));
		if (configured != null && !configured.isEmpty()) return Paths.get(configured);
		return unpackFromJar();
	}

	private static synchronized Path unpackFromJar() {
		final String base = "/models/" + DEFAULT + "/";
		if (ModelLocator.class.getResource(base + ModelPackage.DESCRIPTOR) == null)
			throw new InpaintException("The default model '" + DEFAULT + "' is not installed (not in " +
				"the plugin jar). Reinstall the plugin, give a model folder (--model, or " +
				"-Dgsinpaint.model=<folder>), or use a classical method.");
		final Path cache = cacheRoot().resolve("gs-inpainting").resolve(DEFAULT);
		try {
			if (isCurrent(cache, base)) return cache;
			Files.createDirectories(cache);
			for (final String f : PACKAGE_FILES) {
				try (InputStream in = ModelLocator.class.getResourceAsStream(base + f)) {
					if (in == null) continue;
					// Unpack to a temporary name, then rename: a crash never leaves half a model.
					final Path tmp = Files.createTempFile(cache, f, ".part");
					Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
					Files.move(tmp, cache.resolve(f), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
				}
			}
		}
		catch (final IOException e) {
			throw new InpaintException("Cannot unpack the default model to " + cache + ": " + e
				.getMessage() + ". Make the folder writable, or set XDG_CACHE_HOME (and DJL_CACHE_DIR, " +
				"for the engine) to a writable folder.", e);
		}
		return cache;
	}

	/**
	 * The user's cache folder by the XDG base-directory rule: {@code XDG_CACHE_HOME} when it is an
	 * absolute path, else {@code ~/.cache} (a cluster account without a writable home sets it).
	 */
	static Path cacheRoot() {
		final String xdg = System.getenv("XDG_CACHE_HOME");
		if (xdg != null && !xdg.isEmpty() && Paths.get(xdg).isAbsolute()) return Paths.get(xdg);
		return Paths.get(System.getProperty("user.home"), ".cache");
	}

	/** The cached copy is current when its descriptor equals the jar's and its weights verify. */
	private static boolean isCurrent(final Path cache, final String base) throws IOException {
		final Path descriptor = cache.resolve(ModelPackage.DESCRIPTOR);
		if (!Files.isRegularFile(descriptor)) return false;
		try (InputStream in = ModelLocator.class.getResourceAsStream(base +
			ModelPackage.DESCRIPTOR))
		{
			if (!java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(descriptor)))
				return false;
		}
		try {
			ModelPackage.read(cache);
			return true;
		}
		catch (final InpaintException e) {
			return false;
		}
	}
}
