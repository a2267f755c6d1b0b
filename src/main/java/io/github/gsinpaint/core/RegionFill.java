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

import java.util.ArrayList;
import java.util.List;


import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * Fills one region (or one chunk of a cut region, {@link RegionCuts}) for one group of channels:
 * normalises with the whole region's ranges, reads the window its tiles cover into a
 * {@link Frame}, gives a method that asks for one the whole hole's prior
 * ({@link WholeHoleSolver}), gives a method that sees only its tile a coarse-to-fine guide for
 * the pixels of a hole that lie beyond its tiles' reach ({@link CoarseToFine}; a method with a
 * prior then gets the prior of the band between the known pixels and the guided ones), runs the
 * method on overlapping
 * tiles ({@link TiledFill}) and finally writes the masked pixels of the region's own damaged
 * blocks into the output.
 * <p>
 * The frame is read from the input, never from the output, so the result does not depend on the
 * order in which regions are processed.
 */
final class RegionFill {

	private final RandomAccessibleInterval<? extends RealType<?>> image;
	private final RandomAccessibleInterval<? extends BooleanType<?>> mask;
	private final DamageMap damage;
	private final Region region;
	private final int[] channels;
	private final IntensityRange[] ranges;
	private Frame frame;
	private float[][] result;

	/**
	 * @param ranges the normalisation of the channels, from the context of the whole region
	 *          ({@link ContextStatistics#ranges} of {@link Region#whole}): shared by the chunks
	 *          of a cut region, so that the cut changes no pixel's scale
	 */
	RegionFill(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final DamageMap damage,
		final Region region, final int[] channels, final IntensityRange[] ranges)
	{
		this.image = image;
		this.mask = mask;
		this.damage = damage;
		this.region = region;
		this.channels = channels;
		this.ranges = ranges;
	}

	/**
	 * Tiles of a region, skipping those that touch none of its damaged blocks. A chunk of a cut
	 * region takes the tiles of its whole region's layout that touch its own blocks: together the
	 * chunks run exactly the whole region's tiles, and every tile that covers a pixel of a chunk
	 * is one of the chunk's.
	 *
	 * @return tiles in image coordinates (X, Y); they may reach beyond the image
	 */
	static List<Interval> tiles(final Region r, final DamageMap damage, final int tile,
		final TileFiller filler, final int overlap)
	{
		final Region layout = r.whole;
		final int m = filler.tileMultiple();
		final int min = Math.min(tile, TileLayout.roundUp(filler.minimumTileSize(), m));
		final int[] xs = TileLayout.starts(layout.x0, layout.width, damage.width, tile, m, min,
			overlap);
		final int[] ys = TileLayout.starts(layout.y0, layout.height, damage.height, tile, m, min,
			overlap);
		final int tw = TileLayout.tileLength(layout.width, tile, m, min);
		final int th = TileLayout.tileLength(layout.height, tile, m, min);
		final OwnBlocks own = new OwnBlocks(r, damage);
		final List<Interval> out = new ArrayList<>();
		for (final int y : ys)
			for (final int x : xs)
				if (own.touches(x, y, tw, th)) out.add(Intervals.createMinSize(x, y, tw, th));
		return out;
	}

	/**
	 * Units of work of a region in {@link Inpainting.WorkCounter}: one per tile, and as many again
	 * for the whole-hole prior when the method asks for one (for a classical method the solve is
	 * all the work; its tiles only cut the solution).
	 */
	static long workUnits(final Region r, final DamageMap damage, final int tile,
		final TileFiller filler, final int overlap)
	{
		final long tiles = tiles(r, damage, tile, filler, overlap).size();
		return filler.prior() == Prior.NONE ? tiles : 2 * tiles;
	}

	/**
	 * A region's own damaged blocks as a map over their bounding box (in blocks): whether a tile
	 * touches one of them costs the tile's blocks, not the region's (a region that spans an 8k
	 * image has tens of thousands of blocks and over a thousand tiles).
	 */
	private static final class OwnBlocks {

