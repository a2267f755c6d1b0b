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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.batch.InputImages.Role;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.ij.PaletteFixtures;

/**
 * Issue 15 items 3 and 4: files that used to hang the reader, exhaust memory or come out silently
 * wrong are refused before decoding, each with one line naming the file and what to do.
 */
class InputImagesTest {

	@TempDir
	Path dir;

	private Path file(final String name, final byte[] bytes) throws Exception {
		return Files.write(dir.resolve(name), bytes);
	}

	private String refusal(final Path p, final Role role) {
		final InpaintException e = assertThrows(InpaintException.class, () -> InputImages.open(p,
			role));
		assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
		return e.getMessage();
	}

	@Test
	void imageJsOwnFilesOfEveryTypeOpen() throws Exception {
		final ImageStack stack = new ImageStack(20, 10);
		stack.addSlice(new ShortProcessor(20, 10));
		stack.addSlice(new ShortProcessor(20, 10));
		final Object[][] cases = { { "b.tif", new ImagePlus("b", new ByteProcessor(20, 10)) }, {
			"s.tif", new ImagePlus("s", new ShortProcessor(20, 10)) }, { "f.tif", new ImagePlus("f",
				new FloatProcessor(20, 10)) }, { "c.tif", new ImagePlus("c", new ColorProcessor(20,
					10)) }, { "stack.tif", new ImagePlus("stack", stack) } };
		for (final Object[] c : cases) {
			final ImagePlus imp = (ImagePlus) c[1];
			final Path p = dir.resolve((String) c[0]);
			final FileSaver fs = new FileSaver(imp);
			assertTrue(imp.getStackSize() > 1 ? fs.saveAsTiffStack(p.toString()) : fs.saveAsTiff(p
				.toString()));
			final ImagePlus back = InputImages.open(p, Role.IMAGE);
			assertEquals(imp.getBitDepth(), back.getBitDepth());
			assertEquals(imp.getStackSize(), back.getStackSize());
		}
		final Path png = dir.resolve("g.png");
		assertTrue(new FileSaver(new ImagePlus("g", new ByteProcessor(20, 10))).saveAsPng(png
			.toString()));
		assertEquals(8, InputImages.open(png, Role.IMAGE).getBitDepth());
	}

