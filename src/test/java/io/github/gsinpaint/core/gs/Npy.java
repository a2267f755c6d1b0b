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
package io.github.gsinpaint.core.gs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the .npy files the Python side writes: little-endian float32, C order. */
public final class Npy {

	public final long[] shape;
	public final float[] data;

	private Npy(final long[] shape, final float[] data) {
		this.shape = shape;
		this.data = data;
	}

	public static Npy read(final String resource) throws IOException {
		try (InputStream in = Npy.class.getResourceAsStream(resource)) {
			if (in == null) throw new IOException("missing test resource " + resource);
			return parse(in.readAllBytes());
		}
	}

	static Npy parse(final byte[] bytes) throws IOException {
		if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N') throw new IOException(
			"not an .npy file");
		final int major = bytes[6];
		final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		final int headerLen, start;
		if (major == 1) {
			headerLen = b.getShort(8) & 0xffff;
			start = 10;
		}
		else {
			headerLen = b.getInt(8);
			start = 12;
		}
		final String header = new String(bytes, start, headerLen, StandardCharsets.US_ASCII);
		if (!header.contains("'<f4'")) throw new IOException("expected float32, got " + header);
		if (header.contains("'fortran_order': True")) throw new IOException("expected C order");
		final Matcher m = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
		if (!m.find()) throw new IOException("no shape in " + header);
		final String[] parts = m.group(1).split(",");
		int dims = 0;
		for (final String p : parts)
			if (!p.trim().isEmpty()) dims++;
		final long[] shape = new long[dims];
		long n = 1;
		for (int i = 0, k = 0; i < parts.length; i++)
			if (!parts[i].trim().isEmpty()) {
				shape[k] = Long.parseLong(parts[i].trim());
				n *= shape[k++];
			}
		final float[] data = new float[(int) n];
		b.position(start + headerLen);
		b.asFloatBuffer().get(data);
		return new Npy(shape, data);
	}
}