		final int bx0, by0, bw, bh;
		final boolean[] own;

		OwnBlocks(final Region r, final DamageMap d) {
			int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
			for (final int b : r.damagedBlocks) {
				minX = Math.min(minX, b % d.blocksX);
				maxX = Math.max(maxX, b % d.blocksX);
				minY = Math.min(minY, b / d.blocksX);
				maxY = Math.max(maxY, b / d.blocksX);
			}
			bx0 = minX;
			by0 = minY;
			bw = Math.max(0, maxX - minX + 1);
			bh = Math.max(0, maxY - minY + 1);
			own = new boolean[bw * bh];
			for (final int b : r.damagedBlocks)
				own[(b / d.blocksX - by0) * bw + b % d.blocksX - bx0] = true;
		}

		/** @return whether the rectangle (x, y, w, h) of pixels overlaps an own block */
		boolean touches(final int x, final int y, final int w, final int h) {
			final int x0 = Math.max(bx0, Math.floorDiv(x, DamageMap.BLOCK));
			final int x1 = Math.min(bx0 + bw - 1, Math.floorDiv(x + w - 1, DamageMap.BLOCK));
			final int y0 = Math.max(by0, Math.floorDiv(y, DamageMap.BLOCK));
			final int y1 = Math.min(by0 + bh - 1, Math.floorDiv(y + h - 1, DamageMap.BLOCK));
			for (int by = y0; by <= y1; by++)
				for (int bx = x0; bx <= x1; bx++)
					if (own[(by - by0) * bw + bx - bx0]) return true;
			return false;
		}
	}

	/**
	 * The window that a region's frame covers, inside the image: every tile's pixels. A chunk of a
	 * cut region needs its cut margin instead, so that the cut lies far from its own pixels: for a
	 * classical fill its box (its blocks and the margin) is enough, since its tiles only cut the
	 * whole-hole solve and may reach beyond the window like beyond the image. A method that sees
	 * only its tile needs the whole of every tile, and it shares the tiles across the side between
	 * two chunks ({@link SharedTiles}): the chunk that fills such a tile hands over its fill at the
	 * other chunk's pixels, so the margin is kept around every tile. Every window-sized array of
	 * the fill has this size.
	 */
	static Interval window(final Region region, final List<Interval> tiles,
		final DamageMap damage, final TileFiller filler)
	{
		Interval cover = Intervals.createMinSize(region.x0, region.y0, region.width, region.height);
		if (!region.isChunk() || sharesTiles(filler)) {
			if (!region.isChunk()) cover = tiles.get(0);
			for (final Interval t : tiles)
				cover = Intervals.union(cover, t);
		}
		if (region.isChunk() && sharesTiles(filler)) cover = Intervals.intersect(Intervals.expand(
			cover, RegionCuts.CUT_MARGIN), Intervals.createMinSize(region.whole.x0, region.whole.y0,
				region.whole.width, region.whole.height));
		return Intervals.intersect(cover, new FinalInterval(damage.width, damage.height));
	}

	/**
	 * @return whether the chunks of a cut region share the tiles across their sides: for a method
	 *         that sees only its tile, whose tiles are the costly part (a model); a classical fill
	 *         is its whole-hole solve, its tiles only cut it, so it keeps its windows small
	 */
	static boolean sharesTiles(final TileFiller filler) {
		return !filler.fillsWholeHole();
	}

