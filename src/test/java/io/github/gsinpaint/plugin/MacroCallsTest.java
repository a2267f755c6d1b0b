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
package io.github.gsinpaint.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;
import io.github.gsinpaint.ij.PaletteFixtures;

/** The macro entry point for one file, with its repair replaced where a failure is needed. */
class MacroCallsTest {

	@TempDir
	Path dir;

	private String[] files() {
		final ByteProcessor image = new ByteProcessor(32, 24), mask = new ByteProcessor(32, 24);
		for (int i = 0; i < 32 * 24; i++)
			image.set(i, i % 200);
		mask.setValue(255);
		mask.fill(new ij.gui.Roi(10, 8, 6, 5));
		final String in = dir.resolve("in.tif").toString(), m = dir.resolve("mask.tif").toString();
		IJ.saveAsTiff(new ImagePlus("in", image), in);
		IJ.saveAsTiff(new ImagePlus("mask", mask), m);
		return new String[] { in, m, dir.resolve("out.tif").toString() };
	}

	@Test
	void runningOutOfMemoryIsOneLineAndLeavesNoFile() throws Exception {
		final String[] f = files();
		final String answer = MacroCalls.repairFile(f[0], f[1], f[2], (imp, m) -> {
			throw new OutOfMemoryError("Java heap space");
		});
		assertTrue(answer.startsWith("in.tif: not enough memory"), answer);
		assertFalse(answer.contains("\n"), answer);
		assertFalse(new File(f[2]).exists(), "an output was written");
		try (var left = Files.list(dir)) {
			assertEquals(2, left.count(), "a file was left beside the inputs");
		}
	}

	@Test
	void aRepairedFileIsWritten() {
		final String[] f = files();
		assertEquals("", MacroCalls.repairFile(f[0], f[1], f[2], "method=harmonic"));
		final ImagePlus out = IJ.openImage(f[2]);
		assertEquals(32, out.getWidth());
		assertEquals(24, out.getHeight());
	}

	/** The macro path opens the file itself: a palette file (Pillow's, 32 colours) is one line. */
	@Test
	void aPaletteFileIsRefusedInOneLine() throws Exception {
		final String image = PaletteFixtures.copy("face-q32.gif", dir).toString();
		final ByteProcessor mask = new ByteProcessor(80, 60);
		mask.setValue(255);
		mask.fill(new ij.gui.Roi(30, 20, 8, 6));
		final String m = dir.resolve("mask.tif").toString(), out = dir.resolve("out.tif")
			.toString();
		IJ.saveAsTiff(new ImagePlus("mask", mask), m);
		final String answer = MacroCalls.repairFile(image, m, out, "method=harmonic");
		assertTrue(answer.startsWith("face-q32.gif: ") && answer.contains("indexed colour") && answer
			.contains("GIF"), answer);
		assertFalse(answer.contains("\n"), answer);
		assertFalse(new File(out).exists(), "an output was written");
	}
}
