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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layers of docs/ARCHITECTURE.md, from the import lines of the main sources: which of the
 * project's packages each package may import, and where ImageJ 1.x, SciJava and AWT may appear.
 */
class LayersTest {

	private static final Map<String, Set<String>> MAY_IMPORT = new HashMap<>();
	static {
		allow("core");
		allow("core.classical", "core");
		allow("core.gs", "core");
		allow("methods", "core", "core.classical", "core.gs");
		allow("ij", "core", "core.gs", "methods");
		allow("batch", "core", "ij", "methods");
		allow("plugin", "core", "ij", "methods");
		allow("cli", "core", "batch", "methods");
		allow("spark", "core", "batch", "methods");
	}

	private static void allow(final String pkg, final String... others) {
		MAY_IMPORT.put(pkg, new HashSet<>(Arrays.asList(others)));
	}

	private static final Pattern IMPORT = Pattern.compile(
		"^import\\s+(?:static\\s+)?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
	private static final String OWN = "io.github.gsinpaint.";

	@Test
	void packagesImportOnlyTheLayersBelow() throws IOException {
		final List<String> wrong = new ArrayList<>();
		for (final Path root : new Path[] { Paths.get("src/main/java"), Paths.get(
			"spark/src/main/java") })
		{
			if (!Files.isDirectory(root)) continue;
			try (Stream<Path> files = Files.walk(root)) {
				for (final Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
					::iterator)
				{
					final String pkg = root.relativize(f.getParent()).toString().replace('/', '.')
						.substring(OWN.length());
					final String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
					final Matcher m = IMPORT.matcher(text);
					while (m.find()) {
						String imported = m.group(1);
						// a nested type (GaussianField.*, Method.X): its package is the lower-case part
						while (!imported.isEmpty() && Character.isUpperCase(imported.charAt(imported
							.lastIndexOf('.') + 1))) imported = imported.substring(0, imported.lastIndexOf('.'));
						if (imported.startsWith(OWN)) {
							final String other = imported.substring(OWN.length());
							if (!other.equals(pkg) && !MAY_IMPORT.getOrDefault(pkg, new HashSet<>())
								.contains(other)) wrong.add(f + " imports " + other);
						}
						else if (pkg.startsWith("core") || pkg.equals("methods")) {
							if (imported.startsWith("ij") || imported.startsWith("java.awt") || imported
								.startsWith("javax.swing") || imported.startsWith("org.scijava")) wrong.add(
									f + " imports " + imported);
						}
						else if (!pkg.equals("plugin") && imported.startsWith("org.scijava")) wrong.add(
							f + " imports " + imported);
					}
				}
			}
		}
		assertTrue(wrong.isEmpty(), String.join("\n", wrong));
	}
}
