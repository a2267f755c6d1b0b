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
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Guards DJL's unpacked libtorch. DJL extracts the native libraries once into its cache folder and
 * afterwards trusts whatever is there; a file cut short (a full disk, a killed first run) is then
 * mapped into the JVM and crashes it with SIGBUS instead of an error. Before the engine loads, the
 * size of every cached library is compared with its entry in the native jar on the class path; a
 * cache folder with a wrong size is removed, so DJL unpacks it afresh.
 */
final class NativeCache {

	private static final String PREFIX = "pytorch/cpu/";

	private NativeCache() {}

	/** DJL's own rule: ENGINE_CACHE_DIR, else DJL_CACHE_DIR, else ~/.djl.ai. */
	static Path root() {
		for (final String key : new String[] { "ENGINE_CACHE_DIR", "DJL_CACHE_DIR" }) {
			final String v = System.getProperty(key, System.getenv(key));
			if (v != null && !v.isEmpty()) return Paths.get(v);
		}
		return Paths.get(System.getProperty("user.home"), ".djl.ai");
	}

	/**
	 * @param root DJL's cache folder
	 * @return the number of damaged cache folders removed (0 when there is no native jar, as with
	 *         a CUDA libtorch installed by the user)
	 */
	static int removeDamaged(final Path root) {
		final Map<String, Long> sizes = jarSizes();
		if (sizes.isEmpty()) return 0;
		final Path pytorch = root.resolve("pytorch");
		if (!Files.isDirectory(pytorch)) return 0;
		int removed = 0;
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(pytorch)) {
			for (final Path d : dirs) {
				if (!Files.isDirectory(d) || !d.getFileName().toString().contains("-cpu-")) continue;
				boolean damaged = false;
				for (final Map.Entry<String, Long> e : sizes.entrySet()) {
					final Path f = d.resolve(e.getKey());
					if (Files.exists(f) && Files.size(f) != e.getValue()) damaged = true;
				}
				if (damaged) {
					delete(d);
					removed++;
				}
			}
		}
		catch (final IOException e) {
			// not ours to fix: DJL reports a cache it cannot use
		}
		return removed;
	}

	/** @return file name -> size of the libraries in the native jar on the class path */
	private static Map<String, Long> jarSizes() {
		final Map<String, Long> sizes = new HashMap<>();
		final URL props = NativeCache.class.getClassLoader().getResource(
			"native/lib/pytorch.properties");
		if (props == null || !"jar".equals(props.getProtocol())) return sizes;
		try {
			final JarURLConnection c = (JarURLConnection) props.openConnection();
			c.setUseCaches(false);
			try (JarFile jar = c.getJarFile()) {
				final Enumeration<JarEntry> entries = jar.entries();
				while (entries.hasMoreElements()) {
					final JarEntry e = entries.nextElement();
					final String n = e.getName();
					if (n.startsWith(PREFIX) && !e.isDirectory() && e.getSize() >= 0) sizes.put(n
						.substring(n.lastIndexOf('/') + 1), e.getSize());
				}
			}
		}
		catch (final IOException | ClassCastException e) {
			sizes.clear();
		}
		return sizes;
	}

	private static void delete(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator)
				Files.deleteIfExists(p);
		}
	}
}
