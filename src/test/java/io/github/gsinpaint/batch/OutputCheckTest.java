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
import java.util.Map;

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
		final Map<RepairLine, String> p = OutputCheck.problems(lines, null);
		assertEquals(List.of(1, 2, 3, 4, 6), p.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()), p.toString());
		assertTrue(p.get(lines.get(0)).contains("of this line"), p.get(lines.get(0)));
		assertTrue(p.get(lines.get(5)).contains("of line 2"), p.get(lines.get(5)));
	}

	@Test
	void linesWritingTheSameOutputAreAllRefused() {
		final List<RepairLine> lines = List.of(line(1, "a.tif", "m.tif", "o.tif"), line(2, "b.tif",
			"m.tif", "x/../o.tif"), line(3, "c.tif", "m.tif", "p.tif"));
		final Map<RepairLine, String> p = OutputCheck.problems(lines, null);
		assertEquals(2, p.size());
		assertTrue(p.get(lines.get(1)).contains("Lines 1, 2 all write"), p.get(lines.get(1)));
	}

	@Test
	void outputsOutsideTheConfinementFolderAreRefused() throws Exception {
		final Path root = Files.createDirectories(dir.resolve("out"));
		final List<RepairLine> lines = List.of(line(1, "a.tif", "m.tif", "out/a.tif"), line(2,
			"bb.tif", "m.tif", "out/../b.tif"), new RepairLine(3, dir.resolve("c.tif").toString(), dir
				.resolve("m.tif").toString(), "/tmp/elsewhere.tif"), line(4, "d.tif", "m.tif",
					"out/deep/d.tif"));
		final Map<RepairLine, String> p = OutputCheck.problems(lines, root);
		assertEquals(List.of(2, 3), p.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()));
		assertTrue(p.get(lines.get(1)).contains("--outputs-under"));
		assertTrue(OutputCheck.problems(lines, null).isEmpty(), "no confinement by default");
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
		final Map<RepairLine, String> p = OutputCheck.problems(lines, null);
		assertEquals(List.of(1, 2), p.keySet().stream().map(RepairLine::index).collect(
			java.util.stream.Collectors.toList()), p.toString());
		assertTrue(p.get(lines.get(0)).contains("a-out.png") && p.get(lines.get(0)).contains(
			"always TIFF") && p.get(lines.get(0)).contains(".tif"), p.get(lines.get(0)));
	}
}
