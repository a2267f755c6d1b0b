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
package io.github.gsinpaint.bench;

import static io.github.gsinpaint.core.gs.GaussianField.*;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.gsinpaint.core.gs.PatchRasterizer;
import io.github.gsinpaint.core.gs.TorchEngine;

/**
 * Peak memory of the rasterizer on one tile of {@code size x size} pixels (every patch rendered):
 * patch-wise (groups of {@code group} patches) against the whole tile at once ({@code group 0}).
 * Run it in a fresh JVM per case (python/bench_cpu.py does): the process's native high-water mark
 * (VmHWM in /proc/self/status) is taken after the engine and the field are ready and again after
 * rendering; the difference is the rasterizer's native peak. The Java heap peak is the sum of the
 * heap pools' peak usage, reset before rendering. Prints one TSV line:
 * size, group, patches, ms, heap_peak_mb, hwm_before_mb, hwm_after_mb, native_peak_mb.
 */
public final class MemoryBenchmark {

	public static void main(final String[] args) throws IOException {
		final int size = Integer.parseInt(args[0]);
		final int groupArg = Integer.parseInt(args[1]);
		final int h = size / 2, w = size / 2;
		final int patches = (size / PATCH) * (size / PATCH);
		final int group = groupArg <= 0 ? patches : groupArg;
		TorchEngine.get();
		try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), TorchEngine.NAME)) {
			final float[] f = BenchInputs.randomField(h, w, 1);
			final NDArray field = manager.create(f, new Shape(CHANNELS, h, w));
			final int[] all = new int[patches];
			for (int k = 0; k < patches; k++)
				all[k] = k;
			final PatchRasterizer rasterizer = new PatchRasterizer(group);
			// a small warm-up render (2 patches) so libtorch's one-off allocations are in "before"
			rasterizer.render(field, new int[] { 0, 1 });
			System.gc();
			final double hwmBefore = status("VmHWM");
			for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
				if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
			final long t0 = System.nanoTime();
			final float[] out = rasterizer.render(field, all);
			final double ms = (System.nanoTime() - t0) / 1e6;
			long heapPeak = 0;
			for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
				if (pool.getType() == MemoryType.HEAP) heapPeak += pool.getPeakUsage().getUsed();
			final double hwmAfter = status("VmHWM");
			System.out.println(String.format(Locale.ROOT, "%d\t%s\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f",
				size, groupArg <= 0 ? "all" : Integer.toString(group), patches, ms, heapPeak / 1048576.0,
				hwmBefore, hwmAfter, hwmAfter - hwmBefore) + (out.length == 0 ? "?" : ""));
		}
	}

	/** @return a /proc/self/status field in MiB (also {@link SeamGridBenchmark}'s peak) */
	static double status(final String key) throws IOException {
		for (final String line : Files.readAllLines(Paths.get("/proc/self/status"),
			StandardCharsets.US_ASCII))
			if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("[^0-9]", "")) /
				1024.0;
		return Double.NaN;
	}
}
