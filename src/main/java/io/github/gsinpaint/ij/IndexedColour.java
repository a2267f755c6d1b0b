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

import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.plugin.LutLoader;
import ij.process.ImageProcessor;

/**
 * Whether an 8-bit image holds palette indices rather than intensities, the one rule of the
 * plugin and the batch layer. Filling indices as intensities gives colours that mean nothing, so
 * such images are refused. ImageJ's type alone does not tell: it opens GIFs, palette PNGs and
 * palette BMPs as GRAY8 (setting COLOR_256 only when asked, by Image > Type, or for a TIFF saved
 * so) and records nothing of the palette in the image's file information.
 * <p>
 * Two rules, either of which makes an image indexed:
 * <ol>
 * <li>Its LUT is judged the way ImageJ's {@code setTypeToColor256} judges it: a colour LUT that
 * is not a pseudo-colour one. A pseudo-colour LUT (green, fire) or an inverted grey LUT only shows
 * intensities; ImageJ saves those as palette TIFFs too, so a TIFF's palette tag says nothing.</li>
 * <li>It was read from a PNG, GIF or BMP file whose palette it still shows, and that palette is
 * neither one of ImageJ's own LUTs (or one inverted) nor a grey ramp over the values the image
 * holds. ImageJ's pseudo-colour test measures only how much neighbouring entries differ, which a
 * quantised image's palette passes too: sorted by brightness (as Pillow sorts it) or padded with
 * black to 256 entries (a palette PNG of 32 colours reads as 256 entries), it looks as smooth as
 * 'Fire'. Those files store palettes whatever the LUT looks like. ImageJ's own PNG, GIF and BMP of
 * an 8-bit image hold its LUT: exactly one of ImageJ's LUTs, or a grey ramp (grey, inverted grey,
 * a displayed range), is taken for intensities saved with that LUT, as is a grey GIF's palette.
 * A colour LUT with a displayed range is not recognised: such intensities open from a TIFF.</li>
 * </ol>
 */
public final class IndexedColour {

	/** ImageJ's built-in LUTs besides Grays (Image > Lookup Tables), the same in every install. */
	private static final String[] IMAGEJ_LUTS = { "fire", "ice", "spectrum", "3-3-2 RGB", "red",
		"green", "blue", "cyan", "magenta", "yellow", "redgreen" };

	private IndexedColour() {}

	/** @return true for an 8-bit, non-composite image whose pixel values are palette indices */
	public static boolean isIndexed(final ImagePlus imp) {
		if (imp.getBitDepth() != 8 || imp.isComposite()) return false;
		if (imp.getType() == ImagePlus.COLOR_256) return true;
		final ImageProcessor ip = imp.getProcessor();
		if (ip == null) return false;
		// a shown threshold swaps in a red LUT for a while: that is no palette
		if (!ip.isThreshold() && ip.isColorLut() && !ip.isPseudoColorLut()) return true;
		return paletteFile(imp) != null;
	}

	/**
	 * @return "PNG", "GIF" or "BMP" when the image was read from such a file and still shows its
	 *         palette, which is neither a grey ramp nor one of ImageJ's LUTs (rule 2); else null
	 */
	public static String paletteFile(final ImagePlus imp) {
		if (imp.getBitDepth() != 8 || imp.isComposite() || imp.getProcessor() == null) return null;
		final FileInfo fi = imp.getOriginalFileInfo();
		if (fi == null || fi.directory == null || fi.fileName == null || fi.fileFormat !=
			FileInfo.IMAGEIO && fi.fileFormat != FileInfo.GIF_OR_JPG && fi.fileFormat != FileInfo.BMP)
			return null;
		// the base LUT: a displayed range or a shown threshold is drawn through another one
		final ColorModel cm = imp.getProcessor().getColorModel();
		if (!(cm instanceof IndexColorModel)) return null;
		final Path file;
		try {
			file = Paths.get(fi.directory, fi.fileName);
		}
		catch (final RuntimeException e) {
			return null;
		}
		final FilePalette palette = FilePalette.read(file);
		if (palette == null || !shows((IndexColorModel) cm, palette.rgb) || imageJLut(palette.rgb))
			return null;
		final int[] used = usedRange(imp);
		return used == null || greyRamp(palette.rgb, used[0], used[1]) ? null : palette.format;
	}

	/**
	 * Whether the LUT is still the file's palette (the user may have applied another LUT since, or
	 * converted the image); ImageJ's readers may pad a short palette, so its entries are compared.
	 */
	private static boolean shows(final IndexColorModel lut, final int[] rgb) {
		final int n = Math.min(lut.getMapSize(), rgb.length);
		for (int i = 0; i < n; i++)
			if ((lut.getRGB(i) & 0xffffff) != rgb[i]) return false;
		return n > 0;
	}

	/** @return the smallest and largest pixel value of every plane, or null without pixels */
	private static int[] usedRange(final ImagePlus imp) {
		int lo = 255, hi = 0;
		final ImageStack stack = imp.getStack();
		for (int n = 1; n <= stack.getSize(); n++) {
			final Object pixels = stack.getPixels(n);
			if (!(pixels instanceof byte[])) return null;
			for (final byte v : (byte[]) pixels) {
				lo = Math.min(lo, v & 0xff);
				hi = Math.max(hi, v & 0xff);
			}
		}
		return lo <= hi ? new int[] { lo, hi } : null;
	}

	/**
	 * A grey ramp maps pixel values to greys in their order, so values filled in between show
	 * greys in between: a grey or inverted grey LUT, one with a displayed range, or the palette of
	 * a grey GIF (only the greys the image holds, then black to fill the table).
	 *
	 * @return true when the entries from lo to hi are grey and never fall, or never rise
	 */
	static boolean greyRamp(final int[] rgb, final int lo, final int hi) {
		boolean rises = true, falls = true;
		for (int i = lo; i <= hi && i < rgb.length; i++) {
			final int r = rgb[i] >> 16 & 0xff, g = rgb[i] >> 8 & 0xff, b = rgb[i] & 0xff;
			if (r != g || g != b) return false;
			if (i > lo) {
				final int before = rgb[i - 1] & 0xff;
				rises &= b >= before;
				falls &= b <= before;
			}
		}
		return rises || falls;
	}

	/** @return true when the palette is one of ImageJ's LUTs, or one inverted (Invert LUT) */
	static boolean imageJLut(final int[] rgb) {
		if (rgb.length != 256) return false;
		for (final int[] lut : ImageJLuts.ALL) {
			boolean same = true, inverted = true;
			for (int i = 0; i < 256 && (same || inverted); i++) {
				same &= rgb[i] == lut[i];
				inverted &= rgb[i] == lut[255 - i];
			}
			if (same || inverted) return true;
		}
		return false;
	}

	/** Built on first use; a name this ImageJ does not know is left out. */
	private static final class ImageJLuts {

		static final List<int[]> ALL = new ArrayList<>();

		static {
			for (final String name : IMAGEJ_LUTS) {
				final IndexColorModel cm = LutLoader.getLut(name);
				if (cm == null || cm.getMapSize() != 256) continue;
				final int[] lut = new int[256];
				for (int i = 0; i < 256; i++)
					lut[i] = cm.getRGB(i) & 0xffffff;
				ALL.add(lut);
			}
		}
	}
}
