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

/**
 * A measure of seams in a fill: the mean absolute jump between horizontally or vertically
 * neighbouring hole pixels where seams would be (where neighbouring tiles overlap and are blended),
 * divided by the same mean over the rest of the hole at the same depth in the hole. A seamless fill scores about 1 (a linear ramp
 * exactly 1); a grid of tiles that each went their own way scores far above it, since its jumps
 * concentrate where tiles meet.
 */
public final class SeamMeasure {

	private SeamMeasure() {}

	/**
	 * The seam measure of a finished fill of {@code mask} by {@code filler} with the tile layout the
	 * pipeline used (the filler's preferred tile and {@code s}); for benchmarks outside this package.
	 */
	public static double ofFill(final net.imglib2.img.Img<? extends net.imglib2.type.numeric
		.RealType<?>> out, final net.imglib2.img.Img<net.imglib2.type.logic.BitType> mask,
		final TileFiller filler, final InpaintSettings s)
	{
		final boolean[] near = tileOverlaps(mask, filler, filler.preferredTileSize(), s);
		return ratio(LargeHoleTest.values(out), LargeHoleTest.holes(mask), (int) mask.dimension(0),
			(int) mask.dimension(1), near);
	}

	/** Width of the distance bands that are compared separately, pixels. */
	static final int BAND = 16;

	/**
	 * The jumps are compared band by band of distance to the nearest known pixel, then averaged
	 * over the bands (weighted by their pairs at the seams): a fill is busier near the hole's
	 * border than deep inside, and tile borders cross those bands unevenly, which must not count
	 * as a seam.
	 *
	 * @param v the filled image, {@code v[y * w + x]}
	 * @param hole the pixels that were filled
	 * @param near per pixel: whether it lies at a suspected seam
	 */
	static double ratio(final double[] v, final boolean[] hole, final int w, final int h,
		final boolean[] near)
	{
		final double[] dist = DistanceTransform.toKnown(hole, w, h);
		int bands = 1;
		for (int p = 0; p < w * h; p++)
			if (hole[p]) bands = Math.max(bands, 1 + (int) (dist[p] / BAND));
		final double[] seam = new double[bands], rest = new double[bands];
		final long[] ns = new long[bands], nr = new long[bands];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int p = y * w + x;
				if (!hole[p]) continue;
				for (final int q : new int[] { x + 1 < w ? p + 1 : -1, y + 1 < h ? p + w : -1 }) {
					if (q < 0 || !hole[q]) continue;
					final double d = Math.abs(v[q] - v[p]);
					final int b = (int) (Math.min(dist[p], dist[q]) / BAND);
					if (near[p] || near[q]) {
						seam[b] += d;
						ns[b]++;
					}
					else {
						rest[b] += d;
						nr[b]++;
					}
				}
			}
		// A floor of a tenth of the hole's mean jump: deep inside a hole a smooth fill of an integer
		// image is flat to the last level, and 0 against 0 must not read as a seam.
		double all = 0;
		long pairs = 0;
		for (int b = 0; b < bands; b++) {
			all += seam[b] + rest[b];
			pairs += ns[b] + nr[b];
		}
		final double floor = 0.1 * all / Math.max(1, pairs) + 1e-12;
		double sum = 0;
		long weight = 0;
		for (int b = 0; b < bands; b++) {
			if (ns[b] == 0 || nr[b] == 0) continue;
			sum += ns[b] * (seam[b] / ns[b] + floor) / (rest[b] / nr[b] + floor);
			weight += ns[b];
		}
		if (weight == 0) throw new IllegalArgumentException("no distance band has pairs both at " +
			"the seams and away from them");
		return sum / weight;
	}

	/**
	 * @return the pixels that two or more tiles of the layout the pipeline uses for this mask
	 *         cover: the bands where neighbouring tiles are blended, the only places where tiles
	 *         that went their own way can show (a tile's outer edge, with no neighbour, is no seam)
	 */
	static boolean[] tileOverlaps(final net.imglib2.RandomAccessibleInterval<
		? extends net.imglib2.type.BooleanType<?>> mask, final TileFiller filler, final int tile,
		final InpaintSettings s)
	{
		final DamageMap damage = DamageMap.of(mask);
		final int w = damage.width, h = damage.height;
		final byte[] cover = new byte[w * h];
		for (final Region r : damage.regions(s.contextMargin()))
			for (final int[] t : xywh(RegionFill.tiles(r, damage, tile, filler, s.overlap())))
				for (int y = Math.max(0, t[1]); y < Math.min(h, t[1] + t[3]); y++)
					for (int x = Math.max(0, t[0]); x < Math.min(w, t[0] + t[2]); x++)
						if (cover[y * w + x] < 2) cover[y * w + x]++;
		final boolean[] near = new boolean[w * h];
		for (int i = 0; i < near.length; i++)
			near[i] = cover[i] >= 2;
		return near;
	}

	/** Tiles as {x, y, width, height}, for the tests' own pixel loops. */
	static java.util.List<int[]> xywh(final java.util.List<net.imglib2.Interval> tiles) {
		final java.util.List<int[]> out = new java.util.ArrayList<>();
		for (final net.imglib2.Interval t : tiles)
			out.add(new int[] { (int) t.min(0), (int) t.min(1), (int) t.dimension(0), (int) t
				.dimension(1) });
		return out;
	}
}
