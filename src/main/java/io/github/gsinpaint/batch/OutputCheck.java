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
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every output of a batch before anything runs: an output must not be any input of the
 * batch (the atomic write would replace the original), two lines must not write the same file
 * (the last would silently win), with a confinement folder every output must lie in it, an
 * output may not be named as another image format (outputs are TIFF), and a line's mask may not
 * be its image (a --masks folder that is the --images folder).
 * Paths are compared as the system resolves them (each link, then the {@code ..} after it), so
 * another spelling of the same file is caught too.
 */
public final class OutputCheck {

	private OutputCheck() {}

	/**
	 * @param under the folder outputs must lie in, or null
	 * @param numbered whether the user wrote the lines (a manifest): a clash names their numbers;
	 *          else (a folder's images) it names the images
	 * @return the refused lines, each with its one-line reason, in line order
	 */
	public static Map<RepairLine, String> problems(final List<RepairLine> lines, final Path under,
		final boolean numbered)
	{
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
			if (owner != null) problems.put(l, "The output " + shown(l.output(), out) +
				" is an input (" + (own ? "of this line" : "of line " + owner.index()) +
				"); writing it would destroy the original. Choose another output name.");
			else if (l.mask() != null && canonical(l.mask()).equals(canonical(l.image()))) problems
				.put(l, "The mask is the image itself (" + l.mask() + "): every non-zero pixel " +
					"would be a hole. Give the mask file that marks the damage.");
			else if (missingFolder(l.output()) != null) problems.put(l, missingFolderMessage(l
				.output(), missingFolder(l.output())));
			else if (root != null && !out.startsWith(root)) problems.put(l, "The output " + shown(l
				.output(), out) + " lies outside " + under + " (--outputs-under). Fix the output " +
				"path.");
			else if (otherFormat(l.output()) != null) problems.put(l, "The output " + l.output() +
				" is named as a " + otherFormat(l.output()) + " file, but outputs are always TIFF " +
				"(of the input's type): name it .tif.");
		}
		for (final List<RepairLine> same : byOutput.values()) {
			if (same.size() < 2) continue;
			final StringBuilder who = new StringBuilder();
			for (final RepairLine l : same)
				who.append(who.length() == 0 ? "" : ", ").append(numbered ? String.valueOf(l.index())
					: l.image().toString());
			for (final RepairLine l : same)
				problems.putIfAbsent(l, numbered ? "Lines " + who + " all write " + l.output() +
					"; give each line its own output." : "The images " + who + " all write " + l
						.output() + " (an output takes its image's name without the extension); rename " +
						"one of them.");
		}
		final Map<RepairLine, String> ordered = new LinkedHashMap<>();
		for (final RepairLine l : lines)
			if (problems.containsKey(l)) ordered.put(l, problems.get(l));
		return ordered;
	}

	/**
	 * The output as given, and where it really goes when links make that another place: without
	 * it "out/link/../a.tif is an input" would be a riddle.
	 */
	private static String shown(final Path given, final Path real) {
		return given.toAbsolutePath().normalize().equals(real) ? given.toString() : given +
			" (that is " + real + ")";
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
	 * The file the system opens for {@code p}: the real path of the longest prefix of {@code p}
	 * that resolves, with the names after it appended. Nothing is collapsed before the links are
	 * resolved: {@code link/..} is the folder above the link's target, as for the system, not the
	 * folder holding the link (collapsing it first let "out/link/../a.tif" overwrite an input and
	 * escape --outputs-under). Only the names after the prefix, folders still to be created, are
	 * normalised; a {@code ..} among them is refused by {@link #missingFolder}.
	 */
	static Path canonical(final Path p) {
		final Resolution r = resolve(p);
		Path out = r.real;
		for (final Path name : r.rest)
			out = out.resolve(name);
		// the prefix is real (no link, no "..") and the rest is not there yet: lexical is exact
		return out.normalize();
	}

	/**
	 * A folder that {@code p} goes through but that does not exist (or is no folder) while a
	 * {@code ..} after it steps out of it: the system cannot open such a path, and creating the
	 * folder only to leave it again would be a guess at what was meant.
	 *
	 * @return that folder as spelled in {@code p} (made absolute), or null when there is none
	 */
	static Path missingFolder(final Path p) {
		final Resolution r = resolve(p);
		if (!r.rest.contains(DOT_DOT)) return null;
		final Path abs = r.abs;
		// the first name that does not resolve; a ".." first means the prefix is a file
		final int names = abs.getNameCount() - r.rest.size() + (r.rest.get(0).equals(DOT_DOT) ? 0
			: 1);
		return abs.getRoot() == null ? abs.subpath(0, names) : abs.getRoot().resolve(abs.subpath(0,
			names));
	}

	/** The one-line refusal for an output that goes through {@link #missingFolder}. */
	static String missingFolderMessage(final Path output, final Path folder) {
		if (Files.exists(folder)) return "The output " + output + " steps out of " + folder +
			" with '..', but that is a file, not a folder: give the output path without '..'.";
		return "The folder " + folder + " does not exist, so the output " + output + " cannot " +
			"step out of it with '..': create that folder, or give the output path without '..'.";
	}

	private static final Path DOT_DOT = Paths.get("..");

	/** A path as the system resolves it: the real path of a prefix and the names after it. */
	private static final class Resolution {

		final Path abs, real;
		final List<Path> rest;

		Resolution(final Path abs, final Path real, final List<Path> rest) {
			this.abs = abs;
			this.real = real;
			this.rest = rest;
		}
	}

	private static Resolution resolve(final Path p) {
		final Path abs = p.toAbsolutePath();
		final List<Path> rest = new ArrayList<>();
		// toRealPath follows each link and then the ".." after it, as opening the file would
		for (Path prefix = abs; prefix != null; prefix = prefix.getParent()) {
			try {
				return new Resolution(abs, prefix.toRealPath(), rest);
			}
			catch (final IOException e) {
				// not there (or not reachable): it and the names after it are still to be made
				if (prefix.getFileName() != null) rest.add(0, prefix.getFileName());
			}
		}
		// not even the root resolves (a vanished drive): compare the path as given
		return new Resolution(abs, abs, new ArrayList<>());
	}
}
