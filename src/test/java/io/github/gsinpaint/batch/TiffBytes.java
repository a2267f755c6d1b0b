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

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small uncompressed little-endian TIFFs byte by byte, with any header a test needs
 * (signed samples, alpha, palettes, pages, lies about the size), which ImageJ's writer cannot make.
 */
public final class TiffBytes {

	public int width = 8, height = 6, bits = 8, samples = 1, sampleFormat = 1, photometric = 1,
		pages = 1, compression = 1;
	/** the ExtraSamples value (0 unspecified, 1 or 2 alpha); -1: no such tag */
	public int extraSamples = -1;
	/** pixel bytes per page; null: zeros of the right size */
	public byte[] data;
	/** the page chain points back to the first page */
	public boolean loop;
	/** one tile of 16 x 16 px per page (width and height at most 16) instead of one strip */
	public boolean tiled;

	public byte[] build() {
		final int pageBytes = width * height * samples * bits / 8;
		final byte[] pixels = data != null ? data : new byte[pageBytes];
		final List<int[]> tags = new ArrayList<>();
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		out.writeBytes(head.array());
		int pos = 8;
		final int entries = (tiled ? 11 : 10) + (extraSamples >= 0 ? 1 : 0);
		final int ifdSize = 2 + entries * 12 + 4;
		for (int p = 0; p < pages; p++) {
			final int ifd = pos;
			final int dataAt = ifd + ifdSize;
			final int next = p + 1 < pages ? dataAt + pixels.length : loop ? 8 : 0;
			tags.clear();
			tags.add(new int[] { 256, 4, width });
			tags.add(new int[] { 257, 4, height });
			tags.add(new int[] { 258, 3, bits });
			tags.add(new int[] { 259, 3, compression });
			tags.add(new int[] { 262, 3, photometric });
			if (tiled) {
				tags.add(new int[] { 277, 3, samples });
				tags.add(new int[] { 322, 3, 16 });
				tags.add(new int[] { 323, 3, 16 });
				tags.add(new int[] { 324, 4, dataAt });
				tags.add(new int[] { 325, 4, pixels.length });
			}
			else {
				tags.add(new int[] { 273, 4, dataAt });
				tags.add(new int[] { 277, 3, samples });
				tags.add(new int[] { 278, 4, height });
				tags.add(new int[] { 279, 4, pixels.length });
			}
			if (extraSamples >= 0) tags.add(new int[] { 338, 3, extraSamples });
			tags.add(new int[] { 339, 3, sampleFormat });
			final ByteBuffer b = ByteBuffer.allocate(ifdSize).order(ByteOrder.LITTLE_ENDIAN);
			b.putShort((short) tags.size());
			for (final int[] t : tags) {
				b.putShort((short) t[0]).putShort((short) t[1]).putInt(1);
				if (t[1] == 3) b.putShort((short) t[2]).putShort((short) 0);
				else b.putInt(t[2]);
			}
			b.putInt(next);
			out.writeBytes(b.array());
			out.writeBytes(pixels);
			pos = dataAt + pixels.length;
		}
		return out.toByteArray();
	}
}
