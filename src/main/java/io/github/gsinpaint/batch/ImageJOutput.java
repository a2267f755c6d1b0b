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
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.Supplier;

/**
 * Runs an ImageJ call while keeping what ImageJ prints for itself. Without a window, ImageJ 1.x
 * reports reader problems by printing to the console ("Unsupported format or file not found:" and
 * the path on two lines, "java.util.zip.DataFormatException: ..."), around the batch's own
 * one-line report, and then often returns an image anyway. Here those lines are caught, so the
 * caller can turn them into its one-line refusal. Only the calling thread's output is caught;
 * other threads (other Spark tasks in the same executor) print as before.
 */
final class ImageJOutput {

	private static final ThreadLocal<ByteArrayOutputStream> CAUGHT = new ThreadLocal<>();
	private static int callers;
	private static PrintStream out, err;

	private ImageJOutput() {}

	/**
	 * @param said receives what ImageJ printed during the call (empty when nothing)
	 * @return the call's result
	 */
	static <T> T run(final Supplier<T> call, final StringBuilder said) {
		synchronized (ImageJOutput.class) {
			if (callers++ == 0) {
				out = System.out;
				err = System.err;
				System.setOut(routed(out));
				System.setErr(routed(err));
			}
		}
		final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		CAUGHT.set(buffer);
		try {
			return call.get();
		}
		finally {
			CAUGHT.remove();
			said.append(buffer.toString(Charset.defaultCharset()).trim());
			synchronized (ImageJOutput.class) {
				if (--callers == 0) {
					System.setOut(out);
					System.setErr(err);
				}
			}
		}
	}

	/** A stream that gives the bytes of a catching thread to its buffer, others' to {@code base}. */
	private static PrintStream routed(final PrintStream base) {
		return new PrintStream(new OutputStream() {

			@Override
			public void write(final int b) {
				final ByteArrayOutputStream c = CAUGHT.get();
				if (c != null) c.write(b);
				else base.write(b);
			}

			@Override
			public void write(final byte[] b, final int off, final int len) {
				final ByteArrayOutputStream c = CAUGHT.get();
				if (c != null) c.write(b, off, len);
				else base.write(b, off, len);
			}

			@Override
			public void flush() {
				base.flush();
			}
		}, true);
	}
}
