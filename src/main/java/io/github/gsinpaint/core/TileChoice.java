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

import java.util.List;

import net.imglib2.Interval;
import net.imglib2.util.Intervals;

/**
 * Chooses the tile length of one region for a method whose tile cost is known
 * ({@link TileFiller#tileCost()}): among lengths from the method's tile up to twice it (in steps
 * of its multiple), the one whose tiles over the region cost least, or a larger one that costs no
 * more than {@link #TOLERANCE} above that. A larger tile gives the method more context, which
 * fills large holes better (docs/BENCHMARKS.md 4.1); on a small image one large tile also
 * replaces many small ones and their overlaps. But a large tile costs several small ones (a 512
 * px tile of the model about four of 256 px on 2 CPU cores), so a large region with sparse damage,
 * where small tiles skip the intact parts, keeps the method's own tile.
 * <p>
 * The choice is made on the whole region, so the chunks of a cut region share it and with it the
 * whole region's tile layout ({@link RegionFill#tiles}).
 */
final class TileChoice {

	/**
	 * Cost above the least within which the larger tile is still taken: its context is worth a
	 * little, and the measured costs it rests on are no better than a few percent.
	 */
	static final double TOLERANCE = 0.05;

	private TileChoice() {}

	/**
	 * @param region a whole region (its chunks share its tile)
	 * @param tile the method's tile length (a multiple of its tile multiple)
	 * @return the tile length for the region: {@code tile} when the method's tile cost is unknown
	 *         or when no larger tile gives a cheaper (or, within the tolerance, as cheap) layout
	 */
	static int forRegion(final Region region, final DamageMap damage, final int tile,
		final TileFiller filler, final int overlap)
	{
		final TileCost cost = filler.tileCost();
		// A region that fits one tile gets the same single tile from every longer length: most
		// regions of sparse damage, which so cost nothing to choose for.
		if (cost == null || region.whole.width <= tile && region.whole.height <= tile) return tile;
		final int step = filler.tileMultiple();
		final int candidates = tile / step + 1;
		final int[] lengths = new int[candidates];
		final double[] costs = new double[candidates];
		int n = 0;
		List<Interval> previous = null;
		for (int t = tile; t <= 2 * tile; t += step) {
			final List<Interval> tiles = RegionFill.tiles(region.whole, damage, t, filler, overlap);
			// A longer tile that changes nothing (the region fits a shorter one) is no choice: the
			// shortest length of a layout is kept, so a region that fits the method's tile keeps it.
			if (previous != null && sameTiles(previous, tiles)) continue;
			previous = tiles;
			lengths[n] = t;
			costs[n] = total(tiles, cost);
			n++;
		}
		double least = Double.POSITIVE_INFINITY;
		for (int k = 0; k < n; k++)
			least = Math.min(least, costs[k]);
		int chosen = tile;
		for (int k = 0; k < n; k++)
			if (costs[k] <= least * (1 + TOLERANCE)) chosen = lengths[k];
		return chosen;
	}

	/** @return the estimated cost of running every tile */
	static double total(final List<Interval> tiles, final TileCost cost) {
		double sum = 0;
		for (final Interval t : tiles)
			sum += cost.of((int) t.dimension(0), (int) t.dimension(1));
		return sum;
	}

	private static boolean sameTiles(final List<Interval> a, final List<Interval> b) {
		if (a.size() != b.size()) return false;
		for (int k = 0; k < a.size(); k++)
			if (!Intervals.equals(a.get(k), b.get(k))) return false;
		return true;
	}
}
