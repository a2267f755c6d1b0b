package io.github.gsinpaint.ij;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.methods.MethodOptions;
import io.github.gsinpaint.methods.Methods;

/**
 * Keeps the last opened method (for 2dgs: the loaded model, about a second to load) between runs
 * in one ImageJ session, so a macro that repairs many images or one small scale bar after another
 * does not pay the load every time. A filler is lent to one run at a time (a DJL predictor is not
 * for concurrent use); a second concurrent run opens its own. At most {@value #IDLE} idle fillers,
 * one per method, model and device, so switching between 2dgs and a classical fill keeps the model;
 * the least recently used beyond that is closed.
 */
public final class FillerPool {

	private static final int IDLE = 3;
	// key -> idle filler, least recently used first
	private static final Map<String, TileFiller> idle = new LinkedHashMap<>();

	private FillerPool() {}

	/** A filler on loan; close() gives it back. */
	public static final class Lease implements AutoCloseable {

		private final String key;
		private final TileFiller filler;

		private Lease(final String key, final TileFiller filler) {
			this.key = key;
			this.filler = filler;
		}

		public TileFiller filler() {
			return filler;
		}

		@Override
		public void close() {
			giveBack(key, filler);
		}
	}

	/** @throws io.github.gsinpaint.core.InpaintException when the method cannot be opened */
	public static Lease borrow(final MethodOptions options) {
		final String key = options.openKey();
		synchronized (FillerPool.class) {
			final TileFiller f = idle.remove(key);
			if (f != null) return new Lease(key, f);
		}
		return new Lease(key, Methods.open(options));
	}

	private static void giveBack(final String key, final TileFiller filler) {
		TileFiller toClose = null;
		synchronized (FillerPool.class) {
			if (idle.containsKey(key)) toClose = filler; // a concurrent run's extra copy
			else {
				idle.put(key, filler);
				if (idle.size() > IDLE) {
					final String eldest = idle.keySet().iterator().next();
					toClose = idle.remove(eldest);
				}
			}
		}
		if (toClose != null) toClose.close();
	}
}
