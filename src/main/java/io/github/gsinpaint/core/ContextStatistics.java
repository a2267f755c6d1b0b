package io.github.gsinpaint.core;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;

/** Intensity ranges of the known, finite pixels around a region (its context). */
final class ContextStatistics {

	/** Pixels looked at per channel; a regular sub-grid keeps large regions cheap. */
	private static final int MAX_PIXELS = 1 << 16;

	private ContextStatistics() {}

	/**
	 * @return one range per channel of the group; for a joint group (several channels filled
	 *         together, i.e. colour) all channels share one range so hues are preserved
	 * @throws InpaintException when the region has no known finite pixel at all
	 */
	static IntensityRange[] ranges(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final Region region,
		final int[] channels)
	{
		final long area = region.area();
		final int step = (int) Math.max(1, Math.floor(Math.sqrt((double) area / MAX_PIXELS)));
		final int perChannel = DamageMap.ceilDiv(region.width, step) * DamageMap.ceilDiv(
			region.height, step);
		final boolean joint = channels.length > 1;
		final double[][] samples = new double[channels.length][perChannel];
		final int[] counts = new int[channels.length];
		final RandomAccess<? extends RealType<?>> ra = image.randomAccess();
		final RandomAccess<? extends BooleanType<?>> m = mask.randomAccess();
		final boolean hasChannelAxis = image.numDimensions() > 2;
		for (int y = region.y0; y < region.y0 + region.height; y += step) {
			for (int x = region.x0; x < region.x0 + region.width; x += step) {
				m.setPosition(x, 0);
				m.setPosition(y, 1);
				if (m.get().get()) continue;
				ra.setPosition(x, 0);
				ra.setPosition(y, 1);
				for (int c = 0; c < channels.length; c++) {
					if (hasChannelAxis) ra.setPosition(channels[c], 2);
					final double v = ra.get().getRealDouble();
					if (Double.isFinite(v)) samples[c][counts[c]++] = v;
				}
			}
		}
		final IntensityRange[] ranges = new IntensityRange[channels.length];
		if (joint) {
			int total = 0;
			for (final int k : counts)
				total += k;
			final double[] all = new double[total];
			int p = 0;
			for (int c = 0; c < channels.length; c++) {
				System.arraycopy(samples[c], 0, all, p, counts[c]);
				p += counts[c];
			}
			final IntensityRange shared = require(IntensityRange.fromSamples(all, total), region);
			java.util.Arrays.fill(ranges, shared);
		}
		else {
			for (int c = 0; c < channels.length; c++)
				ranges[c] = require(IntensityRange.fromSamples(samples[c], counts[c]), region);
		}
		return ranges;
	}

	private static IntensityRange require(final IntensityRange r, final Region region) {
		if (r != null) return r;
		throw new InpaintException("No usable context around the damaged region at (" +
			region.x0 + ", " + region.y0 + "), " + region.width + " x " + region.height +
			" pixels: every pixel near it is masked or not a number. " +
			"Shrink the mask or increase the context margin.");
	}
}
