package io.github.gsinpaint.core;

import java.util.ArrayList;
import java.util.List;

import io.github.gsinpaint.core.classical.DistanceTransform;

/**
 * Lets a method without a prior (the v1 model, which sees only its tile, holes as 0) fill holes
 * larger than its tile as one: a pyramid of half-size copies of the frame.
 * <p>
 * A hole pixel farther than {@link #depth} from every known pixel is "deep": a tile around it sees
 * little or no context, and a model falls back to a flat grey. Deep pixels are not filled at their
 * own scale. The frame is halved (2 x 2 block means; a block with a hole pixel is a hole), the
 * half-size copy is filled the same way (recursively, so its own deep pixels come from a quarter
 * size copy, and so on until no pixel is deep), and the result is enlarged bilinearly: that is
 * the guide. At full scale the method then sees the deep pixels as known, with the guide's values,
 * and fills only the band of width {@link #depth} along the hole's true border, where its tile
 * holds real context on one side and the coarse fill on the other; the deep pixels keep the guide,
 * and over the inner half of the band the method's fill fades linearly into the guide.
 * <p>
 * So every pixel of a large hole is filled by the method at the finest scale at which it sits
 * within {@link #depth} of context: detail near the border, coarser structure deeper in, and no
 * tile ever works from a tile-sized void. The levels add at most a third to the work of the full
 * scale (each has a quarter of the pixels), and full-scale tiles that hold only deep pixels are
 * skipped.
 */
final class CoarseToFine {

	private CoarseToFine() {}

	/**
	 * The guide of a frame: its values, where they hold alone (deep), and the guide's share in the
	 * final value of every pixel (1 at deep pixels, 0 near the context).
	 */
	static final class Guide {

		final float[][] values;
		final boolean[] deep;
		final float[] share;

		Guide(final float[][] values, final boolean[] deep, final float[] share) {
			this.values = values;
			this.deep = deep;
			this.share = share;
		}
	}

	/**
	 * Hole pixels farther than a quarter tile from context: a tile that holds such a pixel sees
	 * context on at most a thin margin of its sides. Holes up to half a tile wide never have them,
	 * so they are filled as before.
	 */
	static int depth(final int tile) {
		return Math.max(8, tile / 4);
	}

	/** @return the guide of the frame, or null when no hole pixel is deep (or none can be made) */
	static Guide guide(final TileFiller filler, final Frame frame, final int tile,
		final int overlap, final Inpainting.WorkCounter work)
	{
		final int w = frame.w, h = frame.h, size = w * h;
		final double[] dist = DistanceTransform.toKnown(frame.hole, w, h);
		final int depth = depth(tile);
		final boolean[] deep = new boolean[size];
		final float[] share = new float[size];
		boolean any = false;
		for (int i = 0; i < size; i++) {
			if (!frame.hole[i]) continue;
			deep[i] = dist[i] > depth;
			any |= deep[i];
			// The method's fill fades into the guide over the inner half of the band: its level and
			// the coarse fill's differ a little, and a hard switch would draw the band's outline.
			share[i] = (float) Math.max(0, Math.min(1, (dist[i] - 0.5 * depth) / (0.5 * depth)));
		}
		if (!any) return null;
		final Frame coarse = halve(frame);
		if (coarse == null) return null;
		work.progress().checkCancelled();
		final float[][] filled = fillAll(filler, coarse, tile, overlap, work);
		return new Guide(enlarge(filled, coarse.w, coarse.h, w, h), deep, share);
	}

