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
