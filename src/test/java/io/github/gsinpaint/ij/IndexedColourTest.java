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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.plugin.LutLoader;
import ij.process.ByteProcessor;
import ij.process.ImageConverter;
import ij.process.ImageProcessor;
import ij.process.LUT;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.Progress;

/**
 * A user's test: an image quantised by Pillow to 32 colours (PNG or GIF) was repaired, its
 * palette indices filled as intensities into colours that mean nothing. ImageJ opens such files
 * as GRAY8 and marks nothing; the LUT test it uses for 8-bit Color (the plugin's only rule then)
 * takes Pillow's palettes, sorted by brightness or padded with black, for pseudo-colour LUTs. The
 * file's own palette now decides, while LUTs that show intensities (grey, inverted, Fire, those
 * saved by ImageJ into a PNG, GIF or BMP) are repaired as before.
 */
class IndexedColourTest {

	@TempDir
	Path dir;

	private ImagePlus open(final Path p) {
		final ImagePlus imp = IJ.openImage(p.toString());
		assertEquals(8, imp.getBitDepth(), p.toString());
		return imp;
	}

	private static String format(final String name) {
		return name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "face-q32.png", "face-q32.gif", "face-adaptive32.png",
		"face-q256.png", "face-q256.gif", "face-greyish32.png", "face-grey-octree16.png" })
	void pillowsPalettesAreIndexed(final String name) throws Exception {
		final ImagePlus imp = open(PaletteFixtures.copy(name, dir));
		final ImageProcessor ip = imp.getProcessor();
		assertEquals(ImagePlus.GRAY8, imp.getType(), "ImageJ marks nothing");
		assertFalse(ip.isColorLut() && !ip.isPseudoColorLut(), "ImageJ's LUT test lets it through");
		assertTrue(IndexedColour.isIndexed(imp), name);
		assertEquals(format(name), IndexedColour.paletteFile(imp));
	}

	/**
	 * A quantiser's palette (the commonest colours, brightest first, black up to 256 entries; with
	 * greys among them) in every file format ImageJ reads palettes from, and a Pillow image saved
	 * again by ImageJ (which keeps its palette): all indexed.
	 */
	@Test
	void palettesInEveryFormatAreIndexed() throws Exception {
		final BufferedImage quantised = quantised();
		final List<Path> files = new ArrayList<>();
		for (final String f : new String[] { "png", "gif", "bmp" }) {
			final Path p = dir.resolve("quantised." + f);
			assertTrue(ImageIO.write(quantised, f, p.toFile()), f);
			files.add(p);
		}
		final ImagePlus pillow = open(PaletteFixtures.copy("face-q32.png", dir));
		for (final String f : new String[] { "png", "gif", "bmp" }) {
			final Path p = dir.resolve("again." + f);
			final FileSaver saver = new FileSaver(pillow);
			assertTrue(f.equals("png") ? saver.saveAsPng(p.toString()) : f.equals("gif") ? saver
				.saveAsGif(p.toString()) : saver.saveAsBmp(p.toString()), f);
			files.add(p);
		}
		for (final Path p : files) {
			final ImagePlus imp = open(p);
			final String name = p.getFileName().toString();
			assertTrue(IndexedColour.isIndexed(imp), name);
			assertEquals(format(name), IndexedColour.paletteFile(imp), name);
		}
	}

	/** 64 x 48 smooth colours, quantised to 32 colours (four of them grey) in 256 entries. */
	private static BufferedImage quantised() {
		final int w = 64, h = 48;
		final int[] rgb = new int[w * h];
		final Map<Integer, Integer> counts = new HashMap<>();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int c = (40 + 3 * x) << 16 | (30 + 4 * y) << 8 | (200 - 2 * x - y);
				rgb[y * w + x] = c;
				counts.merge(c & 0xf8f8f8, 1, Integer::sum);
			}
		final List<Integer> colours = new ArrayList<>(counts.keySet());
		colours.sort(Comparator.comparing((Integer c) -> -counts.get(c)).thenComparing(c -> c));
		final List<Integer> palette = new ArrayList<>(colours.subList(0, 28));
		for (final int grey : new int[] { 0x202020, 0x606060, 0xa0a0a0, 0xe0e0e0 })
			palette.add(grey);
		palette.sort(Comparator.comparing(IndexedColourTest::brightness).reversed());
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < palette.size(); i++) {
			r[i] = (byte) (palette.get(i) >> 16);
			g[i] = (byte) (palette.get(i) >> 8);
			b[i] = (byte) (int) palette.get(i);
		}
		final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED,
			new IndexColorModel(8, 256, r, g, b));
		for (int i = 0; i < w * h; i++) {
			int best = 0;
			for (int k = 1; k < palette.size(); k++)
				if (distance(rgb[i], palette.get(k)) < distance(rgb[i], palette.get(best))) best = k;
			out.getRaster().setSample(i % w, i / w, 0, best);
		}
		return out;
	}

	private static int brightness(final int c) {
		return 299 * (c >> 16 & 0xff) + 587 * (c >> 8 & 0xff) + 114 * (c & 0xff);
	}

	private static int distance(final int a, final int b) {
		int d = 0;
		for (int s = 0; s <= 16; s += 8) {
			final int e = (a >> s & 0xff) - (b >> s & 0xff);
			d += e * e;
		}
		return d;
	}

	/**
	 * Intensities shown through a LUT are repaired as before: grey, inverted grey, Fire, green,
	 * inverted Fire and a grey display range, in a session or saved by ImageJ as PNG, GIF, BMP or
	 * TIFF (ImageJ writes the LUT as the file's palette); a grey PNG shown through Fire; a grey GIF
	 * from Pillow, whose palette is the greys it holds in order.
	 */
	@Test
	void intensitiesShownThroughALutAreNotIndexed() throws Exception {
		final List<ImagePlus> shown = new ArrayList<>();
		for (final String lut : new String[] { "grey", "inverted", "fire", "green", "invertedFire",
			"range" })
		{
			final ByteProcessor ramp = new ByteProcessor(40, 30);
			for (int i = 0; i < 40 * 30; i++)
				ramp.set(i, i * 7 % 256);
			final ImagePlus imp = new ImagePlus(lut, ramp);
			if (lut.equals("inverted")) ramp.invertLut();
			if (lut.equals("fire") || lut.equals("invertedFire")) imp.setLut(new LUT(LutLoader.getLut(
				"fire"), 0, 255));
			if (lut.equals("invertedFire")) imp.getProcessor().invertLut();
			if (lut.equals("green")) imp.setLut(LUT.createLutFromColor(java.awt.Color.GREEN));
			if (lut.equals("range")) ramp.setMinAndMax(50, 150);
			shown.add(imp);
		}
		for (final ImagePlus imp : shown) {
			assertFalse(IndexedColour.isIndexed(imp), imp.getTitle());
			for (final String f : new String[] { "png", "gif", "bmp", "tif" }) {
				final String p = dir.resolve(imp.getTitle() + "." + f).toString();
				final FileSaver saver = new FileSaver(imp);
				assertTrue(f.equals("png") ? saver.saveAsPng(p) : f.equals("gif") ? saver.saveAsGif(p)
					: f.equals("bmp") ? saver.saveAsBmp(p) : saver.saveAsTiff(p), p);
				final ImagePlus back = IJ.openImage(p);
				assertFalse(IndexedColour.isIndexed(back), p);
				assertNull(IndexedColour.paletteFile(back), p);
			}
		}
		final ImagePlus grey = IJ.openImage(dir.resolve("grey.png").toString());
		grey.setLut(new LUT(LutLoader.getLut("fire"), 0, 255));
		assertFalse(IndexedColour.isIndexed(grey), "a grey PNG shown through Fire");
		final ImagePlus gif = open(PaletteFixtures.copy(PaletteFixtures.GREY_GIF, dir));
		assertFalse(gif.getProcessor().isDefaultLut(), "the GIF's palette is not ImageJ's grey");
		assertFalse(IndexedColour.isIndexed(gif), "a grey GIF");
	}

	/**
	 * ImageJ saves the LUT as displayed: Fire with a display range is no LUT of ImageJ's, so its
	 * PNG reads as a palette (documented: such intensities open from a TIFF, which keeps both).
	 */
	@Test
	void aColourLutWithADisplayRangeSavedAsPngIsAPalette() {
		final ByteProcessor ramp = new ByteProcessor(40, 30);
		for (int i = 0; i < 40 * 30; i++)
			ramp.set(i, i * 7 % 256);
		final ImagePlus imp = new ImagePlus("fire", ramp);
		imp.setLut(new LUT(LutLoader.getLut("fire"), 0, 255));
		imp.getProcessor().setMinAndMax(50, 150);
		final String png = dir.resolve("fire.png").toString(), tif = dir.resolve("fire.tif")
			.toString();
		assertTrue(new FileSaver(imp).saveAsPng(png) && new FileSaver(imp).saveAsTiff(tif));
		assertTrue(IndexedColour.isIndexed(IJ.openImage(png)));
		assertFalse(IndexedColour.isIndexed(IJ.openImage(tif)));
	}

	/**
	 * The dialog, the macro Run command and the preview share InpaintJob: the palette file is
	 * refused with what to do, and what it says to do (Image > Type > RGB Color) is repaired.
	 */
	@Test
	void theJobRefusesAPaletteFileAndRepairsItsRgbConversion() throws Exception {
		final ImagePlus imp = open(PaletteFixtures.copy("face-q32.png", dir));
		imp.setRoi(new Roi(30, 20, 8, 6));
		final InpaintJob job = new InpaintJob(InpaintOptions.defaults().withMethod("harmonic"));
		final InpaintException e = assertThrows(InpaintException.class, () -> job.run(imp,
			Progress.NONE));
		assertTrue(e.getMessage().contains("indexed colour") && e.getMessage().contains("PNG") && e
			.getMessage().contains("Image > Type > RGB Color"), e.getMessage());
		new ImageConverter(imp).convertToRGB();
		imp.setRoi(new Roi(30, 20, 8, 6));
		final ImagePlus out = new InpaintJob(InpaintOptions.defaults().withMethod("harmonic")).run(
			imp, Progress.NONE);
		assertEquals(24, out.getBitDepth());
	}

	/** A shown threshold or display range draws through another LUT: the base one is the file's. */
	@Test
	void aThresholdOrDisplayRangeDoesNotHideThePalette() throws Exception {
		final ImagePlus imp = open(PaletteFixtures.copy("face-q256.gif", dir));
		imp.getProcessor().setMinAndMax(20, 200);
		assertTrue(IndexedColour.isIndexed(imp));
		imp.getProcessor().setThreshold(10, 40, ImageProcessor.RED_LUT);
		assertTrue(IndexedColour.isIndexed(imp));
	}

	@Test
	void greyRampsAreJudgedOverTheValuesHeld() {
		final int[] padded = new int[256];
		for (int i = 0; i < 100; i++)
			padded[i] = (i + 20) * 0x010101;
		assertTrue(IndexedColour.greyRamp(padded, 0, 99), "black after the greys held");
		assertFalse(IndexedColour.greyRamp(padded, 0, 100), "a value on the black");
		final int[] falls = { 0xffffff, 0x808080, 0x808080, 0x101010 };
		assertTrue(IndexedColour.greyRamp(falls, 0, 3));
		final int[] zigzag = { 0x101010, 0x808080, 0x404040 };
		assertFalse(IndexedColour.greyRamp(zigzag, 0, 2));
		assertFalse(IndexedColour.greyRamp(new int[] { 0x101010, 0x202021 }, 0, 1), "a colour");
	}

	@Test
	void imageJsLutsAndTheirInversesAreKnown() {
		for (final String name : new String[] { "fire", "ice", "spectrum", "3-3-2 RGB", "cyan" }) {
			final IndexColorModel cm = LutLoader.getLut(name);
			final int[] lut = new int[256], inverted = new int[256];
			for (int i = 0; i < 256; i++) {
				lut[i] = cm.getRGB(i) & 0xffffff;
				inverted[255 - i] = lut[i];
			}
			assertTrue(IndexedColour.imageJLut(lut), name);
			assertTrue(IndexedColour.imageJLut(inverted), name);
			lut[17] ^= 1;
			assertFalse(IndexedColour.imageJLut(lut), name);
		}
	}
}
