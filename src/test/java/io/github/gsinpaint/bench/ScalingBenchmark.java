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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.Inpainting;
import io.github.gsinpaint.methods.MethodOptions;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.ForwardingTileFiller;
import io.github.gsinpaint.core.TileFiller;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * End-to-end time of {@link Inpainting#inpaint} (damage map, normalisation, tiles, model,
 * rasterizer, blending, composite) on an 8-bit RGB image held in memory, after warm-up, median of
 * N runs, against the image size at a fixed hole area and against the hole area at a fixed image
 * size. Writes a TSV (python/bench_cpu.py plots it). Run:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.github.gsinpaint.bench.ScalingBenchmark \
 *   --model models/gs-inpaint-v1 --out scaling.tsv
 * </pre>
 * Options: --method 2dgs|harmonic|biharmonic, --series target,size,area, --sizes 512,1024,...,
 * --fixed-holes PIXELS (size series), --area-size N and --fractions 0.005,... (area series),
 * --reps N, --warmup N.
 */
public final class ScalingBenchmark {

	public static void main(final String[] args) throws IOException {
		String model = "models/gs-inpaint-v1", method = "2dgs", out = "scaling.tsv";
		String series = "target,size,area", sizes = "512,1024,2048,4096,8192";
		String fractions = "0.005,0.01,0.02,0.05,0.12,0.25";
		int areaSize = 1024, reps = 5, warmup = 2;
		long fixedHoles = 2000;
		for (int i = 0; i < args.length; i += 2) {
			final String v = args[i + 1];
			switch (args[i]) {
				case "--model": model = v; break;
				case "--method": method = v; break;
				case "--out": out = v; break;
				case "--series": series = v; break;
				case "--sizes": sizes = v; break;
				case "--fractions": fractions = v; break;
				case "--area-size": areaSize = Integer.parseInt(v); break;
				case "--reps": reps = Integer.parseInt(v); break;
				case "--warmup": warmup = Integer.parseInt(v); break;
				case "--fixed-holes": fixedHoles = Long.parseLong(v); break;
				default: throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		final List<String> lines = new ArrayList<>();
		lines.add(
			"series\twidth\theight\thole_pixels\thole_frac\treps\tmedian_ms\tmin_ms\tmax_ms\ttiles\tfill_ms");
		try (TimedFiller filler = new TimedFiller(TestModels.open(method, MethodOptions
			.defaults().withModelPath(Paths.get(model)).withDevice("cpu"))))
		{
			System.out.println("# method " + filler.identity() + ", tile " + filler
				.preferredTileSize() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
			for (final String s : series.split(",")) {
				switch (s.trim()) {
					case "target": // the target case: 512 x 512 RGB, ~12% free-form strokes
						lines.add(run(filler, "target", 512, 0.12, -1, reps, warmup));
						break;
					case "size":
						for (final String n : sizes.split(","))
							lines.add(run(filler, "size", Integer.parseInt(n.trim()), -1, fixedHoles, reps,
								warmup));
						break;
					case "area":
						for (final String f : fractions.split(","))
							lines.add(run(filler, "area", areaSize, Double.parseDouble(f.trim()), -1, reps,
								warmup));
						break;
					default:
						throw new IllegalArgumentException("unknown series " + s);
				}
			}
		}
		final Path p = Paths.get(out);
		if (p.getParent() != null) Files.createDirectories(p.getParent());
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8))) {
			for (final String l : lines)
				w.println(l);
		}
	}

	/** Counts the tiles and the time spent inside the method (model + rasterizer for 2dgs). */
	static final class TimedFiller extends ForwardingTileFiller {

		long nanos;
		int calls;

		TimedFiller(final TileFiller inner) {
			super(inner);
		}

		void reset() {
			nanos = 0;
			calls = 0;
		}

		@Override
		public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
			final int height, final Progress progress)
		{
			final long t0 = System.nanoTime();
			try {
				return inner.fill(tile, hole, width, height, progress);
			}
			finally {
				nanos += System.nanoTime() - t0;
				calls++;
			}
		}

		/** Classical methods get the whole hole's solution here (its time is outside the method). */
		@Override
		public float[][] fill(final float[][] tile, final boolean[] hole, final float[][] prior,
			final int width, final int height, final Progress progress)
		{
			final long t0 = System.nanoTime();
			try {
				return inner.fill(tile, hole, prior, width, height, progress);
			}
			finally {
				nanos += System.nanoTime() - t0;
				calls++;
			}
		}
	}

	private static String run(final TimedFiller filler, final String series, final int size,
		final double fraction, final long fixedPixels, final int reps, final int warmup)
	{
		final int w = size, h = size;
		final float[][] planes = BenchInputs.image(Math.min(w, 1024), Math.min(h, 1024), 7);
		final byte[] pixels = new byte[w * h * 3];
		// tile a 1024 x 1024 synthetic pattern (making a 8k one pixel by pixel costs ~10 s)
		final int pw = Math.min(w, 1024), ph = Math.min(h, 1024);
		for (int c = 0; c < 3; c++)
			for (int y = 0; y < h; y++) {
				final int off = c * w * h + y * w, src = (y % ph) * pw;
				for (int x = 0; x < w; x++)
					pixels[off + x] = (byte) (int) planes[c][src + x % pw];
			}
		final Img<UnsignedByteType> image = ArrayImgs.unsignedBytes(pixels, w, h, 3);
		final boolean[] hole = new boolean[w * h];
		final long target = fixedPixels > 0 ? fixedPixels : Math.round(fraction * w * h);
		final int holes = BenchInputs.strokes(hole, w, h, target, fixedPixels > 0 ? 3 : 6,
			fixedPixels > 0 ? 10 : 30, 11);
		final Img<BitType> mask = ArrayImgs.bits(w, h);
		final RandomAccess<BitType> ra = mask.randomAccess();
		for (int i = 0; i < hole.length; i++)
			if (hole[i]) {
				ra.setPosition(i % w, 0);
				ra.setPosition(i / w, 1);
				ra.get().set(true);
			}
		// an RGB image is one colour image, filled jointly, as the command line and Fiji do for RGB
		final InpaintSettings settings = InpaintSettings.defaults().withJointChannels(true);
		for (int i = 0; i < warmup; i++)
			Inpainting.inpaint(image, mask, filler, settings, Progress.NONE);
		final double[] ms = new double[reps], fillMs = new double[reps];
		int tiles = 0;
		for (int i = 0; i < reps; i++) {
			filler.reset();
			final long t0 = System.nanoTime();
			final Img<UnsignedByteType> res = Inpainting.inpaint(image, mask, filler, settings,
				Progress.NONE);
			ms[i] = (System.nanoTime() - t0) / 1e6;
			fillMs[i] = filler.nanos / 1e6;
			tiles = filler.calls;
			if (res.dimension(0) != w) throw new IllegalStateException();
		}
		double min = Double.MAX_VALUE, max = 0;
		for (final double v : ms) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		final String line = String.format(Locale.ROOT,
			"%s\t%d\t%d\t%d\t%.5f\t%d\t%.1f\t%.1f\t%.1f\t%d\t%.1f", series, w, h, holes, holes /
				(double) (w * h), reps, BenchInputs.median(ms), min, max, tiles, BenchInputs.median(fillMs));
		System.out.println(line);
		return line;
	}
}
