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
package io.github.gsinpaint.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.djl.pytorch.jni.JniUtils;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import io.github.gsinpaint.TestModels;
import io.github.gsinpaint.cli.InpaintCli;
import io.github.gsinpaint.methods.MethodOptions;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.ij.InpaintJob;
import io.github.gsinpaint.ij.InpaintOptions;
import io.github.gsinpaint.reliability.RandomCase.Content;
import io.github.gsinpaint.reliability.RandomCase.MaskKind;
import io.github.gsinpaint.reliability.RandomCase.PixelKind;
import net.imglib2.img.Img;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Repairs running at the same time in one JVM (two Fiji commands, a multi-threaded command-line
 * or cluster run) give exactly the results they give alone, whatever the number of threads.
 * Each thread has its own filler (a filler is used by one thread at a time); everything else is
 * shared.
 */
public class ConcurrencyTest {

	private static final int THREADS = 4;

	@TempDir
	Path dir;

	private static MethodOptions options(final String method) {
		return method.equals("2dgs") ? TestModels.gsOptions()
			: MethodOptions.defaults();
	}

	/** A fixed set of random cases of every kind (filled ones; errors are covered elsewhere). */
	private static List<RandomCase> cases(final int n) {
		final Random r = new Random(42);
		final List<RandomCase> list = new ArrayList<>();
		final MaskKind[] masks = { MaskKind.ONE_PIXEL, MaskKind.SPECKLE, MaskKind.RECTANGLES,
			MaskKind.SCRATCHES, MaskKind.BORDER_FRAME, MaskKind.HUGE };
		for (int i = 0; i < n; i++) {
			final PixelKind k = PixelKind.values()[r.nextInt(PixelKind.values().length)];
			list.add(new RandomCase(k, 1 + r.nextInt(2), 8 + r.nextInt(80), 8 + r.nextInt(80),
				Content.values()[r.nextInt(Content.values().length)], masks[i % masks.length], r
					.nextLong(), new int[] { new int[] { 0, 16, 32 }[r.nextInt(3)], r.nextInt(20), 1 + r
						.nextInt(30) }));
		}
		return list;
	}

	private static long[] repair(final TileFiller f, final RandomCase c) {
		final Img<? extends RealType<?>> image = c.image();
		final Img<BitType> mask = c.mask();
		try {
			return RandomCase.bits(InpaintPropertiesTest.run(image, mask, f, c));
		}
		catch (final RuntimeException e) {
			return new long[] { e.getMessage().hashCode() }; // the same error is the same result
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "harmonic", "biharmonic",
		"2dgs" })
	public void parallelRepairsGiveTheResultsOfSerialOnes(final String method) throws Exception {
		final List<RandomCase> cases = cases(method.equals("2dgs") ? 24
			: 36);
		final List<long[]> alone = new ArrayList<>();
		try (TileFiller f = TestModels.open(method, options(method))) {
			for (final RandomCase c : cases)
				alone.add(repair(f, c));
		}
		// Every case again, on several threads at once, in another order, each thread its own filler.
		final List<Integer> order = new ArrayList<>();
		for (int i = 0; i < cases.size(); i++)
			order.add(i);
		Collections.shuffle(order, new Random(7));
		final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		final ThreadLocal<TileFiller> fillers = new ThreadLocal<>();
		final List<TileFiller> opened = Collections.synchronizedList(new ArrayList<>());
		try {
			final List<Future<long[]>> futures = new ArrayList<>();
			for (final int i : order)
				futures.add(pool.submit(() -> {
					TileFiller f = fillers.get();
					if (f == null) {
						f = TestModels.open(method, options(method));
						fillers.set(f);
						opened.add(f);
					}
					return repair(f, cases.get(i));
				}));
			for (int k = 0; k < order.size(); k++)
				assertArrayEquals(alone.get(order.get(k)), futures.get(k).get(), method + ": " + cases
					.get(order.get(k)) + " differs when run in parallel");
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
			for (final TileFiller f : opened)
				f.close();
		}
	}

