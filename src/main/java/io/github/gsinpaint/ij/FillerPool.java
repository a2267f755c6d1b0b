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
