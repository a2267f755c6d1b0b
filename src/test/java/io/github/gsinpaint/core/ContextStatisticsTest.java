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
package io.github.gsinpaint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.classical.HarmonicFiller;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The context statistics see every known pixel: periodic masks cannot hide the context from
 * them, a flat context keeps its value, and no fill goes beyond the known extremes.
 */
class ContextStatisticsTest {

	private static Img<FloatType> ramp(final int w, final int h) {
		final Img<FloatType> img = ArrayImgs.floats(w, h);
		final Cursor<FloatType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.get().set(100 + 0.1f * c.getIntPosition(0) + 0.05f * c.getIntPosition(1));
		}
		return img;
	}

	/** Dead detector lines on a regular pitch: the old sampling grid landed on them only. */
	@ParameterizedTest(name = "{0}x{0} {1} period {2}")
	@CsvSource({ "512,rows,2", "512,rows,4", "768,rows,3", "1024,columns,4", "512,checker,1",
		"1024,checker,2", "640,rows,2" })
	void periodicMasksAreNotRefused(final int size, final String kind, final int period) {
		final Img<FloatType> img = ramp(size, size);
		final Img<BitType> mask = ArrayImgs.bits(size, size);
		final Cursor<BitType> m = mask.localizingCursor();
		while (m.hasNext()) {
			m.fwd();
			final int x = m.getIntPosition(0), y = m.getIntPosition(1);
			final boolean hole;
			if (kind.equals("rows")) hole = y % period == 0;
			else if (kind.equals("columns")) hole = x % period == 0;
			else hole = (x / period + y / period) % 2 == 0;
			m.get().set(hole);
		}
		try (TileFiller f = new HarmonicFiller()) {
			final Img<FloatType> out = Inpainting.inpaint(img, mask, f, InpaintSettings.defaults(),
				Progress.NONE);
			final RandomAccess<FloatType> o = out.randomAccess();
			o.setPosition(new int[] { size / 2, size / 2 });
			assertTrue(Float.isFinite(o.get().get()));
		}
	}

	@Test
	void aFlatTinyImageKeepsItsValue() {
		for (final float v : new float[] { 1e-30f, -1e-30f, 1.4e-45f, 3e38f, 0f, 1e-6f }) {
			final Img<FloatType> img = ArrayImgs.floats(40, 30);
			img.forEach(p -> p.set(v));
			final Img<BitType> mask = ArrayImgs.bits(40, 30);
			final RandomAccess<BitType> m = mask.randomAccess();
			for (int y = 10; y < 20; y++)
				for (int x = 12; x < 22; x++) {
					m.setPosition(new int[] { x, y });
					m.get().set(true);
				}
			try (TileFiller f = new HarmonicFiller()) {
				final Img<FloatType> out = Inpainting.inpaint(img, mask, f, InpaintSettings.defaults(),
					Progress.NONE);
				out.forEach(p -> assertEquals(Float.floatToIntBits(v), Float.floatToIntBits(p.get()),
					"flat " + v + " filled with " + p.get()));
			}
		}
	}

	@Test
	void theNormalisationRoundTripStaysWithinTheKnownExtremes() {
		// A fill clipped to the known maximum in normalised float units comes back through
		// denormalise: the float rounding used to land up to 1e-7 relative beyond the maximum.
		final Random random = new Random(7);
		int beyond = 0;
		for (int trial = 0; trial < 10_000; trial++) {
			final double lo = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 6);
			final double hi = lo + random.nextDouble() * Math.pow(10, random.nextInt(20) - 6);
			final double[] known = { lo, hi, lo + 0.3 * (hi - lo) };
			final IntensityRange r = IntensityRange.fromSamples(known, known.length, lo, hi);
			for (final double v : known) {
				final double back = r.denormalise(r.normalise(v));
				if (back > hi || back < lo) beyond++;
			}
		}
		assertEquals(0, beyond, "values beyond the known extremes after the round trip");
	}

	/** The percentiles are picked by selection: the values a full sort gives, zeros' signs too. */
	@Test
	void selectionPicksWhatASortPicks() {
		final java.util.Random random = new java.util.Random(5);
		for (int round = 0; round < 300; round++) {
			final int n = 1 + random.nextInt(round < 200 ? 50 : 5000);
			final double[] a = new double[n];
			for (int i = 0; i < n; i++)
				a[i] = random.nextInt(4) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt(
					round % 3 == 0 ? 3 : 1000) - 10 * random.nextDouble() * (round % 2);
			final double[] sorted = a.clone();
			java.util.Arrays.sort(sorted);
			final int k = random.nextInt(n);
			final double[] picked = a.clone();
			IntensityRange.select(picked, 0, n - 1, k);
			assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(picked[k]),
				"round " + round + ", n " + n + ", k " + k);
			for (int i = 0; i < n; i++)
				assertTrue(Double.compare(picked[i], picked[k]) * Integer.compare(i, k) >= 0,
					"round " + round + ": not partitioned at " + i);
		}
	}
}
