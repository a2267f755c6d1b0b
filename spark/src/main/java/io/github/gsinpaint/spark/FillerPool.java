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
package io.github.gsinpaint.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.github.gsinpaint.batch.RepairOptions;
import io.github.gsinpaint.batch.TorchThreads;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.methods.Methods;

/**
 * Opened methods (loaded models) kept for the life of an executor JVM. A filler serves one thread
 * at a time, so a task borrows one and gives it back; an executor running k tasks at once loads
 * the model k times, once each, and every later task reuses them. Closed when the JVM exits.
 */
final class FillerPool {

	private static final Map<String, ConcurrentLinkedDeque<TileFiller>> IDLE =
		new ConcurrentHashMap<>();
	private static final List<TileFiller> ALL = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(FillerPool::closeAll,
			"gs-inpaint-filler-pool"));
	}

	private FillerPool() {}

	static TileFiller borrow(final RepairOptions o) {
		final TileFiller idle = IDLE.computeIfAbsent(o.methodOptions().openKey(),
			k -> new ConcurrentLinkedDeque<>()).pollFirst();
		if (idle != null) return idle;
		configureJvm(o);
		final TileFiller opened = Methods.open(o.methodOptions());
		synchronized (ALL) {
			ALL.add(opened);
		}
		return opened;
	}

	static void giveBack(final RepairOptions o, final TileFiller filler) {
		IDLE.get(o.methodOptions().openKey()).addFirst(filler);
	}

	/**
	 * Before the first model loads in this JVM: no display, and a bounded number of PyTorch
	 * threads. Spark already runs one task per core; libtorch's default of one thread per core in
	 * every task would oversubscribe the machine, so the default is 1 (--torch-threads changes
	 * it). A value set by the user (-Dai.djl.pytorch.num_threads through
	 * spark.executor.extraJavaOptions) wins.
	 */
	private static synchronized void configureJvm(final RepairOptions o) {
		if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless",
			"true");
		if (System.getenv("ai.djl.pytorch.num_threads") == null) TorchThreads.configure(o
			.torchThreads() > 0 ? o.torchThreads() : 1);
	}

	static void closeAll() {
		final List<TileFiller> all;
		synchronized (ALL) {
			all = new ArrayList<>(ALL);
			ALL.clear();
		}
		IDLE.clear();
		for (final TileFiller f : all) {
			try {
				f.close();
			}
			catch (final RuntimeException e) {
				// exiting anyway
			}
		}
	}
}
