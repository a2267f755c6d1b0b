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
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import ij.IJ;
import ij.ImagePlus;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.ij.IndexedColour;

/**
 * Opens an image or a mask for a batch line, refusing before any pixel is decoded what would
 * otherwise hang, exhaust memory or come out silently wrong: damaged or truncated TIFFs (see
 * {@link TiffHeader}), files larger than the memory left, and types the output could not keep
 * (signed 16-bit, 32-bit integers, 64-bit floats, alpha, palette images, multi-page masks).
 * Every refusal is one {@link InpaintException} line naming the file and what to do.
 */
public final class InputImages {

	/** What the file is for: the rules differ (a mask may be a palette or 1-bit image). */
	public enum Role {
		IMAGE, MASK;

		String word() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * Bytes needed per decoded byte of a line: the input, the output stack and the core's working
	 * copies of the plane being repaired.
	 */
	static final int WORKING_COPIES = 3;

	private InputImages() {}

	/** The memory this JVM may still take, in bytes. */
	static long available() {
		final Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}

	public static ImagePlus open(final Path path, final Role role) throws IOException {
		return open(path, role, available());
	}

	/** @param memory the bytes this line may use (a parameter so tests need no huge files) */
	static ImagePlus open(final Path path, final Role role, final long memory)
		throws IOException
	{
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) throw new InpaintException(
			"Cannot read the " + role.word() + " " + path + " (" + (Files.isDirectory(path)
				? "it is a folder" : Files.exists(path) ? "not readable" : "no such file") + ").");
		final byte[] start = start(path);
		final long decoded;
		if (TiffHeader.isTiff(start)) decoded = checkTiff(path, role);
		else decoded = checkOther(path, role, start);
		if (decoded > 0 && decoded * WORKING_COPIES > memory) throw new InpaintException(String
			.format(Locale.ROOT, "The %s %s needs about %.1f GB once decoded, more than the %.1f GB " +
				"this Java process has left: give Java more memory (-Xmx) or split the file.", role
					.word(), path, decoded * (double) WORKING_COPIES / (1L << 30), memory /
						(double) (1L << 30)));
		final StringBuilder said = new StringBuilder();
		final ImagePlus imp = ImageJOutput.run(() -> IJ.openImage(path.toString()), said);
		if (imp == null) throw new InpaintException("Cannot open the " + role.word() + " " + path +
			": not an image format ImageJ can read.");
		// ImageJ prints a reader's failure and returns what it decoded so far (zeros, garbage)
		if (said.length() > 0) throw new InpaintException("Cannot open the " + role.word() + " " +
			path + ": ImageJ's reader reported \"" + LineRepairer.oneLine(said.toString()) +
			"\"; the file is probably damaged. Re-export it.");
		if (role == Role.IMAGE && IndexedColour.isIndexed(imp)) {
			final String file = IndexedColour.paletteFile(imp);
			throw new InpaintException("The image " + path + " has indexed colour (" + (file == null
				? "a palette); its index values would be filled as intensities. Convert it to RGB first."
				: "the palette stored in the " + file + " file); its index values would be filled as " +
					"intensities. Convert it to RGB first (intensities shown through a lookup table: " +
					"save them as TIFF)."));
		}
		if (role == Role.MASK && imp.getStackSize() > 1) throw new InpaintException("The mask " +
			path + " has " + imp.getStackSize() + " planes; a mask is one plane, applied to every " +
			"plane of the image. Save the plane you mean as its own file.");
		return imp;
	}

	/** TIFF compressions ImageJ 1.x decodes: none, LZW, Deflate (both codes), PackBits. */
	private static final Set<Integer> READABLE_COMPRESSION = Set.of(1, 5, 8, 32946, 32773);