	/**
	 * Fills every hole pixel of a (coarse) frame: its own guide first, then the tiles that hold a
	 * hole pixel which is not deep.
	 *
	 * @return the complete frame: known values, and the fill in the hole
	 */
	private static float[][] fillAll(final TileFiller filler, final Frame f, final int tile,
		final int overlap, final Inpainting.WorkCounter work)
	{
		final Guide g = guide(filler, f, tile, overlap, work);
		final boolean[] deep = g == null ? null : g.deep;
		final int m = filler.tileMultiple();
		final int min = Math.min(tile, TileLayout.roundUp(filler.minimumTileSize(), m));
		final int[] xs = TileLayout.starts(0, f.w, f.w, tile, m, min, overlap);
		final int[] ys = TileLayout.starts(0, f.h, f.h, tile, m, min, overlap);
		final int tw = TileLayout.tileLength(f.w, tile, m, min);
		final int th = TileLayout.tileLength(f.h, tile, m, min);
		final List<int[]> tiles = new ArrayList<>();
		for (final int y : ys)
			for (final int x : xs)
				if (hasOpenHole(f, deep, x, y, tw, th)) tiles.add(new int[] { x, y, tw, th });
		work.addTotal(tiles.size());
		final float[][] out = TiledFill.run(filler, f, tiles, null, g, overlap, f.knownRange(), work,
			"of a " + f.w + " x " + f.h + " coarse copy");
		for (int c = 0; c < out.length; c++)
			for (int i = 0; i < f.hole.length; i++)
				if (!f.hole[i]) out[c][i] = f.values[c][i];
				else if (!Float.isFinite(out[c][i])) out[c][i] = 0.5f; // defensive: never NaN
		return out;
	}

	/** @return whether the tile holds a hole pixel of the frame that is not deep */
	static boolean hasOpenHole(final Frame f, final boolean[] deep, final int x0, final int y0,
		final int tw, final int th)
	{
		for (int y = Math.max(0, y0); y < Math.min(f.h, y0 + th); y++)
			for (int x = Math.max(0, x0); x < Math.min(f.w, x0 + tw); x++) {
				final int i = y * f.w + x;
				if (f.hole[i] && (deep == null || !deep[i])) return true;
			}
		return false;
	}

	/** 2 x 2 block means of the known pixels; null when no block is wholly known. */
	static Frame halve(final Frame f) {
		final int cw = (f.w + 1) / 2, ch = (f.h + 1) / 2;
		if ((long) cw * ch >= (long) f.w * f.h) return null;
		final boolean[] hole = new boolean[cw * ch];
		for (int y = 0; y < f.h; y++)
			for (int x = 0; x < f.w; x++)
				if (f.hole[y * f.w + x]) hole[(y / 2) * cw + x / 2] = true;
		boolean anyKnown = false;
		for (final boolean b : hole)
			anyKnown |= !b;
		if (!anyKnown) return null;
		final float[][] values = new float[f.channels()][cw * ch];
		final int[] count = new int[cw * ch];
		for (int y = 0; y < f.h; y++)
			for (int x = 0; x < f.w; x++) {
				final int j = (y / 2) * cw + x / 2;
				if (hole[j]) continue;
				count[j]++;
				for (int c = 0; c < values.length; c++)
					values[c][j] += f.values[c][y * f.w + x];
			}
		for (int c = 0; c < values.length; c++)
			for (int j = 0; j < count.length; j++)
				if (count[j] > 0) values[c][j] /= count[j];
		return new Frame(0, 0, cw, ch, values, hole);
	}

	/**
	 * Bilinear enlargement by 2: block (i, j) of the coarse grid is centred on the fine point
	 * (2i + 0.5, 2j + 0.5), so a linear ramp is carried over exactly.
	 */
	static float[][] enlarge(final float[][] coarse, final int cw, final int ch, final int w,
		final int h)
	{
		final float[][] out = new float[coarse.length][w * h];
		for (int y = 0; y < h; y++) {
			final double cy = Math.max(0, Math.min(ch - 1, (y - 0.5) / 2));
			final int y0 = Math.min((int) cy, Math.max(0, ch - 2)), y1 = Math.min(y0 + 1, ch - 1);
			final double fy = cy - y0;
			for (int x = 0; x < w; x++) {
				final double cx = Math.max(0, Math.min(cw - 1, (x - 0.5) / 2));
				final int x0 = Math.min((int) cx, Math.max(0, cw - 2)), x1 = Math.min(x0 + 1, cw - 1);
				final double fx = cx - x0;
				for (int c = 0; c < coarse.length; c++) {
					final float[] v = coarse[c];
					final double top = (1 - fx) * v[y0 * cw + x0] + fx * v[y0 * cw + x1];
					final double bottom = (1 - fx) * v[y1 * cw + x0] + fx * v[y1 * cw + x1];
					out[c][y * w + x] = (float) ((1 - fy) * top + fy * bottom);
				}
			}
		}
		return out;
	}
}
