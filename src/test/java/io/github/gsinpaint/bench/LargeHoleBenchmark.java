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

import io.github.gsinpaint.TestModels;

import java.util.Locale;
import java.util.Random;

import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.Inpainting;
import io.github.gsinpaint.methods.MethodOptions;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.SeamMeasure;
import io.github.gsinpaint.core.TileFiller;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * One large square hole in a synthetic 8-bit image whose truth is known, end to end through
 * {@link Inpainting#inpaint}: wall time, in-hole PSNR against the truth, and how steadily progress
 * is reported (the longest pause between two reports). For docs/BENCHMARKS.md.
 * <p>
 * Usage: {@code LargeHoleBenchmark SIZE HOLE PATTERN METHOD...} with PATTERN one of
 * {@code periodic}, {@code smooth}, {@code polynomial}, {@code cells}, {@code ramp} and METHOD a method name;
 * {@code -Dgsinpaint.model=DIR} picks a model package for 2dgs.
 */
public final class LargeHoleBenchmark {

	/**
	 * {@code -Dgsinpaint.trace=true} prints every progress report with its time and the pause
	 * before it: where a long fill goes quiet.
	 */
	private static final boolean TRACE = Boolean.getBoolean("gsinpaint.trace");

	private LargeHoleBenchmark() {}

	/**
	 * The truth at a pixel, in [0, 255]; {@code noise} is drawn from once per pixel in raster
	 * order by the patterns that have noise.
	 */
	public static double truth(final String pattern, final int x, final int y, final Random noise) {
		switch (pattern) {
			case "periodic": // a woven texture: two gratings and a checker of period 24 px
				return 128 + 50 * Math.sin(2 * Math.PI * x / 24.0) * Math.cos(2 * Math.PI * y / 40.0) +
					30 * Math.sin(2 * Math.PI * (x + y) / 57.0) + ((x / 12 + y / 12) % 2 == 0 ? 15 : -15);
			case "smooth":
				return 128 + 70 * Math.sin(0.004 * x + 0.3) * Math.cos(0.003 * y) + 40 * Math.sin(
					0.002 * (x - y));
			case "cells": { // microscopy-like: bright round cells on a dim, noisy background
				double v = 30 + 4 * noise.nextGaussian();
				final int cx = Math.floorMod(x, 53), cy = Math.floorMod(y, 47);
				final int jitter = ((x / 53) * 31 + (y / 47) * 17) % 11;
				final double d2 = (cx - 26 - jitter) * (cx - 26 - jitter) + (cy - 23) * (cy - 23);
				v += 160 * Math.exp(-d2 / (2 * 9.0 * 9.0));
				return v;
			}
			case "polynomial": { // a smooth cubic surface over the whole image
				final double u = x / 1000.0 - 0.5, t = y / 1000.0 - 0.5;
				return 128 + 180 * u * u * u - 150 * u * t + 120 * t * t - 60 * t;
			}
			case "ramp":
				return 10 + 235.0 * (x + 0.5 * y) / 3000.0;
			default:
				throw new IllegalArgumentException("unknown pattern " + pattern);
		}
	}

	/** Writes an 8-bit image as binary PGM (for a look at the result). */
	static void writePgm(final Img<UnsignedByteType> img, final java.nio.file.Path file)
		throws java.io.IOException
	{
		final int w = (int) img.dimension(0), h = (int) img.dimension(1);
		final byte[] header = ("P5\n" + w + " " + h + "\n255\n").getBytes(
			java.nio.charset.StandardCharsets.US_ASCII);
		final byte[] data = new byte[header.length + w * h];
		System.arraycopy(header, 0, data, 0, header.length);
		int i = header.length;
		for (final UnsignedByteType t : img)
			data[i++] = (byte) t.get();
		java.nio.file.Files.write(file, data);
	}

	public static void main(final String[] args) throws Exception {
		final int size = Integer.parseInt(args[0]), side = Integer.parseInt(args[1]);
		final String pattern = args[2];
		final Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(size, size);
		final Random noise = new Random(1);
		final Cursor<UnsignedByteType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.get().set((int) Math.max(0, Math.min(255, Math.rint(truth(pattern, c.getIntPosition(0), c
				.getIntPosition(1), noise)))));
		}
		final int x0 = (size - side) / 2;
		final Img<BitType> mask = ArrayImgs.bits(size, size);
		final Cursor<BitType> m = mask.localizingCursor();
		while (m.hasNext()) {
			m.fwd();
			final int x = m.getIntPosition(0), y = m.getIntPosition(1);
			m.get().set(x >= x0 && x < x0 + side && y >= x0 && y < x0 + side);
		}
		final String model = System.getProperty("gsinpaint.model");
		MethodOptions options = MethodOptions.defaults().withDevice("cpu");
		if (model != null) options = options.withModelPath(java.nio.file.Paths.get(model));
		for (int k = 3; k < args.length; k++) {
			try (TileFiller f = TestModels.open(args[k], options)) {
				final long[] last = { System.nanoTime() }, longest = { 0 }, reports = { 0 }, start = {
					last[0] };
				final Progress p = new Progress() {

					@Override
					public void report(final double fraction, final String message) {
						final long now = System.nanoTime();
						if (TRACE) System.out.println(String.format(Locale.ROOT, "%8.3f s  +%6.3f s  %5.3f  %s",
							(now - start[0]) / 1e9, (now - last[0]) / 1e9, fraction, message));
						longest[0] = Math.max(longest[0], now - last[0]);
						last[0] = now;
						reports[0]++;
					}

					@Override
					public boolean isCancelled() {
						return false;
					}
				};
				final long t0 = System.nanoTime();
				final Img<UnsignedByteType> out = Inpainting.inpaint(img, mask, f, InpaintSettings
					.defaults(), p);
				final double seconds = (System.nanoTime() - t0) / 1e9;
				double se = 0;
				long n = 0;
				final Cursor<UnsignedByteType> o = out.cursor(), t = img.cursor();
				final Cursor<BitType> mc = mask.cursor();
				final Random again = new Random(1);
				while (o.hasNext()) {
					o.fwd();
					t.fwd();
					final boolean hole = mc.next().get();
					// the truth before rounding, drawn in the same order as the image
					final double truth = Math.max(0, Math.min(255, Math.rint(truth(pattern, t
						.getIntPosition(0), t.getIntPosition(1), again))));
					if (!hole) continue;
					final double d = o.get().get() - truth;
					se += d * d;
					n++;
				}
				final String save = System.getProperty("gsinpaint.save");
				if (save != null) writePgm(out, java.nio.file.Paths.get(save, pattern + "-" + args[k] +
					".pgm"));
				final double psnr = 10 * Math.log10(255.0 * 255.0 / Math.max(1e-12, se / n));
				final double seams = SeamMeasure.ofFill(out, mask, f, InpaintSettings.defaults());
				System.out.println(String.format(Locale.ROOT,
					"%s\t%dx%d image, %dx%d hole, %s\t%.2f s\tPSNR %.2f dB\tseam ratio %.3f\t%d progress reports, longest pause %.2f s",
					f.identity(), size, size, side, side, pattern, seconds, psnr, seams, reports[0],
					longest[0] / 1e9));
			}
		}
	}
}
