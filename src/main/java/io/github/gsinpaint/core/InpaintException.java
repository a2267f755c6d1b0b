package io.github.gsinpaint.core;

/**
 * A problem the user can act on (empty mask, missing model, no GPU...). Its message is written
 * for the user: it says what went wrong and what to do, so front ends show it as it is, without
 * a stack trace.
 */
public class InpaintException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InpaintException(final String message) {
		super(message);
	}

	public InpaintException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