	/**
	 * libtorch splits its reductions by its own thread count, so the model's floats may change in
	 * the last bits with it (seen: one grey level of 16 bits). Promised: pixels outside the mask
	 * stay bit-identical, and filled pixels agree to float rounding (1e-5 of the normalisation unit,
	 * plus one unit of an integer type). Java threads, in contrast, change nothing at all
	 * ({@link #parallelRepairsGiveTheResultsOfSerialOnes}).
	 */
	@Test
	public void torchThreadCountChangesFilledPixelsOnlyByRounding() {
		final List<RandomCase> cases = cases(12);
		try (TileFiller f = TestModels.open("2dgs", TestModels
			.gsOptions()))
		{
			for (final RandomCase c : cases) {
				JniUtils.setNumThreads(1);
				final long[] one = repair(f, c);
				JniUtils.setNumThreads(Math.max(2, Runtime.getRuntime().availableProcessors()));
				final long[] many = repair(f, c);
				assertEquals(one.length, many.length, c.toString());
				if (one.length == 1) {
					assertEquals(one[0], many[0], c.toString());
					continue;
				}
				final Img<? extends RealType<?>> image = c.image();
				final boolean[] hole = holes(c);
				double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
				for (final RealType<?> t : image)
					if (Double.isFinite(t.getRealDouble())) {
						lo = Math.min(lo, t.getRealDouble());
						hi = Math.max(hi, t.getRealDouble());
					}
				final boolean isFloat = c.kind.isFloat();
				// the normalisation unit is the context's range, or the magnitude of a flat context
				final double unit = Math.max(hi - lo, Math.max(Math.abs(lo), Math.abs(hi)));
				final double tolerance = 1e-5 * unit + (isFloat ? 0 : 1);
				for (int i = 0; i < one.length; i++) {
					if (one[i] == many[i]) continue;
					final String where = c + ": sample " + i;
					if (!hole[i % hole.length]) throw new AssertionError(where +
						" outside the mask changed with the torch thread count");
					final double a = value(one[i], c.kind), b = value(many[i], c.kind);
					if (!(Math.abs(a - b) <= tolerance)) throw new AssertionError(where + ": " + a +
						" vs " + b);
				}
			}
		}
		finally {
			JniUtils.setNumThreads(Runtime.getRuntime().availableProcessors());
		}
	}

	private static boolean[] holes(final RandomCase c) {
		final boolean[] h = new boolean[c.width * c.height];
		int i = 0;
		for (final BitType b : c.mask())
			h[i++] = b.get();
		return h;
	}

	private static double value(final long bits, final PixelKind kind) {
		if (kind == PixelKind.F32) return Float.intBitsToFloat((int) bits);
		if (kind == PixelKind.F64) return Double.longBitsToDouble(bits);
		return bits;
	}

	// -- Two Fiji commands at the same time --

