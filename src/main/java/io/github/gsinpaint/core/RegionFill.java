package io.github.gsinpaint.core;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.BooleanType;
import net.imglib2.type.numeric.RealType;

/**
 * Fills one region for one group of channels: normalises the region's context, runs the method on
 * overlapping tiles, blends them into a region-sized buffer and finally writes the masked pixels
 * of the region's own damaged blocks into the output.
 * <p>
 * Tiles are read from the input, never from the output, so the result does not depend on the
 * order in which regions are processed.
 */
final class RegionFill {

	private final RandomAccessibleInterval<? extends RealType<?>> image;
	private final RandomAccessibleInterval<? extends BooleanType<?>> mask;
	private final DamageMap damage;
	private final Region region;
	private final int[] channels;
	private final IntensityRange[] ranges;
	private final float[][] sum;
	private final float[] weight;

	RegionFill(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final DamageMap damage,
		final Region region, final int[] channels)
	{
		this.image = image;
		this.mask = mask;
		this.damage = damage;
		this.region = region;
		this.channels = channels;
		this.ranges = ContextStatistics.ranges(image, mask, region, channels);
		final int n = region.width * region.height;
		this.sum = new float[channels.length][n];
		this.weight = new float[n];
	}

	/** Tiles of a region, skipping those that touch none of its damaged blocks. */
	static List<int[]> tiles(final Region r, final DamageMap damage, final int tile,
		final TileFiller filler, final int overlap)
	{
		final int m = filler.tileMultiple();
		final int min = Math.min(tile, TileLayout.roundUp(filler.minimumTileSize(), m));
		final int[] xs = TileLayout.starts(r.x0, r.width, damage.width, tile, m, min, overlap);
		final int[] ys = TileLayout.starts(r.y0, r.height, damage.height, tile, m, min, overlap);
		final int tw = TileLayout.tileLength(r.width, tile, m, min);
		final int th = TileLayout.tileLength(r.height, tile, m, min);
		final List<int[]> out = new ArrayList<>();
		for (final int y : ys)
			for (final int x : xs)
				if (touchesDamage(r, damage, x, y, tw, th)) out.add(new int[] { x, y, tw, th });
		return out;
	}

	static long tileCount(final Region r, final DamageMap damage, final int tile,
		final TileFiller filler, final int overlap)
	{
		return tiles(r, damage, tile, filler, overlap).size();
	}

	private static boolean touchesDamage(final Region r, final DamageMap d, final int x,
		final int y, final int w, final int h)
	{
		for (final int b : r.damagedBlocks) {
			final int bx = (b % d.blocksX) * DamageMap.BLOCK, by = (b / d.blocksX) *
				DamageMap.BLOCK;
			if (bx < x + w && bx + DamageMap.BLOCK > x && by < y + h && by + DamageMap.BLOCK > y)
				return true;
		}
		return false;
	}

	void run(final TileFiller filler, final int tile, final int overlap,
		final Inpainting.WorkCounter work)
	{
		final List<int[]> tiles = tiles(region, damage, tile, filler, overlap);
		int k = 0;
		for (final int[] t : tiles) {
			work.progress().checkCancelled();
			fillTile(filler, t[0], t[1], t[2], t[3], overlap, work.progress());
			work.step("Inpainting tile " + (++k) + " of " + tiles.size() + " of a region at (" +
				region.x0 + ", " + region.y0 + ")");
		}
	}

	private void fillTile(final TileFiller filler, final int x0, final int y0, final int w,
		final int h, final int overlap, final Progress progress)
	{
		final int n = w * h;
		final float[][] values = new float[channels.length][n];
		final boolean[] hole = new boolean[n];
		TileReader.read(image, mask, channels, ranges, x0, y0, w, h, values, hole);
		final float[][] filled = KnownRange.clampInPlace(values, hole, filler.fill(values, hole, w,
			h, progress));
		final int ramp = Math.max(1, Math.min(overlap, Math.min(w, h) / 2));
		for (int ty = 0; ty < h; ty++) {
			final int ry = y0 + ty - region.y0;
			if (ry < 0 || ry >= region.height) continue;
			final float wy = blend(ty, h, ramp);
			for (int tx = 0; tx < w; tx++) {
				final int rx = x0 + tx - region.x0;
				final int i = ty * w + tx;
				if (rx < 0 || rx >= region.width || !hole[i]) continue;
				final float wgt = wy * blend(tx, w, ramp);
				final int j = ry * region.width + rx;
				weight[j] += wgt;
				for (int c = 0; c < channels.length; c++)
					sum[c][j] += wgt * filled[c][i];
			}
		}
	}

	/** A linear ramp over the tile's border band: neighbouring tiles fade into each other. */
	private static float blend(final int i, final int n, final int ramp) {
		final int d = Math.min(i, n - 1 - i);
		return d >= ramp ? 1f : (d + 1f) / (ramp + 1f);
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
					final int j = (y - region.y0) * region.width + (x - region.x0);
					final float wgt = weight[j];
					o.setPosition(x, 0);
					o.setPosition(y, 1);
					for (int c = 0; c < channels.length; c++) {
						if (dims > 2) o.setPosition(channels[c], 2);
						float v = wgt > 0 ? sum[c][j] / wgt : Float.NaN;
						// Defensive: a method must return finite values; never write NaN into data.
						if (!Float.isFinite(v)) v = 0.5f;
						Inpainting.write(o, ranges[c].denormalise(v));
					}
				}
			}
		}
	}
}