	/**
	 * Why ImageJ 1.x cannot open a TIFF, or null: tiles and some compressions are valid TIFF that
	 * its reader lacks (Bio-Formats reads them in Fiji). It returned no image for a tiled, a
	 * JPEG-compressed and a BigTIFF file from tifffile, and opened a JPEG-tagged strip of zeros
	 * without a word, so they are refused from the header, before it runs.
	 */
	private static String unreadableTiff(final TiffHeader.Page p) {
		final String resave = " Open it in Fiji with Bio-Formats (File > Import > Bio-Formats) and " +
			"save it as TIFF, or re-export it ";
		if (p.tiled) return "it is a tiled TIFF (tiles of " + p.tileWidth + " x " + p.tileHeight +
			" px), which ImageJ 1.x cannot read." + resave + "in strips (the usual TIFF layout).";
		if (!READABLE_COMPRESSION.contains(p.compression)) return "it is compressed with " +
			compressionName(p.compression) + ", which ImageJ 1.x cannot read." + resave +
			"uncompressed or with LZW, Deflate or PackBits.";
		return null;
	}

	private static String compressionName(final int code) {
		switch (code) {
			case 2: return "CCITT Huffman (code 2)";
			case 3: case 4: return "CCITT fax (code " + code + ")";
			case 6: case 7: return "JPEG (code " + code + ")";
			case 34712: return "JPEG 2000 (code 34712)";
			case 34887: return "LERC (code 34887)";
			case 34925: return "LZMA (code 34925)";
			case 50000: return "Zstandard (code 50000)";
			case 50001: return "WebP (code 50001)";
			default: return "compression code " + code;
		}
	}

	/**
	 * The repair itself keeps each pixel's top byte, but outputs are TIFFs written by ImageJ, whose
	 * RGB holds no alpha: the transparency would be lost on saving, so it is refused up front.
	 */
	static String alpha(final Path path) {
		return "The image " + path + " has an alpha (transparency) channel, which the output (an RGB " +
			"TIFF without alpha) cannot keep. Save it as RGB without alpha first, or split the channels.";
	}

	/**
	 * A mask with transparency cannot say which pixels are holes: ImageJ reads its pixels by colour
	 * (a transparent PNG pixel as white, a hole), so a mask painted on a transparent layer would
	 * repair its whole background.
	 */
	static String maskAlpha(final Path path) {
		return "The mask " + path + " has an alpha (transparency) channel, and its transparent " +
			"pixels would be read by colour, not as 'no hole'. Save the mask without transparency: " +
			"holes non-zero, everything else 0 (black).";
	}

	/** Extra channels of no stated meaning (ExtraSamples 0): ImageJ would drop or mix them. */
	static String extraChannels(final Path path, final int samples) {
		return "The image " + path + " has " + samples + " samples per pixel, with extra channels " +
			"of unspecified meaning, which ImageJ cannot keep. Save the channels you mean as their " +
			"own images (or as a stack) first.";
	}

	/** JPEG by its first bytes (FF D8), whatever the file's name says. */
	static boolean isJpeg(final byte[] start) {
		return start.length >= 2 && (start[0] & 0xff) == 0xff && (start[1] & 0xff) == 0xd8;
	}

	/** @return whether the file is a JPEG by its first bytes; false when it cannot be read */
	static boolean isJpeg(final Path path) {
		try {
			return isJpeg(start(path));
		}
		catch (final IOException e) {
			return false;
		}
	}

	private static byte[] start(final Path path) throws IOException {
		try (InputStream in = Files.newInputStream(path)) {
			return in.readNBytes(16);
		}
	}

