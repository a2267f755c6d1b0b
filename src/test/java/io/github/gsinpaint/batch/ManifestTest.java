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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.gsinpaint.core.InpaintException;

/** Reading a manifest: one malformed line is reported and skipped, the others are kept. */
class ManifestTest {

	@TempDir
	Path dir;

	private Path write(final String text) throws Exception {
		return Files.write(dir.resolve("list.tsv"), text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void pathsAreTakenFromTheManifestsFolder() throws Exception {
		final Manifest m = Manifest.read(write("# comment\n\na.png\tmasks/a.png\tout/a.tif\n"),
			false);
		assertEquals(1, m.lines().size());
		assertEquals(3, m.lines().get(0).index());
		assertEquals(dir.resolve("masks/a.png").toAbsolutePath(), m.lines().get(0).mask());
	}

	@Test
	void malformedLinesAreReportedAndSkipped() throws Exception {
		final Manifest m = Manifest.read(write("\uFEFFa.tif\tm.tif\to.tif\r\n" + // BOM, CRLF
			"b.tif m.tif o2.tif\n" + // spaces for tabs
			"c.tif\tm.tif\n" + // too few
			"d.tif\tm.tif\to3.tif\textra\n" + // too many
			"e.tif\t\to4.tif\n" + // empty mask field
			" f.tif\tm.tif\to5.tif\n" + // a leading space is part of the name
			"g.tif\t-\to6.tif\n"), false); // no mask file without a pixel mask
		assertEquals(2, m.lines().size(), m.problems().toString());
		assertEquals(dir.resolve("a.tif").toAbsolutePath(), m.lines().get(0).image());
		assertEquals(dir.resolve(" f.tif").toAbsolutePath(), m.lines().get(1).image());
		assertEquals(6, m.lines().get(1).index());
		final List<String> p = m.problems();
		assertEquals(5, p.size(), p.toString());
		assertTrue(p.get(0).startsWith("line 2:") && p.get(0).contains("use tabs"), p.get(0));
		assertTrue(p.get(1).startsWith("line 3:") && p.get(1).contains("found 2"), p.get(1));
		assertTrue(p.get(2).startsWith("line 4:") && p.get(2).contains("found 4"), p.get(2));
		assertTrue(p.get(3).startsWith("line 5:") && p.get(3).contains("mask field is empty"), p
			.get(3));
		assertTrue(p.get(4).startsWith("line 7:") && p.get(4).contains("--nan"), p.get(4));
		final Manifest withPixels = Manifest.read(dir.resolve("list.tsv"), true);
		assertNull(withPixels.lines().get(2).mask());
	}

	@Test
	void aMissingOrUnreadableManifestSaysWhatIsWrong() throws Exception {
		final Path none = dir.resolve("nothing.tsv");
		final InpaintException e = assertThrows(InpaintException.class, () -> Manifest.read(none,
			false));
		assertEquals("The manifest " + none + " does not exist: check the path.", e.getMessage());
		final InpaintException empty = assertThrows(InpaintException.class, () -> Manifest.read(
			write("# only a comment\n"), false));
		assertTrue(empty.getMessage().contains("no image lines"), empty.getMessage());
		Files.write(dir.resolve("latin1.tsv"), new byte[] { 'a', (byte) 0xe9, '\t', 'm', '\t',
			'o' });
		final InpaintException latin = assertThrows(InpaintException.class, () -> Manifest.read(dir
			.resolve("latin1.tsv"), false));
		assertTrue(latin.getMessage().contains("UTF-8"), latin.getMessage());
	}
}
