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
package io.github.gsinpaint.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every output of a batch before anything runs: an output must not be any input of the
 * batch (the atomic write would replace the original), two lines must not write the same file
 * (the last would silently win), with a confinement folder every output must lie in it, and an
 * output may not be named as another image format (outputs are TIFF).
 * Paths are compared after resolving symbolic links and {@code ..}, so another spelling of the
 * same file is caught too.
 */
public final class OutputCheck {

	private OutputCheck() {}

	/**
	 * @param under the folder outputs must lie in, or null
	 * @return the refused lines, each with its one-line reason, in line order
	 */
	public static Map<RepairLine, String> problems(final List<RepairLine> lines, final Path under) {
		final Map<Path, RepairLine> inputs = new HashMap<>();
		for (final RepairLine l : lines) {
			inputs.putIfAbsent(canonical(l.image()), l);
			if (l.mask() != null) inputs.putIfAbsent(canonical(l.mask()), l);
		}
		final Path root = under == null ? null : canonical(under);
		final Map<Path, List<RepairLine>> byOutput = new LinkedHashMap<>();
		final Map<RepairLine, String> problems = new LinkedHashMap<>();
		for (final RepairLine l : lines) {
			final Path out = canonical(l.output());
			byOutput.computeIfAbsent(out, k -> new ArrayList<>()).add(l);
			final boolean own = out.equals(canonical(l.image())) || l.mask() != null && out.equals(
				canonical(l.mask()));
			final RepairLine owner = own ? l : inputs.get(out);
			if (owner != null) problems.put(l, "The output " + l.output() + " is an input (" + (own
				? "of this line" : "of line " + owner.index()) +
				"); writing it would destroy the original. Choose another output name.");
			else if (root != null && !out.startsWith(root)) problems.put(l, "The output " + l
				.output() + " lies outside " + under + " (--outputs-under). Fix the manifest's " +
				"output path.");
			else if (otherFormat(l.output()) != null) problems.put(l, "The output " + l.output() +
				" is named as a " + otherFormat(l.output()) + " file, but outputs are always TIFF " +
				"(of the input's type): name it .tif.");
		}
		for (final List<RepairLine> same : byOutput.values()) {
			if (same.size() < 2) continue;
			final StringBuilder numbers = new StringBuilder();
			for (final RepairLine l : same)
				numbers.append(numbers.length() == 0 ? "" : ", ").append(l.index());
			for (final RepairLine l : same)
				problems.putIfAbsent(l, "Lines " + numbers + " all write " + l.output() +
					"; give each line its own output.");
		}
		final Map<RepairLine, String> ordered = new LinkedHashMap<>();
		for (final RepairLine l : lines)
			if (problems.containsKey(l)) ordered.put(l, problems.get(l));
		return ordered;
	}

	/** Extensions of image formats other than TIFF, which an output name must not promise. */
	private static final List<String> OTHER_FORMATS = List.of("png", "jpg", "jpeg", "gif", "bmp",
		"jp2", "pgm", "ppm", "webp");

	/**
	 * @return the other image format the file name promises (e.g. "PNG"), or null for .tif, .tiff,
	 *         no extension or one that is not an image format
	 */
	static String otherFormat(final Path output) {
		final Path name = output.getFileName();
		if (name == null) return null;
		final String n = name.toString();
		final int dot = n.lastIndexOf('.');
		if (dot < 0) return null;
		final String ext = n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
		return OTHER_FORMATS.contains(ext) ? ext.toUpperCase(java.util.Locale.ROOT) : null;
	}

	/**
	 * The real path of an existing file; for a file still to be written, the real path of its
	 * nearest existing folder with the rest appended (so {@code a/../b} and links resolve).
	 */
	static Path canonical(final Path p) {
		Path abs = p.toAbsolutePath().normalize();
		Path existing = abs;
		final List<Path> rest = new ArrayList<>();
		while (existing != null && !Files.exists(existing)) {
			rest.add(0, existing.getFileName());
			existing = existing.getParent();
		}
		if (existing == null) return abs;
		try {
			Path real = existing.toRealPath();
			for (final Path r : rest)
				real = real.resolve(r);
			return real;
		}
		catch (final IOException e) {
			return abs;
		}
	}
}
