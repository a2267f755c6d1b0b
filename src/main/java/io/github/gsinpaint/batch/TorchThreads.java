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

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * Sizes libtorch's thread pools before the first model loads. libtorch's default is one intra-op
 * thread per core in every process; two repair processes on one machine then fight over the cores
 * with spinning OpenMP threads and run ten times slower than with one thread each (issue 15:
 * 2 x 300 repairs, 249 s against 25 s). So each repair process holds a slot (a locked file in the
 * temporary folder; the lock goes with the process, also on kill -9), counts the slots held by
 * others, and takes its share of the cores. A value the user set (-Dai.djl.pytorch.num_threads,
 * --torch-threads) wins.
 */
public final class TorchThreads {

	static final String THREADS = "ai.djl.pytorch.num_threads", INTEROP =
		"ai.djl.pytorch.num_interop_threads";

	/** Kept open for the life of the process: the lock is the slot. */
	private static FileChannel slotChannel;
	private static FileLock slot;
	private static Path slotPath;

	private TorchThreads() {}

	/**
	 * Sets the thread counts for this process unless the user did.
	 *
	 * @param requested a count the user asked for, or {@link RepairOptions#AUTOMATIC_THREADS}
	 * @return the intra-op thread count in effect
	 */
	public static synchronized int configure(final int requested) {
		final String set = System.getProperty(THREADS);
		if (set != null) try {
			return Integer.parseInt(set.trim());
		}
		catch (final NumberFormatException e) {
			return 0; // DJL reports it
		}
		final int cores = Runtime.getRuntime().availableProcessors();
		final int n = requested > 0 ? requested : share(cores, 1 + othersRunning(cores));
		System.setProperty(THREADS, Integer.toString(n));
		// Tiles run one after the other: a second pool of inter-op threads would only compete.
		if (System.getProperty(INTEROP) == null) System.setProperty(INTEROP, "1");
		return n;
	}

	/** @return the cores each of {@code processes} repair processes gets, at least 1 */
	static int share(final int cores, final int processes) {
		return Math.max(1, cores / Math.max(1, processes));
	}

	/**
	 * Takes a slot for this process (once) and counts the slots other processes hold.
	 *
	 * @return the number of other repair processes running now on this machine; 0 when the
	 *         temporary folder cannot be used
	 */
	static int othersRunning(final int cores) {
		final int slots = Math.max(16, 4 * cores);
		final Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "gs-inpaint-processes-" +
			System.getProperty("user.name", "user"));
		try {
			Files.createDirectories(dir);
			int others = 0;
			for (int i = 0; i < slots; i++) {
				final Path p = dir.resolve("slot-" + i);
				if (slot != null && p.equals(slotPath)) continue;
				final FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
				FileLock lock = null;
				try {
					lock = ch.tryLock();
				}
				catch (final OverlappingFileLockException e) {
					// held by this JVM
				}
				if (lock == null) {
					others++;
					ch.close();
				}
				else if (slot == null) {
					slot = lock;
					slotChannel = ch;
					slotPath = p;
				}
				else {
					lock.release();
					ch.close();
				}
			}
			return others;
		}
		catch (final IOException | RuntimeException e) {
			return 0;
		}
	}
}
