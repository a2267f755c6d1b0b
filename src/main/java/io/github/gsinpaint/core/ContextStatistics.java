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

import java.util.SplittableRandom;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;

/** Intensity ranges of the known, finite pixels around a region (its context). */
final class ContextStatistics {

	/** Samples kept per channel for the percentiles; more only costs sorting time. */
	static final int MAX_SAMPLES = 1 << 16;
	/**
	 * Fixed, so the same input always gives the same sample and so the same output. Any value
	 * does; the point is that the sample is random with respect to the image grid.
	 */
	private static final long SEED = 0x9E3779B97F4A7C15L;

	private ContextStatistics() {}

	/**
	 * Every known, finite pixel of the region is visited: its exact minimum and maximum are kept
	 * (the fill is clamped to them), and a uniform random sample of them (reservoir sampling)
	 * gives the percentiles. A sub-grid of the region, as used before, aliases with periodic
	 * masks (every other row, a checkerboard, dead detector lines on a regular pitch): the grid
	 * could land on masked pixels only and a valid mask was refused.
	 *
	 * @return one range per channel of the group; for a joint group (several channels filled
	 *         together, i.e. colour) all channels share one range so hues are preserved
	 * @throws InpaintException when the region has no known finite pixel at all
	 */
	static IntensityRange[] ranges(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final Region region,
		final int[] channels)
	{
		return ranges(image, mask, region, channels, Progress.NONE);
	}

	/**
	 * As {@link #ranges(RandomAccessibleInterval, RandomAccessibleInterval, Region, int[])},
	 * polling {@code progress} for cancellation on every row: a region may span a whole 8k image.
	 */
	static IntensityRange[] ranges(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final Region region,
		final int[] channels, final Progress progress)
	{
		final boolean joint = channels.length > 1;
		final int groups = joint ? 1 : channels.length;
		final Reservoir[] reservoirs = new Reservoir[groups];
		for (int g = 0; g < groups; g++)
			reservoirs[g] = new Reservoir(new SplittableRandom(SEED + g));
		final RandomAccess<? extends RealType<?>> ra = image.randomAccess();
		final RandomAccess<? extends BooleanType<?>> m = mask.randomAccess();
		final boolean hasChannelAxis = image.numDimensions() > 2;
		for (int y = region.y0; y < region.y0 + region.height; y++) {
			progress.checkCancelled();
			for (int x = region.x0; x < region.x0 + region.width; x++) {
				m.setPosition(x, 0);
				m.setPosition(y, 1);
				if (m.get().get()) continue;
				ra.setPosition(x, 0);
				ra.setPosition(y, 1);
				for (int c = 0; c < channels.length; c++) {
					if (hasChannelAxis) ra.setPosition(channels[c], 2);
					final double v = ra.get().getRealDouble();
					if (Double.isFinite(v)) reservoirs[joint ? 0 : c].add(v);
				}
			}
		}
		final IntensityRange[] ranges = new IntensityRange[channels.length];
		for (int c = 0; c < channels.length; c++) {
			final Reservoir r = reservoirs[joint ? 0 : c];
			ranges[c] = require(IntensityRange.fromSamples(r.samples, r.kept(), r.min, r.max), region);
		}
		return ranges;
	}

	/** A uniform random sample of at most {@link #MAX_SAMPLES} values, with the exact extremes. */
	private static final class Reservoir {

		final double[] samples = new double[MAX_SAMPLES];
		final SplittableRandom random;
		long seen;
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;

		Reservoir(final SplittableRandom random) {
			this.random = random;
		}

		void add(final double v) {
			if (v < min) min = v;
			if (v > max) max = v;
			if (seen < MAX_SAMPLES) samples[(int) seen] = v;
			else {
				final long j = random.nextLong(seen + 1);
				if (j < MAX_SAMPLES) samples[(int) j] = v;
			}
			seen++;
		}

		int kept() {
			return (int) Math.min(seen, MAX_SAMPLES);
		}
	}

	private static IntensityRange require(final IntensityRange r, final Region region) {
		if (r != null) return r;
		throw new InpaintException("No usable context around the damaged region at (" +
			region.x0 + ", " + region.y0 + "), " + region.width + " x " + region.height +
			" pixels: every pixel near it is masked or not a number. " +
			"Shrink the mask or increase the context margin.");
	}
}
