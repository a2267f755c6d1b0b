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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.gsinpaint.core.InpaintException;

/**
 * Reads what a TIFF file claims before ImageJ decodes it: the size and sample type of each page,
 * and whether every strip or tile lies inside the file. It follows the page chain with a visited
 * set and bounded counts, so a file whose directory points to itself cannot make it loop; it
 * reads only the directories, never pixels, so a header claiming 30000 x 30000 costs nothing.
 * Every defect is an {@link InpaintException} naming the file.
 */
final class TiffHeader {

	/** Sample formats of tag 339. */
	static final int UNSIGNED = 1, SIGNED = 2, FLOAT = 3;

	/** More pages than any microscope stack ImageJ can hold in memory: a broken chain. */
	private static final int MAX_PAGES = 1 << 20;
	private static final int MAX_ENTRIES = 4096;

	/** One page (image file directory). */
	static final class Page {

		long width, height;
		int samplesPerPixel = 1, bitsPerSample = 1, sampleFormat = UNSIGNED, photometric = -1,
			compression = 1, extraSamples, planar = 1;
		/** an extra sample is alpha (ExtraSamples 1 or 2), not of unspecified meaning (0) */
		boolean alpha;
		long rowsPerStrip = -1;
		long[] offsets = new long[0], byteCounts = new long[0];
		boolean tiled;
		long tileWidth, tileHeight;
		String description;

		/** @return bytes of the uncompressed pixel data */
		long pixelBytes() {
			final long rowBits = width * samplesPerPixel * bitsPerSample;
			return (rowBits + 7) / 8 * height;
		}
	}

	final Path file;
	final long length;
	final List<Page> pages = new ArrayList<>();
	/** Byte ranges {from, to} of the header, directories and field values: never pixels. */
	private final List<long[]> metadata = new ArrayList<>();

	private TiffHeader(final Path file, final long length) {
		this.file = file;
		this.length = length;
	}

	/** @return whether the file starts as a TIFF or a BigTIFF does */
	static boolean isTiff(final byte[] start) {
		// 42: TIFF; 43: BigTIFF, which the header check names (ImageJ 1.x cannot read it)
		return start.length >= 4 && (start[0] == 'I' && start[1] == 'I' && (start[2] == 42 ||
			start[2] == 43) && start[3] == 0 || start[0] == 'M' && start[1] == 'M' && start[2] == 0 &&
				(start[3] == 42 || start[3] == 43));
	}

