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

import java.io.Serializable;
import java.util.Locale;

/** What became of one line: written, skipped or failed (with a one-line reason). */
public final class LineResult implements Serializable {

	private static final long serialVersionUID = 2L;

	public enum Status {
		/** the output was written */
		REPAIRED,
		/** the output existed already (an earlier run wrote it) and overwriting was not asked */
		SKIPPED,
		/** nothing was written; {@link LineResult#message()} says why */
		FAILED
	}

	private final RepairLine line;
	private final Status status;
	private final String message;
	private final double millis;
	private final String where;

	private LineResult(final RepairLine line, final Status status, final String message,
		final double millis, final String where)
	{
		this.line = line;
		this.status = status;
		this.message = message;
		this.millis = millis;
		this.where = where;
	}

	public static LineResult repaired(final RepairLine line, final double millis) {
		return new LineResult(line, Status.REPAIRED, null, millis, null);
	}

	public static LineResult skipped(final RepairLine line) {
		return new LineResult(line, Status.SKIPPED, null, 0, null);
	}

	/** @param message one line saying what went wrong and what to do */
	public static LineResult failed(final RepairLine line, final String message) {
		return new LineResult(line, Status.FAILED, message, 0, null);
	}

	/** @return this result, noting where it ran (a Spark executor) */
	public LineResult on(final String executor) {
		return new LineResult(line, status, message, millis, executor);
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
				return String.format(Locale.ROOT, "FAILED    line %d (%s): %s", line.index(), line
					.image(), message);
			case SKIPPED:
				return String.format(Locale.ROOT, "SKIPPED   %s (exists)", line.output());
			default:
				return String.format(Locale.ROOT, "REPAIRED  %s -> %s: %.1f ms%s", line.image(), line
					.output(), millis, where == null ? "" : " on " + where);
		}
	}
}
