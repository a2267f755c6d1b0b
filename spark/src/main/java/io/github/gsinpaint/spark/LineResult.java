package io.github.gsinpaint.spark;

import java.io.Serializable;
import java.util.Locale;

/** What became of one line, sent back to the driver. */
public final class LineResult implements Serializable {

	private static final long serialVersionUID = 1L;

	public enum Status {
		/** the output was written */
		REPAIRED,
		/** the output existed already (an earlier run wrote it) */
		SKIPPED,
		/** nothing was written; {@link #message()} says why */
		FAILED
	}

	final RepairLine line;
	final Status status;
	final String message;
	final double millis;
	final String executor;

	LineResult(final RepairLine line, final Status status, final String message,
		final double millis, final String executor)
	{
		this.line = line;
		this.status = status;
		this.message = message;
		this.millis = millis;
		this.executor = executor;
	}

	public RepairLine line() {
		return line;
	}

	public Status status() {
		return status;
	}

	/** @return the reason of a failure, else null */
	public String message() {
		return message;
	}

	public double millis() {
		return millis;
	}

	@Override
	public String toString() {
		switch (status) {
			case FAILED:
				return String.format(Locale.ROOT, "FAILED    line %d (%s): %s", line.index, line.image,
					message);
			case SKIPPED:
				return String.format(Locale.ROOT, "SKIPPED   %s (exists)", line.output);
			default:
				return String.format(Locale.ROOT, "REPAIRED  %s -> %s: %.1f ms on %s", line.image,
					line.output, millis, executor);
		}
	}
}