	@Test
	void aPageChainThatLoopsIsRefusedAtOnce() throws Exception {
		final TiffBytes t = new TiffBytes();
		t.pages = 2;
		t.loop = true;
		final Path p = file("loop.tif", t.build());
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertTrue(refusal(p, Role.IMAGE)
			.contains("loops")));
	}

	@Test
	void aHugeHeaderIsRefusedWithoutDecoding() throws Exception {
		// 162 bytes claiming 30000 x 30000 float: used to allocate 3.6 GB before any check
		final TiffBytes t = new TiffBytes();
		t.width = 30000;
		t.height = 30000;
		t.bits = 32;
		t.sampleFormat = 3;
		t.data = new byte[16];
		final byte[] bytes = t.build();
		final Path p = file("huge.tif", bytes);
		final long before = used();
		final InpaintException e = assertThrows(InpaintException.class, () -> InputImages.open(p,
			Role.IMAGE));
		assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("memory"), e
			.getMessage());
		assertTrue(used() - before < 200L << 20, "nothing large was allocated");
	}

	@Test
	void aFileLargerThanTheMemoryLeftIsRefusedFromItsHeader() throws Exception {
		final Path p = dir.resolve("big.tif");
		assertTrue(new FileSaver(new ImagePlus("big", new ByteProcessor(1000, 1000))).saveAsTiff(p
			.toString()));
		final InpaintException e = assertThrows(InpaintException.class, () -> InputImages.open(p,
			Role.IMAGE, 2_000_000));
		assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
		assertNotNull(InputImages.open(p, Role.IMAGE, 100_000_000));
	}

	@Test
	void tiffsImageJCannotReadAreRefusedNamingWhatToChange() throws Exception {
		final TiffBytes jpeg = new TiffBytes();
		jpeg.compression = 7;
		assertTrue(refusal(file("jpeg.tif", jpeg.build()), Role.IMAGE).contains(
			"compressed with JPEG (code 7), which ImageJ 1.x cannot read"));
		final TiffBytes tiled = new TiffBytes();
		tiled.width = 16;
		tiled.height = 16;
		tiled.tiled = true;
		assertTrue(refusal(file("tiled.tif", tiled.build()), Role.IMAGE).contains(
			"a tiled TIFF (tiles of 16 x 16 px)"));
		// a BigTIFF header (version 43) is named, not taken for "not an image format"
		final byte[] big = { 'I', 'I', 43, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		assertTrue(refusal(file("big.tif", big), Role.IMAGE).contains("BigTIFF"));
	}

	@Test
	void aTruncatedTiffIsRefused() throws Exception {
		final Path whole = dir.resolve("whole.tif");
		final ShortProcessor sp = new ShortProcessor(64, 64);
		sp.add(1000);
		assertTrue(new FileSaver(new ImagePlus("w", sp)).saveAsTiff(whole.toString()));
		final byte[] b = Files.readAllBytes(whole);
		final Path half = file("half.tif", Arrays.copyOf(b, b.length / 2));
		assertTrue(refusal(half, Role.IMAGE).contains("truncated"));
		final Path png = dir.resolve("p.png");
		assertTrue(new FileSaver(new ImagePlus("p", new ByteProcessor(64, 64))).saveAsPng(png
			.toString()));
		final byte[] pb = Files.readAllBytes(png);
		assertTrue(refusal(file("half.png", Arrays.copyOf(pb, pb.length - 20)), Role.IMAGE)
			.contains("truncated"));
	}

	@Test
	void aFlippedHeaderByteIsRefused() throws Exception {
		// 16-bit data whose header byte for the bit depth was flipped to 8: used to come out as
		// 8-bit garbage
		final TiffBytes t = new TiffBytes();
		t.bits = 16;
		final byte[] b = t.build();
		final ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		for (int at = 10; at < 10 + 12 * 10; at += 12)
			if (bb.getShort(at) == 258) bb.putShort(at + 8, (short) 8);
		assertTrue(refusal(file("flipped.tif", b), Role.IMAGE).contains("damaged"));
		// a strip offset whose low byte was zeroed points into the header: the directory would
		// have been read as pixels and written out with exit status 0
		final TiffBytes ok = new TiffBytes();
		ok.width = 40;
		ok.height = 30;
		final byte[] c = ok.build();
		final ByteBuffer cb = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
		for (int at = 10; at < 10 + 12 * 10; at += 12)
			if (cb.getShort(at) == 273) cb.put(at + 8, (byte) 0);
		assertTrue(refusal(file("offset.tif", c), Role.IMAGE).contains("overlaps its own header"));
	}

	@Test
	void typesTheOutputCouldNotKeepAreRefusedWithWhatToConvert() throws Exception {
		final TiffBytes signed = new TiffBytes();
		signed.bits = 16;
		signed.sampleFormat = 2;
		assertTrue(refusal(file("s16.tif", signed.build()), Role.IMAGE).contains("signed 16-bit"));
		final TiffBytes int32 = new TiffBytes();
		int32.bits = 32;
		assertTrue(refusal(file("i32.tif", int32.build()), Role.IMAGE).contains("32-bit integers"));
		final TiffBytes rgba = new TiffBytes();
		rgba.samples = 4;
		rgba.photometric = 2;
		rgba.extraSamples = 2;
		assertTrue(refusal(file("rgba.tif", rgba.build()), Role.IMAGE).contains("alpha"));
		final TiffBytes pages = new TiffBytes();
		pages.pages = 3;
		final Path mask = file("mask3.tif", pages.build());
		assertTrue(refusal(mask, Role.MASK).contains("3 pages"));
		assertEquals(3, InputImages.open(mask, Role.IMAGE).getStackSize(), "as an image: a stack");
	}

	/**
	 * Alpha is refused (in one line, TIFF or PNG alike) because the output could not keep it:
	 * ImageJ's RGB TIFF has no alpha, whatever the pixels' top byte held.
	 */
	@Test
	void alphaIsRefusedInOneLineBecauseTheOutputTiffHasNone() throws Exception {
		final ColorProcessor cp = new ColorProcessor(4, 3);
		cp.set(1, 1, 0x80123456);
		final Path tif = dir.resolve("rgb.tif");
		assertTrue(new FileSaver(new ImagePlus("rgb", cp)).saveAsTiff(tif.toString()));
		final int back = InputImages.open(tif, Role.IMAGE).getProcessor().get(1, 1);
		assertEquals(0x123456, back & 0xffffff);
		assertNotEquals(0x80, back >>> 24, "an RGB TIFF does not carry the top byte");

		final TiffBytes rgba = new TiffBytes();
		rgba.samples = 4;
		rgba.photometric = 2;
		rgba.extraSamples = 2;
		final Path rgbaTif = file("rgba.tif", rgba.build());
		final java.awt.image.BufferedImage argb = new java.awt.image.BufferedImage(4, 3,
			java.awt.image.BufferedImage.TYPE_INT_ARGB);
		argb.setRGB(1, 1, 0x80123456);
		final Path png = dir.resolve("argb.png");
		assertTrue(javax.imageio.ImageIO.write(argb, "png", png.toFile()));
		for (final Path p : new Path[] { rgbaTif, png }) {
			final String why = refusal(p, Role.IMAGE);
			assertEquals(InputImages.alpha(p), why);
			assertFalse(why.contains("\n") || why.contains("\r"), why);
		}
	}

	/**
	 * A mask with transparency is refused: ImageJ read a PNG's transparent pixels as white, so a
	 * mask painted on a transparent layer repaired its whole background (user test: 41,791 pixels
	 * changed for 2,691 drawn). An extra channel of no stated meaning is not called alpha.
	 */
	@Test
	void masksWithTransparencyAreRefusedAndUnspecifiedChannelsNamed() throws Exception {
		final java.awt.image.BufferedImage argb = new java.awt.image.BufferedImage(6, 5,
			java.awt.image.BufferedImage.TYPE_INT_ARGB);
		argb.setRGB(2, 2, 0xffffffff);
		final Path png = dir.resolve("painted.png");
		assertTrue(javax.imageio.ImageIO.write(argb, "png", png.toFile()));
		final TiffBytes rgba = new TiffBytes();
		rgba.samples = 4;
		rgba.photometric = 2;
		rgba.extraSamples = 1;
		final Path tif = file("painted.tif", rgba.build());
		for (final Path p : new Path[] { png, tif }) {
			final String why = refusal(p, Role.MASK);
			assertEquals(InputImages.maskAlpha(p), why);
		}
		final TiffBytes two = new TiffBytes();
		two.samples = 2;
		two.extraSamples = 0;
		final Path greyPlus = file("grey-plus.tif", two.build());
		assertEquals(InputImages.extraChannels(greyPlus, 2), refusal(greyPlus, Role.IMAGE));
		two.extraSamples = 2;
		final Path greyAlpha = file("grey-alpha.tif", two.build());
		assertEquals(InputImages.alpha(greyAlpha), refusal(greyAlpha, Role.IMAGE));
	}

	private static long used() {
		final Runtime rt = Runtime.getRuntime();
		return rt.totalMemory() - rt.freeMemory();
	}

	/**
	 * A palette's index values would be filled as intensities: refused in every format (GIF and
	 * palette PNGs used to be repaired into random colours). ImageJ writes any 8-bit image with a
	 * LUT as a palette TIFF, so an inverted or a pseudo-colour LUT (intensities shown in green...)
	 * is no palette and must open, as it does in the plugin; it used to be refused by its header.
	 */
	@Test
	void palettesAreRefusedInEveryFormatButLutsOfIntensitiesOpen() throws Exception {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		final java.util.Random rnd = new java.util.Random(5);
		rnd.nextBytes(r);
		rnd.nextBytes(g);
		rnd.nextBytes(b);
		final ByteProcessor ramp = new ByteProcessor(20, 10);
		for (int i = 0; i < 200; i++)
			ramp.set(i, i);
		final ImagePlus palette = new ImagePlus("palette", ramp.duplicate());
		palette.getProcessor().setColorModel(new java.awt.image.IndexColorModel(8, 256, r, g, b));
		final Path tif = dir.resolve("palette.tif"), gif = dir.resolve("palette.gif"),
			png = dir.resolve("palette.png");
		assertTrue(new FileSaver(palette).saveAsTiff(tif.toString()));
		assertTrue(new FileSaver(palette).saveAsGif(gif.toString()));
		assertTrue(new FileSaver(palette).saveAsPng(png.toString()));
		for (final Path p : new Path[] { tif, gif, png })
			assertTrue(refusal(p, Role.IMAGE).contains("palette"), p.toString());
		assertEquals(8, InputImages.open(gif, Role.MASK).getBitDepth(), "a palette mask is fine");
		final ImagePlus inverted = new ImagePlus("inverted", ramp.duplicate());
		inverted.getProcessor().invertLut();
		final ImagePlus green = new ImagePlus("green", ramp.duplicate());
		green.setLut(ij.process.LUT.createLutFromColor(java.awt.Color.GREEN));
		for (final ImagePlus imp : new ImagePlus[] { inverted, green }) {
			final Path p = dir.resolve(imp.getTitle() + ".tif");
			assertTrue(new FileSaver(imp).saveAsTiff(p.toString()));
			final ImagePlus back = InputImages.open(p, Role.IMAGE);
			assertEquals(imp.isInvertedLut(), back.isInvertedLut(), imp.getTitle());
			assertEquals(199, back.getProcessor().get(199), imp.getTitle());
		}
	}

	/**
	 * Pillow's palettes (sorted by brightness, padded with black) pass ImageJ's pseudo-colour
	 * test, so PNGs and GIFs quantised by Pillow used to be repaired; the file's palette now
	 * decides. A grey GIF from Pillow holds intensities in all but name and opens, and a palette
	 * mask is fine.
	 */
	@Test
	void pillowsPaletteFilesAreRefused() throws Exception {
		for (final String name : PaletteFixtures.INDEXED) {
			final Path p = PaletteFixtures.copy(name, dir);
			final String why = refusal(p, Role.IMAGE);
			assertTrue(why.contains("palette stored in the " + name.substring(name.length() - 3)
				.toUpperCase(java.util.Locale.ROOT) + " file"), why);
			assertEquals(8, InputImages.open(p, Role.MASK).getBitDepth(), "a palette mask is fine");
		}
		final ImagePlus grey = InputImages.open(PaletteFixtures.copy(PaletteFixtures.GREY_GIF, dir),
			Role.IMAGE);
		assertEquals(8, grey.getBitDepth());
	}
}
