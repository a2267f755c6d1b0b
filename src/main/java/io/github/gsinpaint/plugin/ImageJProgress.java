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
package io.github.gsinpaint.plugin;

import java.util.function.BooleanSupplier;

import ij.IJ;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.ij.InpaintJob;

/**
 * Adapts the core's {@link Progress} to ImageJ 1.x: the message goes to the status bar (at most
 * ten times a second), the fraction to the progress bar, and Esc ({@link IJ#escapePressed()})
 * cancels. A further cancel source (Fiji's task monitor) can be added.
 * <p>
 * Call {@link IJ#resetEscape()} before the run, so an old Esc does not cancel it.
 */
public final class ImageJProgress implements Progress {

	private final BooleanSupplier cancelled;
	private final Listener listener;
	private long lastStatus;

	/** A second receiver of progress (e.g. a SciJava task). */
	public interface Listener {

		void report(double fraction, String message);
	}

	public ImageJProgress() {
		this(() -> false, null);
	}

	/**
	 * @param cancelled another source of cancellation, polled with Esc
	 * @param listener also told about progress, or null
	 */
	public ImageJProgress(final BooleanSupplier cancelled, final Listener listener) {
		this.cancelled = cancelled;
		this.listener = listener;
	}

	@Override
	public void report(final double fraction, final String message) {
		final long now = System.nanoTime();
		if (fraction >= 1 || now - lastStatus > 100_000_000L) {
			lastStatus = now;
			IJ.showStatus(InpaintJob.TITLE + ": " + message + " (Esc cancels)");
			IJ.showProgress(Math.max(0, Math.min(1, fraction)));
		}
		if (listener != null) listener.report(fraction, message);
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed() || cancelled.getAsBoolean();
	}

	/** Clears the status and progress bars after a run. */
	public static void done(final String status) {
		IJ.showProgress(1.0);
		IJ.showStatus(status == null ? "" : status);
	}
}
