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
package io.github.gsinpaint.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

/** The palette read from a file's header must be the LUT ImageJ's readers make of it. */
class FilePaletteTest {

	@TempDir
	Path dir;

	/** The first entries ImageJ shows must be the file's palette, entry for entry. */
	private static void assertSameAsImageJ(final Path p, final FilePalette palette) {
		final ImagePlus imp = IJ.openImage(p.toString());
		final IndexColorModel lut = (IndexColorModel) imp.getProcessor().getColorModel();
		assertTrue(lut.getMapSize() >= palette.rgb.length, p.toString());
		for (int i = 0; i < palette.rgb.length; i++)
			assertEquals(lut.getRGB(i) & 0xffffff, palette.rgb[i], p + " entry " + i);
	}

	@Test
	void pngGifAndBmpPalettesAreTheLutsImageJMakes() throws Exception {
		final Path q32png = PaletteFixtures.copy("face-q32.png", dir), q32gif = PaletteFixtures.copy(
			"face-q32.gif", dir), adaptive = PaletteFixtures.copy("face-adaptive32.png", dir);
		final Path bmp = dir.resolve("again.bmp");
		assertTrue(new FileSaver(IJ.openImage(q32png.toString())).saveAsBmp(bmp.toString()));
		final Object[][] cases = { { q32png, "PNG", 32 }, { q32gif, "GIF", 256 }, { adaptive, "PNG",
			256 }, { bmp, "BMP", 256 }, { gifWithLocalTable(), "GIF", 4 } };
		for (final Object[] c : cases) {
			final Path p = (Path) c[0];
			final FilePalette palette = FilePalette.read(p);
			assertNotNull(palette, p.toString());
			assertEquals(c[1], palette.format, p.toString());
			assertEquals(c[2], palette.rgb.length, p.toString());
			assertSameAsImageJ(p, palette);
		}
	}

	/**
	 * A GIF without a global table, with a comment and a graphic control block before its one
	 * pixel, whose image has its own table of four colours.
	 */
	private Path gifWithLocalTable() throws Exception {
		final int[] bytes = { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, // no global table
			0x21, 0xfe, 3, 'a', 'b', 'c', 0, // a comment
			0x21, 0xf9, 4, 0, 0, 0, 0, 0, // graphic control
			0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0x81, // a 1 x 1 image with 4 colours of its own
			0xff, 0, 0, 0, 0xff, 0, 0, 0, 0xff, 0x12, 0x34, 0x56, //
			2, 2, 0x44, 1, 0, // LZW: clear, index 0, end
			0x3b };
		final byte[] b = new byte[bytes.length];
		for (int i = 0; i < b.length; i++)
			b[i] = (byte) bytes[i];
		return Files.write(dir.resolve("local.gif"), b);
	}

	@Test
	void filesWithoutAPaletteHaveNone() throws Exception {
		final ByteProcessor grey = new ByteProcessor(20, 10);
		final ColorProcessor rgb = new ColorProcessor(20, 10);
		for (final String f : new String[] { "png", "gif", "bmp", "tif", "jpg" }) {
			final String g = dir.resolve("grey." + f).toString(), c = dir.resolve("rgb." + f)
				.toString();
			final FileSaver sg = new FileSaver(new ImagePlus("grey", grey)), sc = new FileSaver(
				new ImagePlus("rgb", rgb));
			switch (f) {
				case "png":
					assertTrue(sg.saveAsPng(g) && sc.saveAsPng(c));
					break;
				case "gif": // ImageJ's GIF of a grey image holds its grey LUT as a palette
					assertTrue(sg.saveAsGif(g));
					assertEquals(256, FilePalette.read(Path.of(g)).rgb.length);
					continue;
				case "bmp":
					assertTrue(sc.saveAsBmp(c));
					assertNull(FilePalette.read(Path.of(c)), c);
					continue;
				case "tif":
					assertTrue(sg.saveAsTiff(g) && sc.saveAsTiff(c));
					break;
				default:
					assertTrue(sg.saveAsJpeg(g) && sc.saveAsJpeg(c));
			}
			assertNull(FilePalette.read(Path.of(g)), g);
			assertNull(FilePalette.read(Path.of(c)), c);
		}
		assertNull(FilePalette.read(dir.resolve("no-such-file.png")));
		assertNull(FilePalette.read(dir));
	}

	/** Cut anywhere or scrambled, a file gives its palette or none, never an error or a hang. */
	@Test
	void damagedFilesGiveNoneOrTheirPalette() throws Exception {
		final Path q32png = PaletteFixtures.copy("face-q32.png", dir), q32gif = PaletteFixtures.copy(
			"face-q32.gif", dir);
		final Path bmp = dir.resolve("again.bmp");
		assertTrue(new FileSaver(IJ.openImage(q32png.toString())).saveAsBmp(bmp.toString()));
		final Random rnd = new Random(11);
		final Path cut = dir.resolve("cut");
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (final Path p : new Path[] { q32png, q32gif, bmp, gifWithLocalTable() }) {
				final byte[] whole = Files.readAllBytes(p);
				final int[] full = FilePalette.read(p).rgb;
				for (int n = 0; n <= Math.min(whole.length, 1100); n++) {
					Files.write(cut, Arrays.copyOf(whole, n));
					final FilePalette got = FilePalette.read(cut);
					if (got != null) assertArrayEquals(full, got.rgb, p + " cut at " + n);
				}
				for (int k = 0; k < 300; k++) {
					final byte[] bad = whole.clone();
					for (int j = 0; j < 4; j++)
						bad[2 + rnd.nextInt(Math.min(bad.length - 2, 80))] = (byte) rnd.nextInt();
					Files.write(cut, bad);
					FilePalette.read(cut);
				}
			}
		});
	}
}
