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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;

import io.github.gsinpaint.TestModels;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.Inpainting;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.methods.MethodOptions;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Memory and time of a repair whose damage is thin but spans the image: a grid of seams (detector
 * gaps, stitching seams), 1 to 8 px wide every {@code PITCH} px in both directions, on an 8-bit
 * grey {@code SIZE x SIZE} image, end to end through {@link Inpainting#inpaint}. Uses only the
 * public API, so the same class measures an older build (put its classes first on the class
 * path). Run one case per fresh JVM: the heap peak is the sum of the heap pools' peak usage over
 * the whole run (image and output included), VmHWM the process's resident high-water mark.
 * <p>
 * Usage: {@code SeamGridBenchmark SIZE PITCH METHOD}; prints one TSV line: size, pitch, method,
 * masked pixels, seconds, heap peak MiB, VmHWM MiB.
 */
public final class SeamGridBenchmark {

	private SeamGridBenchmark() {}

	public static void main(final String[] args) throws IOException {
		final int size = Integer.parseInt(args[0]), pitch = Integer.parseInt(args[1]);
		final Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(size, size);
		final Cursor<UnsignedByteType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			final int x = c.getIntPosition(0), y = c.getIntPosition(1);
			c.get().set((int) Math.rint(128 + 70 * Math.sin(0.0005 * x + 0.3) * Math.cos(0.0004 * y) +
				30 * Math.sin(x / 9.0) * Math.cos(y / 13.0)));
		}
		final Img<BitType> mask = ArrayImgs.bits(size, size);
		final Cursor<BitType> m = mask.localizingCursor();
		long masked = 0;
		while (m.hasNext()) {
			m.fwd();
			final int x = m.getIntPosition(0), y = m.getIntPosition(1);
			final int kx = x / pitch, ky = y / pitch;
			// widths 1, 2, ..., 8 px, centred in each pitch
			final boolean seam = Math.abs(x - kx * pitch - pitch / 2) * 2 < 1 + kx % 8 || Math.abs(y -
				ky * pitch - pitch / 2) * 2 < 1 + ky % 8;
			m.get().set(seam);
			if (seam) masked++;
		}
		final MethodOptions options = MethodOptions.defaults().withDevice("cpu");
		try (TileFiller f = TestModels.open(args[2], options)) {
			System.gc();
			for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
				if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
			final long t0 = System.nanoTime();
			final Img<UnsignedByteType> out = Inpainting.inpaint(img, mask, f, InpaintSettings
				.defaults(), Progress.NONE);
			final double seconds = (System.nanoTime() - t0) / 1e9;
			long heapPeak = 0;
			for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
				if (pool.getType() == MemoryType.HEAP) heapPeak += pool.getPeakUsage().getUsed();
			System.out.println(String.format(Locale.ROOT, "%d\t%d\t%s\t%d\t%.1f\t%.0f\t%.0f", size,
				pitch, f.identity(), masked, seconds, heapPeak / 1048576.0, MemoryBenchmark.status("VmHWM")) + (out
					.dimension(0) == size ? "" : "?"));
		}
	}
}
