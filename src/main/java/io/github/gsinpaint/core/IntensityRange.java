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

import java.util.Arrays;

/**
 * Maps intensities of any range (16-bit counts, floats with negatives) to about [0, 1] and back.
 * The range is taken from robust percentiles of the known context, so one hot pixel left outside
 * the mask does not squash the rest of the image into a sliver of the range.
 */
final class IntensityRange {

	static final double LOW_PERCENTILE = 0.005, HIGH_PERCENTILE = 0.995;
	/** Enough samples for stable percentiles; more only costs sorting time. */
	private static final int MAX_SAMPLES = 1 << 16;

	final double offset, scale;
	/** The exact extremes of the known context: no fill goes beyond them. */
	final double min, max;

	IntensityRange(final double offset, final double scale, final double min, final double max) {
		this.offset = offset;
		this.scale = scale;
		this.min = min;
		this.max = max;
	}

	/**
	 * How far beyond the robust range a normalised value may lie, in units of that range. A lone
	 * finite outlier left outside the mask (1e22 or more in a 32-bit image of values near 1; 1e20
	 * still passed) overflowed float arithmetic inside the model: its field became NaN and the
	 * hole next to it one flat value. No fill needs a context value ten thousand ranges out, and
	 * the known pixels themselves are never written back.
	 */
	static final float OUTLIER_LIMIT = 1e4f;

	float normalise(final double v) {
		final double n = (v - offset) / scale;
		return (float) (n < -OUTLIER_LIMIT ? -OUTLIER_LIMIT : n > OUTLIER_LIMIT ? OUTLIER_LIMIT : n);
	}

	/**
	 * Back to input units, clamped to the known extremes: the fill was clipped to the known range
	 * in normalised float units, and the round trip through float can land a few ulps beyond the
	 * true extreme (1e-7 relative), which is outside what the image shows.
	 */
	double denormalise(final float v) {
		final double d = v * scale + offset;
		return d < min ? min : d > max ? max : d;
	}

	/**
	 * @param values known, finite context values (may be a prefix of the array)
	 * @param count how many entries of {@code values} are valid
	 * @param min the smallest known value (of all, not only of the sample)
	 * @param max the largest known value
	 * @return null when there is no known value at all
	 */
	static IntensityRange fromSamples(final double[] values, final int count, final double min,
		final double max)
	{
		if (count == 0) return null;
		final int stride = Math.max(1, count / MAX_SAMPLES);
		final double[] s = new double[DamageMap.ceilDiv(count, stride)];
		for (int i = 0, k = 0; i < count; i += stride)
			s[k++] = values[i];
		// Two order statistics, not a sort: the values a sort would put there, in linear time.
		final int low = (int) Math.floor(LOW_PERCENTILE * (s.length - 1));
		final int high = (int) Math.ceil(HIGH_PERCENTILE * (s.length - 1));
		select(s, 0, s.length - 1, low);
		select(s, low, s.length - 1, high);
		final double lo = s[low];
		final double hi = s[high];
		if (hi > lo) return new IntensityRange(lo, hi - lo, min, max);
		// A flat context: centre it at 0.5 so the method sees a mid-grey, not black. The unit is
		// the value's own magnitude (not a floor such as 1e-6): offset + 0.5 unit must give the
		// value back, and 0.5e-6 - 0.5e-6 + 1e-30 is 0 in floating point.
		final double unit = lo != 0 ? Math.abs(lo) : 1;
		return new IntensityRange(lo - 0.5 * unit, unit, min, max);
	}

	/**
	 * Moves the k-th smallest of {@code a[from..to]} (in {@link Double#compare}'s order, that of
	 * {@link Arrays#sort}) to index k, smaller ones before it and larger ones after (Hoare's
	 * selection, median-of-three pivots).
	 */
	static void select(final double[] a, int from, int to, final int k) {
		while (to > from) {
			final int mid = (from + to) >>> 1;
			if (Double.compare(a[mid], a[from]) < 0) swap(a, mid, from);
			if (Double.compare(a[to], a[from]) < 0) swap(a, to, from);
			if (Double.compare(a[to], a[mid]) < 0) swap(a, to, mid);
			final double pivot = a[mid];
			int i = from, j = to;
			while (i <= j) {
				while (Double.compare(a[i], pivot) < 0)
					i++;
				while (Double.compare(pivot, a[j]) < 0)
					j--;
				if (i <= j) swap(a, i++, j--);
			}
			if (k <= j) to = j;
			else if (k >= i) from = i;
			else return;
		}
	}

	private static void swap(final double[] a, final int i, final int j) {
		final double t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}
