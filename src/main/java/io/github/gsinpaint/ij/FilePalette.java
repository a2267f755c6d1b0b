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

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The colour table stored in a PNG (colour type 3), GIF or BMP (1 to 8 bits per pixel) file: the
 * palette that ImageJ's readers turn into the image's LUT. Only the headers are read, never the
 * pixels, with every count bounded, so a damaged file gives {@code null}, never an exception.
 */
final class FilePalette {

	/** "PNG", "GIF" or "BMP" */
	final String format;
	/** 0xRRGGBB per entry, in file order (1 to 256 entries) */
	final int[] rgb;

	private FilePalette(final String format, final int[] rgb) {
		this.format = format;
		this.rgb = rgb;
	}

	/** Bytes read at most (skipped ones aside): a bound on the work, whatever the file holds. */
	private static final int MAX_SCAN = 1 << 20;

	/** @return the file's palette, or null when it has none or cannot be read */
	static FilePalette read(final Path file) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 4096)) {
			final Bytes b = new Bytes(in);
			final int b0 = b.u8(), b1 = b.u8();
			if (b0 == 0x89 && b1 == 'P') return png(b);
			if (b0 == 'G' && b1 == 'I') return gif(b);
			if (b0 == 'B' && b1 == 'M') return bmp(b);
			return null;
		}
		catch (final IOException | RuntimeException e) {
			return null; // no file, unreadable or damaged: there is no palette to go by
		}
	}

	private static FilePalette png(final Bytes b) throws IOException {
		if (b.u8() != 'N' || b.u8() != 'G') return null;
		b.skip(4); // \r \n 0x1a \n
		boolean indexed = false;
		while (true) {
			final long length = b.u32be();
			final int type = (int) b.u32be();
			if (length > Integer.MAX_VALUE) return null;
			if (type == 0x49484452) { // IHDR: width, height, bit depth, colour type...
				b.skip(9);
				indexed = b.u8() == 3;
				b.skip(length - 10 + 4);
			}
			else if (type == 0x504c5445) { // PLTE
				if (!indexed || length % 3 != 0 || length < 3 || length > 768) return null;
				return new FilePalette("PNG", b.triples((int) length / 3, false));
			}
			else if (type == 0x49444154 || type == 0x49454e44) return null; // IDAT, IEND
			else b.skip(length + 4);
		}
	}

	private static FilePalette gif(final Bytes b) throws IOException {
		if (b.u8() != 'F') return null;
		b.skip(3 + 4); // "87a" or "89a", width, height
		final int screen = b.u8();
		b.skip(2);
		final int[] global = (screen & 0x80) != 0 ? b.triples(2 << (screen & 7), false) : null;
		while (true) {
			final int block = b.u8();
			if (block == 0x21) { // extension: a label, then sub-blocks up to an empty one
				b.skip(1);
				for (int n = b.u8(); n > 0; n = b.u8())
					b.skip(n);
			}
			else if (block == 0x2c) { // the first image: its own table if it has one
				b.skip(8);
				final int image = b.u8();
				final int[] local = (image & 0x80) != 0 ? b.triples(2 << (image & 7), false) : null;
				final int[] table = local != null ? local : global;
				return table == null ? null : new FilePalette("GIF", table);
			}
			else return null; // the trailer or a damaged file
		}
	}

	private static FilePalette bmp(final Bytes b) throws IOException {
		b.skip(12); // file size, reserved, offset of the pixels
		final long header = b.u32le();
		// ImageJ's reader takes the 40-byte layout (later versions only add to it)
		if (header < 40 || header > 256) return null;
		b.skip(8); // width, height
		if (b.u16le() != 1) return null; // planes
		final int bits = b.u16le();
		b.skip(16); // compression, image size, resolution
		final long used = b.u32le();
		b.skip(header - 36); // the rest of the header: the palette follows
		if (bits < 1 || bits > 8) return null;
		final int n = used > 0 && used < 1 << bits ? (int) used : 1 << bits;
		return new FilePalette("BMP", b.triples(n, true));
	}

	/** A big- and little-endian reader; running past the end is an IOException. */
	private static final class Bytes {

		private final InputStream in;
		private long read;

		Bytes(final InputStream in) {
			this.in = in;
		}

		int u8() throws IOException {
			if (++read > MAX_SCAN) throw new IOException("no palette in the first megabyte read");
			final int v = in.read();
			if (v < 0) throw new IOException("the file ends early");
			return v;
		}

		void skip(final long n) throws IOException {
			if (n < 0) throw new IOException("a negative length");
			for (long left = n; left > 0;) {
				final long s = in.skip(left);
				if (s > 0) left -= s;
				else if (in.read() < 0) throw new IOException("the file ends early");
				else left--;
			}
		}

		int u16le() throws IOException {
			return u8() | u8() << 8;
		}

		long u32le() throws IOException {
			return (u16le() | (long) u16le() << 16) & 0xffffffffL;
		}

		long u32be() throws IOException {
			return (long) u8() << 24 | u8() << 16 | u8() << 8 | u8();
		}

		/** @param bgrx BMP's blue, green, red, unused quads instead of red, green, blue */
		int[] triples(final int n, final boolean bgrx) throws IOException {
			final int[] rgb = new int[n];
			for (int i = 0; i < n; i++) {
				if (bgrx) {
					final int blue = u8(), green = u8(), red = u8();
					u8();
					rgb[i] = red << 16 | green << 8 | blue;
				}
				else rgb[i] = u8() << 16 | u8() << 8 | u8();
			}
			return rgb;
		}
	}
}
