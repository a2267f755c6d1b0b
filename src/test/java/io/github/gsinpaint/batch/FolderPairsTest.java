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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.gsinpaint.core.InpaintException;

/** A rerun must never take the previous run's outputs for inputs. */
class FolderPairsTest {

	@TempDir
	Path dir;

	private Path folder(final String name, final String... files) throws Exception {
		final Path d = Files.createDirectories(dir.resolve(name));
		for (final String f : files)
			Files.write(d.resolve(f), new byte[] { 1 });
		return d;
	}

	private static String refusal(final Path images, final Path masks, final Path outputs) {
		final InpaintException e = assertThrows(InpaintException.class, () -> FolderPairs.pair(
			images, masks, outputs));
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
		assertTrue(e.getMessage().contains("--outputs"), e.getMessage());
		return e.getMessage();
	}

	/** a.png wrote a.tif next to it: the next run paired a.tif too, and refused both lines. */
	@Test
	void anOutputFolderEqualToAnInputFolderIsRefused() throws Exception {
		final Path images = folder("images", "a.png", "b.png");
		final Path masks = folder("masks", "a.png", "b.png");
		assertTrue(refusal(images, masks, images).contains("is the image folder"));
		assertTrue(refusal(images, masks, images.resolve("x/..")).contains("is the image folder"));
		assertTrue(refusal(images, null, images).contains("is the image folder"));
		assertTrue(refusal(images, masks, masks).contains("is the mask folder"));
		// as a rerun finds it: the first run's outputs already there
		Files.write(images.resolve("a.tif"), new byte[] { 1 });
		refusal(images, masks, images);
	}

	@Test
	void outputsInASubfolderAreNotTakenForInputsOnARerun() throws Exception {
		final Path images = folder("images", "a.png", "b.png");
		final Path masks = folder("masks", "a.png", "b.png");
		final Path out = images.resolve("inpainted");
		final Manifest first = FolderPairs.pair(images, masks, out);
		assertEquals(2, first.lines().size());
		// the first run's outputs, and a mask folder holding outputs too
		Files.createDirectories(out);
		for (final RepairLine l : first.lines())
			Files.write(l.output(), new byte[] { 1 });
		Files.createDirectories(masks.resolve("inpainted"));
		Files.write(masks.resolve("inpainted/a.tif"), new byte[] { 1 });
		final Manifest again = FolderPairs.pair(images, masks, out);
		assertEquals(List.of(), again.problems());
		assertEquals(List.of("a.png", "b.png"), again.lines().stream().map(l -> l.image()
			.getFileName().toString()).collect(Collectors.toList()));
		assertEquals(first.lines().stream().map(RepairLine::output).collect(Collectors.toList()),
			again.lines().stream().map(RepairLine::output).collect(Collectors.toList()));
		assertTrue(OutputCheck.problems(again.lines(), null, false).isEmpty());
	}

	/** --outputs through a link and "..": the folder the system opens, not the lexical one. */
	@Test
	void anOutputFolderThroughALinkAndDotDotIsResolvedAsTheSystemDoes() throws Exception {
		final Path images = folder("images", "a.png");
		final Path masks = folder("masks", "a.png");
		Files.createDirectories(images.resolve("sub"));
		final Path out = Files.createDirectories(dir.resolve("out"));
		OutputCheckTest.link(out.resolve("lnk"), "../images/sub");
		assertTrue(refusal(images, masks, out.resolve("lnk/..")).contains("is the image folder"));
	}

	@Test
	void anOutputFolderSteppingOutOfAMissingFolderIsRefusedOnce() throws Exception {
		final Path images = folder("images", "a.png", "b.png");
		final Path masks = folder("masks", "a.png", "b.png");
		final String m = refusal(images, masks, dir.resolve("none/../out"));
		assertEquals("The folder " + dir.resolve("none") + " does not exist, so --outputs " + dir
			.resolve("none/../out") + " cannot step out of it with '..': create that folder, or " +
			"give --outputs without '..'.", m);
	}
}