	/** @return the decoded size in bytes */
	private static long checkTiff(final Path path, final Role role) throws IOException {
		final TiffHeader h = TiffHeader.read(path);
		final TiffHeader.Page p = h.pages.get(0);
		final String name = role.word() + " " + path;
		final String unreadable = unreadableTiff(p);
		if (unreadable != null) throw new InpaintException("Cannot open the " + name + ": " +
			unreadable);
		if (role == Role.MASK && (p.alpha || p.samplesPerPixel == 4)) throw new InpaintException(
			maskAlpha(path));
		if (role == Role.MASK && h.planes() > 1) throw new InpaintException("The mask " + path +
			" has " + h.planes() + " pages; a mask is one plane, applied to every plane of the " +
			"image. Save the plane you mean as its own file.");
		if (role == Role.IMAGE) {
			if (p.sampleFormat == TiffHeader.SIGNED && p.bitsPerSample == 16)
				throw new InpaintException("The " + name + " is signed 16-bit; ImageJ would write it " +
					"back as unsigned with 32768 added. Convert it to 32-bit float first.");
			if (p.bitsPerSample == 32 && p.sampleFormat != TiffHeader.FLOAT)
				throw new InpaintException("The " + name + " holds 32-bit integers, which would come " +
					"back as float and lose digits. Convert it to 32-bit float (or 16-bit) first.");
			if (p.bitsPerSample == 64) throw new InpaintException("The " + name + " holds 64-bit " +
				"samples, which ImageJ reduces to 32-bit. Convert it to 32-bit float first.");
			if (p.bitsPerSample != 8 && p.bitsPerSample != 16 && p.bitsPerSample != 32)
				throw new InpaintException("The " + name + " has " + p.bitsPerSample + "-bit " +
					"samples, which ImageJ widens to another type. Convert it to 8 or 16-bit first.");
			if (p.samplesPerPixel == 4 || p.extraSamples > 0 && p.samplesPerPixel > 1)
				throw new InpaintException(p.extraSamples > 0 && !p.alpha ? extraChannels(path,
					p.samplesPerPixel) : alpha(path));
			// No refusal by the palette tag: ImageJ writes inverted and pseudo-colour LUTs of
			// intensities as palette TIFFs too. IndexedColour judges the LUT once the file is open
			// (and a PNG's, GIF's or BMP's palette by the file's own table).
		}
		final long planes = h.planes();
		if (planes > h.pages.size() && p.compression == 1 && p.offsets[0] + planes * p
			.pixelBytes() > h.length) throw new InpaintException("The file " + path + " is a " +
				"damaged TIFF (it should hold " + planes + " planes but is too short; it is " +
				"probably truncated). Re-export it from the source.");
		// ImageJ keeps 8-bit as bytes, 16-bit as shorts, 32-bit as floats and RGB as ints
		final long perPixel = p.samplesPerPixel >= 3 && p.bitsPerSample == 8 ? 4 : Math.max(1,
			p.bitsPerSample / 8) * (long) Math.max(1, p.samplesPerPixel);
		return p.width * p.height * perPixel * planes;
	}

	/** PNG, JPEG, GIF, BMP...: size and alpha from the header, and a truncation check. */
	private static long checkOther(final Path path, final Role role, final byte[] start)
		throws IOException
	{
		final boolean png = start.length >= 8 && (start[0] & 0xff) == 0x89 && start[1] == 'P' &&
			start[2] == 'N' && start[3] == 'G';
		final boolean jpeg = isJpeg(start);
		if (png && !endsWith(path, "IEND", 12) || jpeg && !endsWithEoi(path))
			throw new InpaintException("The " + role.word() + " " + path + " is cut short (its " +
				"end marker is missing; the file is probably truncated). Re-export it.");
		try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
			if (in == null) return 0;
			final Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) return 0; // a format only ImageJ knows: let it try
			final ImageReader r = readers.next();
			try {
				r.setInput(in, true, true);
				final long w = r.getWidth(0), h = r.getHeight(0);
				final ImageTypeSpecifier t = r.getRawImageType(0);
				if (t != null && t.getColorModel().hasAlpha() && !t.getColorModel().getClass()
					.getSimpleName().equals("IndexColorModel")) throw new InpaintException(role ==
						Role.IMAGE ? alpha(path) : maskAlpha(path));
				return w * h * 4;
			}
			catch (final IOException e) {
				throw new InpaintException("Cannot open the " + role.word() + " " + path + ": " +
					"its header is damaged (" + (e.getMessage() == null ? e.getClass()
					.getSimpleName() : e.getMessage()) + ").");
			}
			finally {
				r.dispose();
			}
		}
	}

	private static boolean endsWith(final Path path, final String marker, final int within)
		throws IOException
	{
		final byte[] tail = tail(path, within);
		return new String(tail, java.nio.charset.StandardCharsets.ISO_8859_1).contains(marker);
	}

	private static boolean endsWithEoi(final Path path) throws IOException {
		final byte[] tail = tail(path, 1024);
		for (int i = tail.length - 2; i >= 0; i--)
			if ((tail[i] & 0xff) == 0xff && (tail[i + 1] & 0xff) == 0xd9) return true;
		return false;
	}

	private static byte[] tail(final Path path, final int n) throws IOException {
		try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
			final long size = ch.size();
			final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) Math.min(n, size));
			ch.read(b, size - b.capacity());
			return b.array();
		}
	}
}
