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

	IntensityRange(final double offset, final double scale) {
		this.offset = offset;
		this.scale = scale;
	}

	float normalise(final double v) {
		return (float) ((v - offset) / scale);
	}

	double denormalise(final float v) {
		return v * scale + offset;
	}

	/**
	 * @param values known, finite context values (may be a prefix of the array)
	 * @param count how many entries of {@code values} are valid
	 * @return null when there is no known value at all
	 */
	static IntensityRange fromSamples(final double[] values, final int count) {
		if (count == 0) return null;
		final int stride = Math.max(1, count / MAX_SAMPLES);
		final double[] s = new double[DamageMap.ceilDiv(count, stride)];
		for (int i = 0, k = 0; i < count; i += stride)
			s[k++] = values[i];
		Arrays.sort(s);
		final double lo = s[(int) Math.floor(LOW_PERCENTILE * (s.length - 1))];
		final double hi = s[(int) Math.ceil(HIGH_PERCENTILE * (s.length - 1))];
		if (hi > lo) return new IntensityRange(lo, hi - lo);
		// A flat context: centre it at 0.5 so the method sees a mid-grey, not black.
		final double unit = Math.max(1e-6, Math.abs(lo));
		return new IntensityRange(lo - 0.5 * unit, unit);
	}
}
