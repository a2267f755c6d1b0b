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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.io.Opener;
import io.github.gsinpaint.core.InpaintException;

/** A folder of images paired with a folder of masks, as a batch of lines. */
final class FolderPairs {

	private FolderPairs() {}

	/**
	 * Pairs every file in {@code images} (sorted by name; hidden files left out) with its mask: the
	 * file of the same name in {@code masks}, else the only one with the same stem. An image
	 * without a mask is a problem of its own line; the others go on. Only the files directly in
	 * each folder are listed, so outputs in a subfolder are never taken for inputs; an output
	 * folder equal to the image or mask folder is refused.
	 *
	 * @param masks null when the mask comes only from pixel values
	 */
	static Manifest pair(final Path images, final Path masks, final Path outputs)
		throws IOException
	{
		for (final Path d : new Path[] { images, masks })
			if (d != null && !Files.isDirectory(d)) throw new InpaintException("Not a folder: " + d +
				".");
		// Outputs written next to the inputs would be listed by the next run as images (or as a
		// second mask of the same stem): refused before the first run, not discovered on the second.
		// A subfolder is safe, as only the files directly in a folder are listed.
		final Path out = OutputCheck.canonical(outputs);
		for (final Path d : new Path[] { images, masks })
			if (d != null && out.equals(OutputCheck.canonical(d))) throw new InpaintException(
				"The output folder " + outputs + " is the " + (d == images ? "image" : "mask") +
					" folder, so a rerun would take the outputs for " + (d == images ? "images"
						: "masks") + ": give --outputs another folder (a subfolder such as " + d.resolve(
							"inpainted") + " is fine).");
		// refused once here, not once per image by OutputCheck
		final Path missing = OutputCheck.missingFolder(outputs);
		if (missing != null) throw new InpaintException((Files.exists(missing) ? missing +
			" is a file, not a folder" : "The folder " + missing + " does not exist") +
			", so --outputs " + outputs + " cannot step out of it with '..': " + (Files.exists(
				missing) ? "" : "create that folder, or ") + "give --outputs without '..'.");
		final List<Path> listed = list(images);
		final List<Path> imageFiles = listed.stream().filter(FolderPairs::mayBeImage).collect(
			Collectors.toList());
		final List<String> notes = new ArrayList<>();
		final List<Path> passed = listed.stream().filter(p -> !mayBeImage(p)).collect(Collectors
			.toList());
		if (!passed.isEmpty()) notes.add("Passed over " + passed.size() + (passed.size() == 1
			? " file that is not an image: " : " files that are not images: ") + passed.stream()
				.limit(5).map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")) + (passed
					.size() > 5 ? ", ..." : "") + ".");
		final List<Path> maskFiles = masks == null ? List.of() : list(masks);
		final List<RepairLine> lines = new ArrayList<>();
		final List<String> problems = new ArrayList<>();
		int index = 0;
		for (final Path img : imageFiles) {
			index++;
			final String name = img.getFileName().toString();
			final String stem = stem(name);
			Path mask = null;
			if (masks != null) {
				mask = masks.resolve(name);
				if (!Files.isRegularFile(mask)) {
					final List<Path> same = maskFiles.stream().filter(m -> stem(m.getFileName()
						.toString()).equals(stem)).collect(Collectors.toList());
					if (same.size() != 1) {
						problems.add("image " + img + ": " + (same.isEmpty() ? "no mask named " + name +
							" or " + stem + ".* in " + masks : same.size() + " masks named " + stem +
								".* in " + masks + "; keep one") + ". Image skipped.");
						continue;
					}
					mask = same.get(0);
				}
			}
			lines.add(new RepairLine(index, img.toAbsolutePath().toString(), mask == null ? null
				: mask.toAbsolutePath().toString(), outputs.resolve(stem + ".tif").toAbsolutePath()
					.toString()));
		}
		if (imageFiles.isEmpty()) throw new InpaintException("No images in " + images + (passed
			.isEmpty() ? "" : " (only files that are not images)") + ".");
		return new Manifest(lines, problems, notes);
	}

	private static List<Path> list(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(
				".")).sorted().collect(Collectors.toList());
		}
	}

	/** Extensions of the image formats ImageJ opens, which are never passed over. */
	private static final Set<String> IMAGE_EXTENSIONS = Set.of("tif", "tiff", "png", "jpg",
		"jpeg", "gif", "bmp", "pgm", "ppm", "pbm", "fits", "fit", "fts", "dcm", "dicom", "zip",
		"lsm", "jp2");

	/**
	 * Whether a listed file is taken as an image: when its extension is an image format's (a
	 * damaged image must fail, not vanish) or when ImageJ's own file-type check finds an image in
	 * it. Notes, thumbnail caches and tables next to the images (notes.txt, Thumbs.db, data.csv)
	 * are passed over instead of failing the run.
	 */
	static boolean mayBeImage(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		if (dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT)))
			return true;
		switch (new Opener().getFileType(file.toString())) {
			case Opener.UNKNOWN: case Opener.TEXT: case Opener.JAVA_OR_TEXT: case Opener.TABLE:
			case Opener.ROI: case Opener.LUT: return false;
			default: return true;
		}
	}

	private static String stem(final String name) {
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
