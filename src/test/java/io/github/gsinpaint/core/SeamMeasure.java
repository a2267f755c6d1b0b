package io.github.gsinpaint.core;

/**
 * A measure of seams in a fill: the mean absolute jump between horizontally or vertically
 * neighbouring hole pixels near the suspected seam lines (tile borders and their blending bands),
 * divided by the same mean over the rest of the hole. A seamless fill scores about 1 (a linear ramp
 * exactly 1); a grid of tiles that each went their own way scores far above it, since its jumps
 * concentrate where tiles meet.
 */
final class SeamMeasure {

	private SeamMeasure() {}

	/**
	 * @param v the filled image, {@code v[y * w + x]}
	 * @param hole the pixels that were filled
	 * @param near per pixel: whether it lies at a suspected seam
	 */
	static double ratio(final double[] v, final boolean[] hole, final int w, final int h,
		final boolean[] near)
	{
		double seam = 0, rest = 0;
		long ns = 0, nr = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int p = y * w + x;
				if (!hole[p]) continue;
				for (final int q : new int[] { x + 1 < w ? p + 1 : -1, y + 1 < h ? p + w : -1 }) {
					if (q < 0 || !hole[q]) continue;
					final double d = Math.abs(v[q] - v[p]);
					if (near[p] || near[q]) {
						seam += d;
						ns++;
					}
					else {
						rest += d;
						nr++;
					}
				}
			}
		if (ns == 0 || nr == 0) throw new IllegalArgumentException("no pairs " + (ns == 0
			? "at the seams" : "away from them"));
		return (seam / ns) / Math.max(1e-12, rest / nr);
	}

	/**
	 * @return the pixels within {@code band} of a tile edge (the first or last column or row of a
	 *         tile) of the layout the pipeline uses for this mask
	 */
	static boolean[] tileBorders(final net.imglib2.RandomAccessibleInterval<
		? extends net.imglib2.type.BooleanType<?>> mask, final TileFiller filler, final int tile,
		final InpaintSettings s, final int band)
	{
		final DamageMap damage = DamageMap.of(mask);
		final int w = damage.width, h = damage.height;
		final boolean[] near = new boolean[w * h];
		for (final Region r : damage.regions(s.contextMargin()))
			for (final int[] t : RegionFill.tiles(r, damage, tile, filler, s.overlap()))
				for (int y = Math.max(0, t[1]); y < Math.min(h, t[1] + t[3]); y++)
					for (int x = Math.max(0, t[0]); x < Math.min(w, t[0] + t[2]); x++) {
						final int d = Math.min(Math.min(x - t[0], t[0] + t[2] - 1 - x), Math.min(y - t[1],
							t[1] + t[3] - 1 - y));
						if (d < band) near[y * w + x] = true;
					}
		return near;
	}
}
