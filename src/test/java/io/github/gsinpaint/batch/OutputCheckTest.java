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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 1 and the manifest's output rules: refused before anything runs. */
class OutputCheckTest {

	@TempDir
	Path dir;

	private RepairLine line(final int i, final String image, final String mask,
		final String output)
	{
		return new RepairLine(i, dir.resolve(image).toString(), mask == null ? null : dir.resolve(
			mask).toString(), dir.resolve(output).toString());
	}

	@Test
	void anOutputThatIsAnInputIsRefused() throws Exception {
		Files.write(dir.resolve("a.tif"), new byte[] { 1 });
		Files.write(dir.resolve("m.tif"), new byte[] { 2 });
		Files.createDirectories(dir.resolve("sub"));
		Files.createSymbolicLink(dir.resolve("link.tif"), dir.resolve("a.tif"));
		final List<RepairLine> lines = List.of(line(1, "a.tif", "m.tif", "a.tif"), line(2, "b.tif",
			"m.tif", "m.tif"), line(3, "c.tif", "m.tif", "sub/../a.tif"), line(4, "d.tif", "m.tif",
				"link.tif"), line(5, "e.tif", null, "e-out.tif"), line(6, "f.tif", "m.tif",
					"b.tif"));
		final Map<RepairLine, String> p = OutputCheck.problems(lines, null, true);
		assertEquals(List.of(1, 2, 3, 4, 6), p.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()), p.toString());
		assertTrue(p.get(lines.get(0)).contains("of this line"), p.get(lines.get(0)));
		assertTrue(p.get(lines.get(5)).contains("of line 2"), p.get(lines.get(5)));
	}

	/** A mask that is the image (--masks = --images) said "The mask covers the whole image". */
	@Test
	void aMaskThatIsTheImageIsRefused() throws Exception {
		Files.write(dir.resolve("a.tif"), new byte[] { 1 });
		Files.createSymbolicLink(dir.resolve("alias.tif"), dir.resolve("a.tif"));
		final List<RepairLine> lines = List.of(line(1, "a.tif", "a.tif", "o1.tif"), line(2, "a.tif",
			"alias.tif", "o2.tif"), line(3, "a.tif", null, "o3.tif"));
		final Map<RepairLine, String> p = OutputCheck.problems(lines, null, true);
		assertEquals(List.of(1, 2), p.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()), p.toString());
		assertTrue(p.get(lines.get(1)).startsWith("The mask is the image itself"), p.toString());
	}

	@Test
	void linesWritingTheSameOutputAreAllRefused() throws Exception {
		// x must exist: the system cannot step out of a missing folder (refused on its own)
		Files.createDirectories(dir.resolve("x"));
		final List<RepairLine> lines = List.of(line(1, "a.tif", "m.tif", "o.tif"), line(2, "b.tif",
			"m.tif", "x/../o.tif"), line(3, "c.tif", "m.tif", "p.tif"));
		final Map<RepairLine, String> p = OutputCheck.problems(lines, null, true);
		assertEquals(2, p.size());
		assertTrue(p.get(lines.get(1)).contains("Lines 1, 2 all write"), p.get(lines.get(1)));
		// a folder's images: the user wrote no lines, so the clash names the images
		final String folder = OutputCheck.problems(lines, null, false).get(lines.get(0));
		assertTrue(folder.startsWith("The images " + dir.resolve("a.tif") + ", " + dir.resolve(
			"b.tif") + " all write") && !folder.contains("Line"), folder);
	}

	@Test
	void outputsOutsideTheConfinementFolderAreRefused() throws Exception {
		final Path root = Files.createDirectories(dir.resolve("out"));
		final List<RepairLine> lines = List.of(line(1, "a.tif", "m.tif", "out/a.tif"), line(2,
			"bb.tif", "m.tif", "out/../b.tif"), new RepairLine(3, dir.resolve("c.tif").toString(), dir
				.resolve("m.tif").toString(), "/tmp/elsewhere.tif"), line(4, "d.tif", "m.tif",
					"out/deep/d.tif"));
		final Map<RepairLine, String> p = OutputCheck.problems(lines, root, true);
		assertEquals(List.of(2, 3), p.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()));
		assertTrue(p.get(lines.get(1)).contains("--outputs-under"));
		assertTrue(OutputCheck.problems(lines, null, true).isEmpty(), "no confinement by default");
	}

	/**
	 * Outputs are always TIFF: "--output result.png" used to write TIFF bytes under a .png name,
	 * which PNG readers reject or, worse, tools trusting the name mis-read.
	 */
	@Test
	void anOutputNamedAsAnotherImageFormatIsRefused() {
		final List<RepairLine> lines = List.of(line(1, "a.png", "m.png", "a-out.png"), line(2,
			"b.tif", "m.png", "b-out.JPG"), line(3, "c.png", "m.png", "c-out.tif"), line(4, "d.png",
				"m.png", "d-out.TIFF"), line(5, "e.png", "m.png", "e-out"));
		final Map<RepairLine, String> p = OutputCheck.problems(lines, null, true);
		assertEquals(List.of(1, 2), p.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()), p.toString());
		assertTrue(p.get(lines.get(0)).contains("a-out.png") && p.get(lines.get(0)).contains(
			"always TIFF") && p.get(lines.get(0)).contains(".tif"), p.get(lines.get(0)));
	}

	/**
	 * A relative link {@code link -> target}, or the test is skipped where links cannot be made
	 * (Windows without the privilege).
	 */
	static Path link(final Path link, final String target) {
		try {
			return Files.createSymbolicLink(link, Paths.get(target));
		}
		catch (final IOException | UnsupportedOperationException | SecurityException e) {
			Assumptions.abort("symbolic links cannot be made here: " + e);
			return null;
		}
	}

	/**
	 * "out/lnk/../a.tif" with lnk pointing into the input's folder: the system opens the input's
	 * folder's a.tif (the link first, then ".."), but the check collapsed "lnk/.." first, saw
	 * "out/a.tif", and the run overwrote the input and escaped --outputs-under.
	 */
	@Test
	void aLinkFollowedByDotDotIsResolvedAsTheSystemDoes() throws Exception {
		Files.createDirectories(dir.resolve("in/sub"));
		Files.write(dir.resolve("in/a.tif"), new byte[] { 1 });
		Files.write(dir.resolve("in/m.tif"), new byte[] { 2 });
		final Path out = Files.createDirectories(dir.resolve("out"));
		link(out.resolve("lnk"), "../in/sub");
		assertEquals(dir.resolve("in").toRealPath().resolve("new.tif"),
			OutputCheck.canonical(dir.resolve("out/lnk/../new.tif")));
		final List<RepairLine> lines = List.of(line(1, "in/a.tif", "in/m.tif", "out/lnk/../a.tif"),
			line(2, "in/b.tif", "in/m.tif", "out/lnk/../m.tif"), line(3, "in/c.tif", "in/m.tif",
				"out/lnk/../c-out.tif"), line(4, "in/d.tif", "in/m.tif", "out/lnk/d-out.tif"));
		final Map<RepairLine, String> free = OutputCheck.problems(lines, null, true);
		assertEquals(List.of(1, 2), free.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()), free.toString());
		final String m = free.get(lines.get(0));
		assertTrue(m.contains("is an input (of this line)") && m.contains("out/lnk/../a.tif") && m
			.contains(dir.resolve("in/a.tif").toRealPath().toString()) && !m.contains("\n"), m);
		final Map<RepairLine, String> under = OutputCheck.problems(lines, out, true);
		assertEquals(List.of(1, 2, 3, 4), under.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()), under.toString());
		assertTrue(under.get(lines.get(2)).contains("lies outside " + out + " (--outputs-under)"),
			under.get(lines.get(2)));
		// the confinement folder itself is resolved the same way: out/lnk/.. is in/
		assertEquals(List.of(1, 2), OutputCheck.problems(lines, out.resolve("lnk/.."), true).keySet()
			.stream().map(RepairLine::index).collect(java.util.stream.Collectors.toList()));
	}

	/**
	 * "o/sub/../ok.tif" with no o/sub: the system cannot step out of a folder that is not there.
	 * The writer said "the folder o/sub/.. is not writable"; now the check names the missing folder.
	 */
	@Test
	void steppingOutOfAMissingFolderIsRefusedNamingIt() throws Exception {
		Files.createDirectories(dir.resolve("o"));
		Files.write(dir.resolve("file.tif"), new byte[] { 1 });
		final List<RepairLine> lines = List.of(line(1, "a.tif", "m.tif", "o/sub/../ok.tif"), line(2,
			"b.tif", "m.tif", "o/new/deeper/b-out.tif"), line(3, "c.tif", "m.tif",
				"o/x/y/../../c-out.tif"), line(4, "d.tif", "m.tif", "file.tif/../d-out.tif"));
		final Map<RepairLine, String> p = OutputCheck.problems(lines, null, true);
		assertEquals(List.of(1, 3, 4), p.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()), p.toString());
		assertEquals("The folder " + dir.resolve("o/sub") + " does not exist, so the output " + dir
			.resolve("o/sub/../ok.tif") + " cannot step out of it with '..': create that folder, " +
			"or give the output path without '..'.", p.get(lines.get(0)));
		assertTrue(p.get(lines.get(2)).startsWith("The folder " + dir.resolve("o/x") + " does not" +
			" exist"), p.get(lines.get(2)));
		assertTrue(p.get(lines.get(3)).contains(dir.resolve("file.tif") + " with '..', but that " +
			"is a file, not a folder"), p.get(lines.get(3)));
		assertNull(OutputCheck.missingFolder(dir.resolve("o/../o/sub/ok.tif")), "an existing " +
			"folder may be left with '..'");
	}
}