	/**
	 * @param tile the region's tile length ({@link TileChoice})
	 * @param reachTile the method's (or the user's) tile, whose quarter makes a hole pixel deep
	 *          ({@link CoarseToFine#depth}) even where the region takes a longer tile: the network
	 *          learnt on tiles of this size, and deeper than that the guide fills smooth holes
	 *          better than it does (LargeHoleModelTest: a 380 px hole in a smooth gradient came
	 *          out at 41.9 dB with the depth of the longer tile that its region takes, against
	 *          52.9 dB for the biharmonic fill)
	 * @param shared the fills of the tiles that several chunks of this region's whole run, or null
	 *          when the region is not cut ({@link SharedTiles})
	 */
	void run(final TileFiller filler, final int tile, final int reachTile, final int overlap,
		final SharedTiles shared, final Inpainting.WorkCounter work)
	{
		final List<Interval> tiles = tiles(region, damage, tile, filler, overlap);
		final Interval window = window(region, tiles, damage, filler);
		final int fx0 = (int) window.min(0), fy0 = (int) window.min(1);
		final String where = "of a region at (" + region.x0 + ", " + region.y0 + ")";
		work.note("Reading the window " + where);
		frame = Frame.read(image, mask, channels, ranges, fx0, fy0, (int) window.dimension(0),
			(int) window.dimension(1));
		final List<Interval> local = new ArrayList<>(tiles.size());
		for (final Interval t : tiles)
			local.add(Intervals.translateInverse(t, fx0, fy0));
		final float[][] knownRange = frame.knownRange();

		float[][] prior = null;
		// A method whose tiles cannot see across a large hole gets the coarse-to-fine guide for
		// the hole's deep pixels; a classical fill is its own prior and solves the whole hole.
		final CoarseToFine.Guide guide = filler.fillsWholeHole() ? null : CoarseToFine.guide(frame,
			reachTile, work, where);
		List<Interval> run = local;
		if (filler.prior() != Prior.NONE) {
			// With a guide, the prior is the method's own equation over the open hole (the band
			// between the known pixels and the deep ones, which hold the guide): near the known
			// pixels the method sees the prior it was trained with, deep pixels continue the far
			// borders of the hole.
			final float[][] values = guide == null ? frame.values : guide.withDeep(frame.values);
			final boolean[] open = guide == null ? frame.hole : guide.open(frame.hole);
			work.note("Setting up the hole " + where);
			prior = WholeHoleSolver.prior(values, open, frame.w, frame.h, filler.prior(), filler
				.priorSweeps(), work.share(
				tiles.size(), "Solving the hole " + where + ": "));
			// The biharmonic overshoots at ridges: the prior obeys the same clip as every fill.
			KnownRange.clamp(prior, frame.hole, knownRange);
			work.advance(tiles.size());
		}
		if (guide != null) {
			// Tiles that hold only deep pixels take the guide as it is.
			run = new ArrayList<>();
			for (final Interval t : local)
				if (CoarseToFine.hasOpenHole(frame, guide.deep, (int) t.min(0), (int) t.min(1),
					(int) t.dimension(0), (int) t.dimension(1))) run.add(t);
			work.addTotal(run.size() - local.size());
		}
		result = TiledFill.run(filler, frame, run, prior, guide, overlap, knownRange, shared, work,
			where);
	}

	/** Writes the masked pixels of this region's own damaged blocks. */
	<T extends RealType<T>> void composite(final RandomAccessibleInterval<T> out) {
		final RandomAccess<T> o = out.randomAccess();
		final RandomAccess<? extends BooleanType<?>> m = mask.randomAccess();
		final int dims = out.numDimensions();
		for (final int b : region.damagedBlocks) {
			final int bx = (b % damage.blocksX) * DamageMap.BLOCK;
			final int by = (b / damage.blocksX) * DamageMap.BLOCK;
			for (int y = by; y < Math.min(by + DamageMap.BLOCK, damage.height); y++) {
				for (int x = bx; x < Math.min(bx + DamageMap.BLOCK, damage.width); x++) {
					m.setPosition(x, 0);
					m.setPosition(y, 1);
					if (!m.get().get()) continue;
					final int j = (y - frame.y0) * frame.w + (x - frame.x0);
					o.setPosition(x, 0);
					o.setPosition(y, 1);
					for (int c = 0; c < channels.length; c++) {
						if (dims > 2) o.setPosition(channels[c], 2);
						float v = result[c][j];
						// Defensive: a method must return finite values; never write NaN into data.
						if (!Float.isFinite(v)) v = 0.5f;
						Inpainting.write(o, ranges[c].denormalise(v));
					}
				}
			}
		}
	}
}
