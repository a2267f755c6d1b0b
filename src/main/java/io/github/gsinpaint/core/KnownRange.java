package io.github.gsinpaint.core;

/**
 * Clamps a fill to the range of the known values of its tile, channel by channel; applied by
 * {@link RegionFill} to every method's fill. A biharmonic
 * fill has no maximum principle: near a sharp edge it overshoots beyond anything the tile shows
 * (a ring of too-bright or too-dark pixels), and a learned fill can do the same. A value outside
 * the range of the known neighbourhood is almost never right, so it is clipped to that range
 * (scikit-image's biharmonic fill clips the same way, to the known range of the image).
 */
final class KnownRange {

	private KnownRange() {}

	/**
	 * @param tile the known values (hole pixels and non-finite values are ignored)
	 * @param hole the hole map
	 * @param filled the fill, clamped in place at hole pixels; a channel without a finite known
	 *          value is left as it is
	 * @return {@code filled}
	 */
	static float[][] clampInPlace(final float[][] tile, final boolean[] hole,
		final float[][] filled)
	{
		for (int c = 0; c < tile.length; c++) {
			float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
			final float[] known = tile[c];
			for (int i = 0; i < hole.length; i++) {
				if (hole[i] || !Float.isFinite(known[i])) continue;
				lo = Math.min(lo, known[i]);
				hi = Math.max(hi, known[i]);
			}
			if (lo > hi) continue;
			final float[] f = filled[c];
			for (int i = 0; i < hole.length; i++)
				if (hole[i]) f[i] = Math.max(lo, Math.min(hi, f[i]));
		}
		return filled;
	}
}
