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
package io.github.gsinpaint.core;

/**
 * Progress reporting and cooperative cancellation for long work. The core polls
 * {@link #isCancelled()} between units of work and stops by throwing
 * {@link InpaintCancelledException}; callers (the Fiji command, the command line) adapt this to
 * their own status bar, task monitor or console.
 */
public interface Progress {

	/** Does nothing and never cancels. */
	Progress NONE = new Progress() {

		@Override
		public void report(final double fraction, final String message) {}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};

	/**
	 * @param fraction work done so far, from 0 to 1
	 * @param message a short, human-readable description of the current step
	 */
	void report(double fraction, String message);

	/** @return true once the user asked to stop */
	boolean isCancelled();

	/**
	 * @return a progress for a part of this work: its fractions 0 to 1 are reported as
	 *         {@code from} to {@code from + span}, its messages after {@code prefix}; it cancels
	 *         with this one
	 */
	default Progress part(final double from, final double span, final String prefix) {
		final Progress whole = this;
		return new Progress() {

			@Override
			public void report(final double fraction, final String message) {
				whole.report(from + span * Math.max(0, Math.min(1, fraction)), prefix + message);
			}

			@Override
			public boolean isCancelled() {
				return whole.isCancelled();
			}
		};
	}

	/** Throws {@link InpaintCancelledException} if cancellation was asked for. */
	default void checkCancelled() {
		if (isCancelled()) throw new InpaintCancelledException();
	}
}
