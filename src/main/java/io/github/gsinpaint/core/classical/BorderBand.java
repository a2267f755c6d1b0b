package io.github.gsinpaint.core.classical;

import io.github.gsinpaint.core.Progress;

/**
 * Re-solves the band of a filled hole next to the known pixels biharmonically, keeping the given
 * fill deeper inside as extra boundary values. A learned fill that renders at a coarser grid than
 * the pixels (the 2DGS model: one Gaussian per 2x2 pixels) continues fine detail less exactly than
 * a smooth fill right at the border; the band gets the smooth fill, the interior keeps the learned
 * content, and the two meet without a seam. A defect thinner than twice the band is filled
 * biharmonically throughout. python/tune_hybrid.py applies the same rule and chose the width.
 */
public final class BorderBand {

	private BorderBand() {}

	/**
	 * @param tile the known values (as given to the filler)
	 * @param hole the hole map
	 * @param filled the first fill (read at hole pixels deeper than {@code band})
	 * @param band width in pixels: hole pixels at Euclidean distance {@code <= band} from a known
	 *          pixel are re-solved; 0 returns {@code filled} unchanged
	 * @param share the smooth fill's share in the band (1 = smooth fill only; below 1 the band is
	 *          a weighted mean of both fills, whose errors are partly independent)
	 * @return the combined fill (a new array)
	 */
	public static float[][] refine(final float[][] tile, final boolean[] hole,
		final float[][] filled, final int w, final int h, final double band, final double share,
		final Progress progress)
	{
		if (band <= 0 || share <= 0) return filled;
		final float a = (float) Math.min(1, share);
		final double[] dist = DistanceTransform.toKnown(hole, w, h);
		final boolean[] ring = new boolean[w * h];
		boolean any = false;
		for (int i = 0; i < ring.length; i++) {
			ring[i] = hole[i] && dist[i] <= band;
			any |= ring[i];
		}
		if (!any) return filled;
		final float[][] seeded = new float[tile.length][];
		for (int c = 0; c < tile.length; c++) {
			seeded[c] = tile[c].clone();
			for (int i = 0; i < ring.length; i++)
				if (hole[i] && !ring[i]) seeded[c][i] = filled[c][i];
		}
		final float[][] smooth = HoleSystem.fill(seeded, ring, w, h, HoleSystem.Kind.BIHARMONIC,
			progress);
		final float[][] out = new float[tile.length][];
		for (int c = 0; c < tile.length; c++) {
			out[c] = filled[c].clone();
			for (int i = 0; i < ring.length; i++)
				if (ring[i]) out[c][i] = a * smooth[c][i] + (1 - a) * filled[c][i];
		}
		return out;
	}
}
