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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.gsinpaint.core.InpaintException;

/**
 * The lines of a batch, and the manifest lines that could not be read (each reported and skipped:
 * one malformed line never rejects the others).
 * <p>
 * Format: UTF-8 text (a byte-order mark is allowed), one line per image: image, mask and output
 * separated by tabs. Blank lines and lines starting with # are ignored. Fields are taken as
 * written (a file name may begin or end with a space); relative paths are taken from the
 * manifest's folder; a mask of {@code -} means none (the mask comes from pixel values).
 */
public final class Manifest {

	private final List<RepairLine> lines;
	private final List<String> problems;
	private final List<String> notes;

	Manifest(final List<RepairLine> lines, final List<String> problems) {
		this(lines, problems, List.of());
	}

	Manifest(final List<RepairLine> lines, final List<String> problems, final List<String> notes) {
		this.lines = Collections.unmodifiableList(lines);
		this.problems = Collections.unmodifiableList(problems);
		this.notes = Collections.unmodifiableList(notes);
	}

	/** A batch of given lines, without problems. */
	public static Manifest of(final RepairLine... lines) {
		final List<RepairLine> l = new ArrayList<>();
		Collections.addAll(l, lines);
		return new Manifest(l, new ArrayList<>());
	}

	/** @return the well-formed lines, in file order */
	public List<RepairLine> lines() {
		return lines;
	}

	/** @return one message per malformed line ("line N: ..."), in file order */
	public List<String> problems() {
		return problems;
	}

	/** @return what the user should know but is no failure (files of a folder passed over) */
	public List<String> notes() {
		return notes;
	}

	/**
	 * @param maskOptional whether '-' (no mask file) is allowed because a pixel mask is asked for
	 * @throws InpaintException when the file cannot be read or holds no line at all
	 */
	public static Manifest read(final Path file, final boolean maskOptional) {
		final String text = decode(file);
		final Path base = file.toAbsolutePath().getParent();
		final List<RepairLine> lines = new ArrayList<>();
		final List<String> problems = new ArrayList<>();
		final String[] raw = text.split("\n", -1);
		for (int i = 0; i < raw.length; i++) {
			String line = raw[i];
			if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
			if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
			if (line.trim().isEmpty() || line.trim().startsWith("#")) continue;
			final int number = i + 1;
			final String[] f = line.split("\t", -1);
			if (f.length != 3) {
				problems.add("line " + number + ": needs 3 fields separated by tabs (image, mask, " +
					"output), found " + f.length + (f.length < 3 && line.contains(" ")
						? " (spaces do not separate fields: use tabs)" : "") + ". Line skipped.");
				continue;
			}
			String empty = null;
			for (int k = 0; k < 3; k++)
				if (f[k].isEmpty()) empty = new String[] { "image", "mask", "output" }[k];
			if (empty != null) {
				problems.add("line " + number + ": the " + empty + " field is empty. Line skipped.");
				continue;
			}
			final boolean noMask = f[1].equals(RepairLine.NO_MASK_FILE);
			if (noMask && !maskOptional) {
				problems.add("line " + number + ": no mask file ('-') but no pixel mask (--nan, " +
					"--saturated, --saturation-level or --value) was asked for. Line skipped.");
				continue;
			}
			try {
				lines.add(new RepairLine(number, base.resolve(f[0]).toString(), noMask ? null : base
					.resolve(f[1]).toString(), base.resolve(f[2]).toString()));
			}
			catch (final InvalidPathException e) {
				problems.add("line " + number + ": not a valid path (" + e.getReason() +
					"). Line skipped.");
			}
		}
		if (lines.isEmpty() && problems.isEmpty()) throw new InpaintException("The manifest " +
			file + " has no image lines: write one line per image, image<TAB>mask<TAB>output.");
		return new Manifest(lines, problems);
	}

	private static String decode(final Path file) {
		final byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (final NoSuchFileException e) {
			throw new InpaintException("The manifest " + file + " does not exist: check the path.");
		}
		catch (final AccessDeniedException e) {
			throw new InpaintException("The manifest " + file + " cannot be read: permission " +
				"denied.");
		}
		catch (final IOException e) {
			throw new InpaintException("The manifest " + file + " cannot be read (" + (Files
				.isDirectory(file) ? "it is a folder" : e.getClass().getSimpleName()) + ").");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (final CharacterCodingException e) {
			throw new InpaintException("The manifest " + file + " is not UTF-8 text: save it as " +
				"UTF-8 (plain text, tab-separated).");
		}
	}
}