	private static ImagePlus photo(final boolean rgb, final int seed) {
		final Random r = new Random(seed);
		final int w = 120, h = 90;
		final ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < 3; z++) {
			if (rgb) {
				final ColorProcessor cp = new ColorProcessor(w, h);
				for (int i = 0; i < w * h; i++)
					cp.set(i, r.nextInt(0x1000000));
				stack.addSlice(cp);
			}
			else {
				final FloatProcessor fp = new FloatProcessor(w, h);
				for (int i = 0; i < w * h; i++)
					fp.setf(i, (float) Math.sin(i * 0.01 + z) * 100 + r.nextFloat());
				stack.addSlice(fp);
			}
		}
		final ImagePlus imp = new ImagePlus(rgb ? "rgb" : "float", stack);
		imp.setRoi(new Roi(30, 20, 25, 18));
		return imp;
	}

	private static InpaintJob job(final String method) {
		InpaintOptions o = InpaintOptions.defaults().withMethod(method).withDevice("cpu")
			.withPlanes(InpaintOptions.ALL_PLANES);
		if (method.equals("2dgs") && !TestModels.hasTrainedModel())
			o = o.withModel(TestModels.fixture().toString());
		return new InpaintJob(o);
	}

	private static List<Object> pixels(final ImagePlus imp) {
		final List<Object> planes = new ArrayList<>();
		for (int i = 1; i <= imp.getStackSize(); i++)
			planes.add(imp.getStack().getPixels(i));
		return planes;
	}

	private static void assertSamePixels(final ImagePlus a, final ImagePlus b) {
		assertEquals(a.getStackSize(), b.getStackSize());
		for (int i = 1; i <= a.getStackSize(); i++) {
			final Object pa = a.getStack().getPixels(i), pb = b.getStack().getPixels(i);
			if (pa instanceof float[]) assertArrayEquals((float[]) pa, (float[]) pb);
			else if (pa instanceof int[]) assertArrayEquals((int[]) pa, (int[]) pb);
			else if (pa instanceof short[]) assertArrayEquals((short[]) pa, (short[]) pb);
			else assertArrayEquals((byte[]) pa, (byte[]) pb);
		}
	}

	@Test
	public void twoFijiCommandsAtOnceGiveTheirResultsAlone() throws Exception {
		final String[][] runs = { { "2dgs", "rgb" }, {
			"biharmonic", "float" }, { "harmonic", "rgb" }, {
				"2dgs", "float" } };
		final List<ImagePlus> alone = new ArrayList<>();
		for (int i = 0; i < runs.length; i++)
			alone.add(job(runs[i][0]).run(photo(runs[i][1].equals("rgb"), i), Progress.NONE));
		final CountDownLatch start = new CountDownLatch(1);
		final ExecutorService pool = Executors.newFixedThreadPool(runs.length);
		try {
			final List<Future<ImagePlus>> together = new ArrayList<>();
			for (int i = 0; i < runs.length; i++) {
				final int k = i;
				final ImagePlus input = photo(runs[k][1].equals("rgb"), k);
				together.add(pool.submit((Callable<ImagePlus>) () -> {
					start.await();
					return job(runs[k][0]).run(input, Progress.NONE);
				}));
			}
			start.countDown();
			for (int i = 0; i < runs.length; i++)
				assertSamePixels(alone.get(i), together.get(i).get());
		}
		finally {
			pool.shutdown();
		}
	}

	// -- A multi-threaded command-line run --

	@Test
	public void commandLineRunsAtOnceGiveTheirResultsAlone() throws Exception {
		final int n = 4;
		final List<String> lines = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final ImagePlus imp = photo(i % 2 == 0, 100 + i);
			imp.deleteRoi();
			assertEquals(true, new FileSaver(imp).saveAsTiffStack(dir.resolve("in" + i + ".tif")
				.toString()));
			final ByteProcessor m = new ByteProcessor(120, 90);
			m.setValue(255);
			m.setRoi(5 + 10 * i, 40, 30, 7);
			m.fill();
			assertEquals(true, new FileSaver(new ImagePlus("m", m)).saveAsTiff(dir.resolve("m" + i +
				".tif").toString()));
			lines.add("in" + i + ".tif\tm" + i + ".tif\t%s" + i + ".tif");
		}
		final String[] methods = { "harmonic", "2dgs" };
		final String model = TestModels.hasTrainedModel() ? null : TestModels.fixture().toString();
		// alone, then every method's manifest at the same time
		for (final String tag : new String[] { "alone", "together" }) {
			final ExecutorService pool = Executors.newFixedThreadPool(methods.length);
			final CountDownLatch start = new CountDownLatch(1);
			final List<Future<Integer>> codes = new ArrayList<>();
			try {
				for (final String method : methods) {
					final Path manifest = dir.resolve(tag + "-" + method + ".tsv");
					final String prefix = tag + "-" + method + "-out";
					Files.write(manifest, String.join("\n", lines).replace("%s", prefix).getBytes(
						StandardCharsets.UTF_8));
					final List<String> args = new ArrayList<>(List.of("--manifest", manifest.toString(),
						"--method", method, "--device", "cpu", "--tile", "32"));
					if (model != null) args.addAll(List.of("--model", model));
					final Callable<Integer> run = () -> {
						start.await();
						return InpaintCli.run(args.toArray(new String[0]));
					};
					if (tag.equals("alone")) {
						start.countDown();
						assertEquals(0, run.call().intValue());
					}
					else codes.add(pool.submit(run));
				}
				start.countDown();
				for (final Future<Integer> c : codes)
					assertEquals(0, c.get().intValue());
			}
			finally {
				pool.shutdown();
			}
		}
		for (final String method : methods)
			for (int i = 0; i < n; i++)
				assertSamePixels(IJ.openImage(dir.resolve("alone-" + method + "-out" + i + ".tif")
					.toString()), IJ.openImage(dir.resolve("together-" + method + "-out" + i + ".tif")
						.toString()));
	}
}
