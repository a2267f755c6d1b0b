package io.github.gsinpaint.core;

/** Thrown when the user cancels; no output exists when it is thrown. */
public class InpaintCancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InpaintCancelledException() {
		super("Inpainting was cancelled; no output was written.");
	}
}
