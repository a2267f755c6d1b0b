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

	/** Throws {@link InpaintCancelledException} if cancellation was asked for. */
	default void checkCancelled() {
		if (isCancelled()) throw new InpaintCancelledException();
	}
}
