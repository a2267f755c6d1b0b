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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.core.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/** Planted defects on synthetic noisy images are found, and nothing else. */
class DefectFinderTest {

	/** A smooth scene (gradients and a soft blob) with Gaussian noise of the given SD. */
	private static ImageProcessor scene(final ImageProcessor ip, final double noise,
		final long seed)
	{
		final Random r = new Random(seed);
		final int w = ip.getWidth(), h = ip.getHeight();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double blob = 300 * Math.exp(-((x - w / 2.0) * (x - w / 2.0) + (y - h / 3.0) * (y -
					h / 3.0)) / 400.0);
				ip.putPixelValue(x, y, 1000 + 3 * x + 2 * y + blob + noise * r.nextGaussian());
			}
		return ip;
	}

	private static Set<Integer> found(final ArrayImg<BitType, LongArray> m, final int w) {
		final Set<Integer> out = new HashSet<>();
		final int h = (int) m.dimension(1);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (MaskBuilder.get(m, x, y)) out.add(y * w + x);
		return out;
	}

	@Test
	void hotDeadPixelsAndSpecksAreFoundAndNothingElse() {
		for (final long seed : new long[] { 1, 2, 3 }) {
			final ImageProcessor ip = scene(new ShortProcessor(160, 120), 8, seed);
			final int w = ip.getWidth();
			final Set<Integer> planted = new HashSet<>();
			ip.set(10, 10, 65535); // hot
			planted.add(10 * w + 10);
			ip.set(100, 50, 0); // dead
			planted.add(50 * w + 100);
			for (int y = 80; y < 82; y++) // a 2 x 2 cosmic-ray speck
				for (int x = 40; x < 42; x++) {
					ip.set(x, y, 5000);
					planted.add(y * w + x);
				}
			final Set<Integer> got = found(DefectFinder.outlierPixels(ip, DefectFinder
				.DEFAULT_THRESHOLD), w);
			assertEquals(planted, got, "seed " + seed);
		}
	}

	@Test
	void deadAndStuckLinesAreFoundAndNothingElse() {
		final ImageProcessor ip = scene(new ShortProcessor(150, 100), 6, 4);
		for (int x = 0; x < 150; x++)
			ip.set(x, 30, 0); // dead row
		for (int y = 0; y < 100; y++) {
			ip.set(70, y, 4095); // stuck column
			ip.set(71, y, 4095); // and its neighbour
		}
		final ArrayImg<BitType, LongArray> m = DefectFinder.badLines(ip, DefectFinder
			.DEFAULT_THRESHOLD);
		final Set<Integer> expected = new HashSet<>();
		for (int y = 0; y < 100; y++)
			for (int x = 0; x < 150; x++)
				if (y == 30 || x == 70 || x == 71) expected.add(y * 150 + x);
		assertEquals(expected, found(m, 150));
	}

	@Test
	void cleanImagesOfEveryTypeGiveNothing() {
		final ImageProcessor[] clean = { scene(new ShortProcessor(120, 90), 5, 5), scene(
			new FloatProcessor(120, 90), 5, 6) };
		for (final ImageProcessor ip : clean) {
			assertEquals(0, MaskBuilder.count(DefectFinder.outlierPixels(ip, 6)), ip.toString());
			assertEquals(0, MaskBuilder.count(DefectFinder.badLines(ip, 6)), ip.toString());
		}
		final ColorProcessor rgb = new ColorProcessor(120, 90);
		final Random r = new Random(7);
		for (int i = 0; i < 120 * 90; i++) {
			final int g = 100 + i % 120 / 2 + (int) (3 * r.nextGaussian());
			rgb.set(i, (g << 16) | (g << 8) | g);
		}
		assertEquals(0, MaskBuilder.count(DefectFinder.outlierPixels(rgb, 6)));
		rgb.set(60, 40, 0xff0000); // a pixel hot in red only
		assertTrue(MaskBuilder.get(DefectFinder.outlierPixels(rgb, 6), 60, 40));
	}

	@Test
	void theJobRepairsFoundDefectsOnly() {
		final ImageProcessor ip = scene(new ShortProcessor(100, 80), 6, 8);
		ip.set(50, 40, 65535);
		final short[] before = ((short[]) ip.getPixels()).clone();
		final ImagePlus imp = new ImagePlus("hot", ip);
		final InpaintJob job = new InpaintJob(InpaintOptions.defaults().withMethod("harmonic")
			.withMaskSource(InpaintOptions.OUTLIERS));
		final ImagePlus out = job.run(imp, Progress.NONE);
		final short[] after = (short[]) out.getProcessor().getPixels();
		for (int i = 0; i < before.length; i++)
			if (i != 40 * 100 + 50) assertEquals(before[i], after[i], "pixel " + i);
		assertTrue((after[40 * 100 + 50] & 0xffff) < 2000);
		assertTrue(out.getInfoProperty().contains("mask_source=[outlier pixels] threshold=6.0"), out
			.getInfoProperty());
	}

	/**
	 * One infinite pixel (a float detector's overflow) made the noise floor infinite, so nothing
	 * at all was found in that plane, not even the infinite pixel itself or a plain hot pixel.
	 */
	@Test
	void infinitePixelsAreFoundAndDoNotHideTheOthers() {
		final FloatProcessor ip = (FloatProcessor) scene(new FloatProcessor(160, 120), 8, 9);
		final int w = ip.getWidth();
		ip.setf(20, 20, Float.POSITIVE_INFINITY);
		ip.setf(90, 60, Float.NEGATIVE_INFINITY);
		ip.setf(130, 100, 60000); // hot
		final Set<Integer> planted = Set.of(20 * w + 20, 60 * w + 90, 100 * w + 130);
		assertEquals(planted, found(DefectFinder.outlierPixels(ip, DefectFinder.DEFAULT_THRESHOLD),
			w));
		for (int y = 0; y < 120; y++)
			ip.setf(50, y, 0); // a dead column beside the infinities
		final Set<Integer> column = new HashSet<>();
		for (int y = 0; y < 120; y++)
			column.add(y * w + 50);
		assertTrue(found(DefectFinder.badLines(ip, DefectFinder.DEFAULT_THRESHOLD), w).containsAll(
			column));
	}
}
