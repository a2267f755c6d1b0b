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

/**
 * The shared tile loop: cuts tiles from a {@link Frame}, has the method fill each, re-solves the
 * border band the method asks for ({@link BorderBand}), clips the fill ({@link KnownRange}) and
 * blends overlapping tiles with linear ramps into one frame-sized result.
 * <p>
 * Two kinds of whole-hole information can come with the frame. A <em>prior</em>, the classical
 * fill the method asked for ({@link TileFiller#prior()}), is handed to the method with each tile.
 * A <em>guide</em> ({@link CoarseToFine}) holds the values of the hole pixels that lie too deep in
 * a large hole for a model to fill from its tile: the method sees them as known
 * pixels and fills only the band between them and the true border, and they keep the guide's
 * values.
 */
final class TiledFill {

	private TiledFill() {}

	/**
	 * @param tiles in frame coordinates (they may reach beyond the frame, which is then padded
	 *          with its mirror image, {@link Frame#cut})
	 * @param prior frame-sized prior, or null
	 * @param guide the coarse-to-fine guide, or null
	 * @param fallback the range that clips tiles without known pixels, prior or guide
	 * @param shared the fills of tiles that other chunks of the region run too (null when the
	 *          region is not cut, or its method does not share tiles): a tile found there is not
	 *          filled again, and a tile filled here is kept there for the chunks still to come
	 * @return frame-sized planar values, meaningful at hole pixels covered by a tile or deep; NaN
	 *         at other hole pixels
	 */
	static float[][] run(final TileFiller filler, final Frame frame, final List<Interval> tiles,
		final float[][] prior, final CoarseToFine.Guide guide, final int overlap,
		final float[][] fallback, final SharedTiles shared, final Inpainting.WorkCounter work,
		final String where)
	{
		final boolean[] deep = guide == null ? null : guide.deep;
		final int channels = frame.channels();
		final int size = frame.w * frame.h;
		final float[][] sum = new float[channels][size];
		final float[] weight = new float[size];
		int k = 0;
		for (final Interval t : tiles) {
			work.progress().checkCancelled();
			final String tile = "Inpainting tile " + (++k) + " of " + tiles.size() + " " + where;
			final int x0 = (int) t.min(0), y0 = (int) t.min(1);
			final int w = (int) t.dimension(0), h = (int) t.dimension(1);
			final long ix = frame.x0 + (long) x0, iy = frame.y0 + (long) y0;
			SharedTiles.Fill fill = shared == null ? null : shared.get(ix, iy);
			// The method reports and polls inside its tile (a model's tile takes seconds on a busy
			// CPU) through its share of the work: one unit.
			if (fill == null) fill = fillTile(filler, frame, x0, y0, w, h, prior, guide, fallback, work
				.share(1, tile + ": "));
			if (shared != null) shared.used(ix, iy, fill);
			blend(fill, frame, x0, y0, w, h, overlap, sum, weight);
			work.step(tile);
		}
		for (int i = 0; i < size; i++) {
			final boolean fromGuide = deep != null && deep[i];
			for (int c = 0; c < channels; c++)
				sum[c][i] = fromGuide ? guide.values[c][i] : weight[i] > 0 ? sum[c][i] / weight[i]
					: Float.NaN;
		}
		return sum;
	}

	/** @return the tile's fill, clipped, and the pixels it fills */
	private static SharedTiles.Fill fillTile(final TileFiller filler, final Frame frame,
		final int x0, final int y0, final int w, final int h, final float[][] prior,
		final CoarseToFine.Guide guide, final float[][] fallback, final Progress progress)
	{
		final int n = w * h, channels = frame.channels();
		final float[][] values = new float[channels][n];
		final boolean[] hole = new boolean[n];
		frame.cut(frame.values, x0, y0, w, h, values);
		frame.cutHole(x0, y0, w, h, hole);
		final float[][] range = KnownRange.empty(channels);
		KnownRange.widen(range, values, hole, false);

		boolean[] open = hole; // what the method fills
		boolean[] tileDeep = null;
		float[][] tileGuide = null;
		float[][] tileShare = null;
		if (guide != null) {
			tileDeep = new boolean[n];
			frame.cut(guide.deep, x0, y0, w, h, tileDeep);
			tileGuide = new float[channels][n];
			frame.cut(guide.values, x0, y0, w, h, tileGuide);
			tileShare = new float[1][n];
			frame.cut(new float[][] { guide.share }, x0, y0, w, h, tileShare);
			open = hole.clone();
			for (int i = 0; i < n; i++)
				if (tileDeep[i]) {
					open[i] = false;
					for (int c = 0; c < channels; c++)
						values[c][i] = tileGuide[c][i];
				}
			KnownRange.widen(range, tileGuide, tileDeep, true);
		}
		float[][] filled;
		if (prior != null) {
			final float[][] tilePrior = new float[channels][n];
			frame.cut(prior, x0, y0, w, h, tilePrior);
			KnownRange.widen(range, tilePrior, hole, true);
			filled = filler.fill(values, open, tilePrior, w, h, progress);
		}
		else filled = filler.fill(values, open, w, h, progress);
		filled = filler.borderBand().apply(values, open, filled, w, h, progress);
		if (tileShare != null) for (int i = 0; i < n; i++) {
			final float g = tileShare[0][i];
			if (!open[i] || g <= 0) continue;
			for (int c = 0; c < channels; c++)
				filled[c][i] = (1 - g) * filled[c][i] + g * tileGuide[c][i];
		}
		for (int c = 0; c < channels; c++)
			if (!KnownRange.has(range, c)) {
				range[0][c] = fallback[0][c];
				range[1][c] = fallback[1][c];
			}
		KnownRange.clamp(filled, open, range);
		return new SharedTiles.Fill(filled, open);
	}

	/** Adds a tile's fill to the frame's sums, weighted by its ramps. */
	private static void blend(final SharedTiles.Fill fill, final Frame frame, final int x0,
		final int y0, final int w, final int h, final int overlap, final float[][] sum,
		final float[] weight)
	{
		final int channels = frame.channels();
		final float[][] filled = fill.values;
		final boolean[] open = fill.open;
		final int ramp = Math.max(1, Math.min(overlap, Math.min(w, h) / 2));
		for (int ty = 0; ty < h; ty++) {
			final int fy = y0 + ty;
			if (fy < 0 || fy >= frame.h) continue;
			final float wy = blend(ty, h, ramp);
			for (int tx = 0; tx < w; tx++) {
				final int fx = x0 + tx;
				final int i = ty * w + tx;
				if (fx < 0 || fx >= frame.w || !open[i]) continue;
				final float wgt = wy * blend(tx, w, ramp);
				final int j = fy * frame.w + fx;
				weight[j] += wgt;
				for (int c = 0; c < channels; c++)
					sum[c][j] += wgt * filled[c][i];
			}
		}
	}

	/** A linear ramp over the tile's border band: neighbouring tiles fade into each other. */
	private static float blend(final int i, final int n, final int ramp) {
		final int d = Math.min(i, n - 1 - i);
		return d >= ramp ? 1f : (d + 1f) / (ramp + 1f);
	}
}