	static TiffHeader read(final Path file) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final TiffHeader h = new TiffHeader(file, ch.size());
			h.parse(ch);
			return h;
		}
	}

	private InpaintException damaged(final String what) {
		return new InpaintException("The file " + file + " is a damaged TIFF (" + what +
			"). Re-export it from the source, or recover it before repairing.");
	}

	private ByteBuffer bytes(final FileChannel ch, final long at, final int n,
		final ByteOrder order, final String what) throws IOException
	{
		if (at < 0 || n < 0 || at + n > length) throw damaged(what + " lies beyond the end of the " +
			"file; it may be truncated");
		final ByteBuffer b = ByteBuffer.allocate(n).order(order);
		while (b.hasRemaining())
			if (ch.read(b, at + b.position()) < 0) throw damaged("the file ended early");
		b.flip();
		return b;
	}

	private void parse(final FileChannel ch) throws IOException {
		final ByteBuffer head = bytes(ch, 0, 8, ByteOrder.LITTLE_ENDIAN, "the header");
		final ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		head.order(order);
		final int magic = head.getShort(2) & 0xffff;
		if (magic == 43) throw new InpaintException("The file " + file + " is a BigTIFF, which " +
			"ImageJ 1.x cannot read: save it as a plain TIFF (under 4 GB) or split it.");
		metadata.add(new long[] { 0, 8 });
		long ifd = head.getInt(4) & 0xffffffffL;
		final Set<Long> visited = new HashSet<>();
		while (ifd != 0) {
			if (!visited.add(ifd)) throw damaged("its page chain loops back to an earlier page");
			if (visited.size() > MAX_PAGES) throw damaged("more than " + MAX_PAGES + " pages");
			final int entries = bytes(ch, ifd, 2, order, "a page directory").getShort(0) & 0xffff;
			if (entries == 0 || entries > MAX_ENTRIES) throw damaged("a page directory with " +
				entries + " entries");
			final ByteBuffer dir = bytes(ch, ifd + 2, entries * 12 + 4, order, "a page directory");
			metadata.add(new long[] { ifd, ifd + 2 + entries * 12 + 4 });
			final Page p = new Page();
			for (int e = 0; e < entries; e++)
				entry(ch, order, dir, e * 12, p);
			check(p);
			pages.add(p);
			ifd = dir.getInt(entries * 12) & 0xffffffffL;
		}
		if (pages.isEmpty()) throw damaged("no page");
		// A damaged strip offset may point back into the header: ImageJ would read the directory
		// as pixels and write them out as an image.
		for (final Page p : pages)
			for (int i = 0; i < p.offsets.length; i++)
				for (final long[] m : metadata)
					if (p.offsets[i] < m[1] && p.offsets[i] + p.byteCounts[i] > m[0]) throw damaged(
						"its pixel data at byte " + p.offsets[i] + " overlaps its own header");
	}

	private void entry(final FileChannel ch, final ByteOrder order, final ByteBuffer dir,
		final int at, final Page p) throws IOException
	{
		final int tag = dir.getShort(at) & 0xffff;
		final int type = dir.getShort(at + 2) & 0xffff;
		final long count = dir.getInt(at + 4) & 0xffffffffL;
		switch (tag) {
			case 256: p.width = values(ch, order, dir, at, type, count, tag)[0]; break;
			case 257: p.height = values(ch, order, dir, at, type, count, tag)[0]; break;
			case 258: {
				final long[] bits = values(ch, order, dir, at, type, count, tag);
				for (final long b : bits)
					if (b != bits[0]) throw new InpaintException("The file " + file + " has channels " +
						"of different bit depths, which ImageJ cannot keep: convert it to one depth.");
				p.bitsPerSample = (int) bits[0];
				break;
			}
			case 259: p.compression = (int) values(ch, order, dir, at, type, count, tag)[0]; break;
			case 262: p.photometric = (int) values(ch, order, dir, at, type, count, tag)[0]; break;
			case 270:
				if (type == 2 && count > 0 && count < 1 << 20) p.description = new String(array(ch,
					order, dir, at, count).array(), java.nio.charset.StandardCharsets.ISO_8859_1);
				break;
			case 273: case 324: p.offsets = values(ch, order, dir, at, type, count, tag); p.tiled |=
				tag == 324; break;
			case 277: p.samplesPerPixel = (int) values(ch, order, dir, at, type, count, tag)[0]; break;
			case 278: p.rowsPerStrip = values(ch, order, dir, at, type, count, tag)[0]; break;
			case 279: case 325: p.byteCounts = values(ch, order, dir, at, type, count, tag); break;
			case 284: p.planar = (int) values(ch, order, dir, at, type, count, tag)[0]; break;
			case 322: p.tileWidth = values(ch, order, dir, at, type, count, tag)[0]; break;
			case 323: p.tileHeight = values(ch, order, dir, at, type, count, tag)[0]; break;
			case 338:
				p.extraSamples = (int) count;
				for (final long kind : values(ch, order, dir, at, type, count, tag))
					p.alpha |= kind == 1 || kind == 2;
				break;
			case 339: p.sampleFormat = (int) values(ch, order, dir, at, type, count, tag)[0]; break;
			default: break;
		}
	}

	private ByteBuffer array(final FileChannel ch, final ByteOrder order, final ByteBuffer dir,
		final int at, final long bytes) throws IOException
	{
		if (bytes > length) throw damaged("a field larger than the file");
		if (bytes <= 4) {
			final ByteBuffer b = ByteBuffer.allocate(4).order(order);
			for (int i = 0; i < 4; i++)
				b.put(i, dir.get(at + 8 + i));
			b.limit((int) bytes);
			return b;
		}
		final long offset = dir.getInt(at + 8) & 0xffffffffL;
		metadata.add(new long[] { offset, offset + bytes });
		return bytes(ch, offset, (int) bytes, order, "a field");
	}

	/** Integer values of a SHORT, LONG or BYTE field (the types these tags may have). */
	private long[] values(final FileChannel ch, final ByteOrder order, final ByteBuffer dir,
		final int at, final int type, final long count, final int tag) throws IOException
	{
		final int size = type == 3 ? 2 : type == 4 ? 4 : type == 1 ? 1 : -1;
		if (size < 0) throw damaged("tag " + tag + " has the unexpected field type " + type);
		if (count == 0) throw damaged("tag " + tag + " has no value");
		final ByteBuffer b = array(ch, order, dir, at, count * size);
		final long[] v = new long[(int) count];
		for (int i = 0; i < count; i++)
			v[i] = size == 2 ? b.getShort(i * 2) & 0xffff : size == 4 ? b.getInt(i * 4) & 0xffffffffL
				: b.get(i) & 0xff;
		return v;
	}

	private void check(final Page p) {
		if (p.width < 1 || p.height < 1) throw damaged("a page of " + p.width + " x " + p.height +
			" pixels");
		if (p.samplesPerPixel < 1 || p.bitsPerSample < 1 || p.bitsPerSample > 64) throw damaged(
			p.samplesPerPixel + " samples of " + p.bitsPerSample + " bits per pixel");
		if (p.offsets.length == 0) throw damaged("a page without pixel data");
		if (p.byteCounts.length != p.offsets.length) throw damaged("a page whose " + p.offsets
			.length + " strips have " + p.byteCounts.length + " sizes");
		long total = 0;
		for (int i = 0; i < p.offsets.length; i++) {
			if (p.offsets[i] + p.byteCounts[i] > length) throw damaged("pixel data at byte " +
				p.offsets[i] + " runs past the end of the file (" + length + " bytes); it is " +
				"probably truncated");
			total += p.byteCounts[i];
		}
		if (p.compression == 1 && !p.tiled) {
			final long expected = p.pixelBytes();
			final long rows = p.rowsPerStrip <= 0 ? p.height : Math.min(p.rowsPerStrip, p.height);
			final long rowBytes = (p.width * p.samplesPerPixel * p.bitsPerSample + 7) / 8;
			final long padded = Math.max(expected, p.offsets.length * rows * rowBytes);
			if (total < expected || total > padded) throw damaged("its header promises " + expected +
				" bytes of pixels but its strips hold " + total);
		}
	}

	/**
	 * @return the planes an ImageJ-written file holds: ImageJ writes one directory for a large
	 *         stack and the count in its description ("images=N")
	 */
	long planes() {
		final String d = pages.get(0).description;
		if (pages.size() == 1 && d != null && d.startsWith("ImageJ")) {
			for (final String line : d.split("\n"))
				if (line.startsWith("images=")) try {
					return Math.max(1, Long.parseLong(line.substring(7).trim()));
				}
				catch (final NumberFormatException e) {
					return 1;
				}
		}
		return pages.size();
	}
}
