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

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Java file starts with the licence header of the pom's license-maven-plugin settings
 * (BSD-2-Clause). {@code python3 .ci/licence-headers.py} adds it where it is missing.
 */
class LicenceHeaderTest {

	@Test
	void everyJavaFileHasTheHeader() throws IOException {
		final List<String> missing = new ArrayList<>();
		for (final String top : new String[] { "src", "spark/src" }) {
			final Path root = Paths.get(top);
			if (!Files.isDirectory(root)) continue;
			try (Stream<Path> files = Files.walk(root)) {
				for (final Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
					::iterator)
				{
					final String s = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
					if (!s.startsWith("/*-\n * #%L\n") || !s.contains(" * #L%\n */\n") || !s.contains(
						"Redistribution and use in source and binary forms")) missing.add(f.toString());
				}
			}
		}
		assertTrue(missing.isEmpty(), "without the licence header (run python3 " +
			".ci/licence-headers.py): " + missing);
	}
}
