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

import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.BooleanType;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * The one entry point of the core: a 2D image (X, Y) or multi-channel image (X, Y, C) of any
 * {@link RealType} and a mask (X, Y; true = fill) in, a new image of the same type and size out.
 * <p>
 * Guarantees: the input is never written to; every pixel outside the mask is copied bit for bit;
 * only pixels inside the mask receive new values, clamped (and rounded) to the type's range. On
 * cancellation or failure nothing is returned, so no half-written result can escape.
 * <p>
 * Work is done only where it is needed: damaged regions plus a context margin, cut into tiles
 * ({@link RegionFill}), so cost follows the damaged area and memory is bounded by the largest
 * region, not by the image; a large region whose holes are all thin (a grid of seams, a long
 * scratch) is filled in chunks ({@link RegionCuts}), so its memory is bounded by a chunk.
 */
public final class Inpainting {

	private Inpainting() {}

	public static <T extends RealType<T> & NativeType<T>> Img<T> inpaint(
		final RandomAccessibleInterval<T> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final TileFiller filler,
		final InpaintSettings settings, final Progress progress)
	{
		return inpaint(image, mask, filler, settings, progress, RegionCuts.DEFAULT);
	}

	/**
	 * @param cuts how large regions with only thin holes are cut into chunks; tests compare
	 *          {@link RegionCuts#DEFAULT} with {@link RegionCuts#NONE} (every region in one window)
	 */
	static <T extends RealType<T> & NativeType<T>> Img<T> inpaint(
		final RandomAccessibleInterval<T> image,
		final RandomAccessibleInterval<? extends BooleanType<?>> mask, final TileFiller filler,
		final InpaintSettings settings, final Progress progress, final RegionCuts cuts)
	{
		checkShapes(image, mask);
		progress.report(0, "Scanning mask");
		final DamageMap damage = DamageMap.of(mask);
		if (damage.maskedPixels == 0) throw new InpaintException(
			"The mask is empty: select the damaged pixels (or choose another mask source) first.");
		if (damage.maskedPixels == damage.totalPixels()) throw new InpaintException(
			"The mask covers the whole image: nothing is left to fill from. " +
				"Mark only the damaged pixels.");
		progress.checkCancelled();

		final RandomAccessibleInterval<T> src = Views.zeroMin(image);
		final RandomAccessibleInterval<? extends BooleanType<?>> msk = Views.zeroMin(mask);
		final int channels = image.numDimensions() > 2 ? (int) image.dimension(2) : 1;
		final int[][] groups = channelGroups(channels, settings.jointChannels(), filler
			.maxJointChannels());
		final int tile = filler.tileSizeFor(settings.tileSize());
		final List<Region> regions = damage.regions(settings.contextMargin());
		final List<List<Region>> parts = new ArrayList<>(regions.size());
		// The tile length of each region: the method may choose a larger one where it costs no
		// more, unless the user set the tile size.
		final int[] regionTiles = new int[regions.size()];
		// The tiles of each chunk of each cut region, for the tiles that chunks share.
		final List<List<List<Interval>>> chunkTiles = new ArrayList<>(regions.size());
		long totalWork = 0;
		for (int p = 0; p < regions.size(); p++) {
			final Region r = regions.get(p);
			final int regionTile = settings.tileSize() > 0 ? tile : TileChoice.forRegion(r, damage,
				tile, filler, settings.overlap());
			regionTiles[p] = regionTile;
			final List<Region> chunks = cuts.cut(damage, r);
			parts.add(chunks);
			final List<List<Interval>> tiles = new ArrayList<>();
			for (final Region part : chunks) {
				if (chunks.size() > 1) tiles.add(RegionFill.tiles(part, damage, regionTile, filler,
					settings.overlap()));
				totalWork += RegionFill.workUnits(part, damage, regionTile, filler, settings
					.overlap()) * groups.length;
			}
			chunkTiles.add(tiles);
		}
		final WorkCounter work = new WorkCounter(progress, Math.max(1, totalWork));

		final T type = Util.getTypeFromInterval(src).createVariable();
		final Img<T> out = Util.getSuitableImgFactory(src, type).create(src);
		// One thread: pixels of some types share storage words (bits, packed ARGB channels).
		LoopBuilder.setImages(src, out).forEachPixel((i, o) -> o.set(i));
		for (int p = 0; p < parts.size(); p++) {
			final List<Region> chunks = parts.get(p);
			for (final int[] group : groups) {
				final SharedTiles shared = chunks.size() > 1 && RegionFill.sharesTiles(filler)
					? new SharedTiles(chunkTiles.get(p)) : null;
				// One normalisation per region, from its whole context, shared by its chunks.
				final Region whole = chunks.get(0).whole;
				work.note("Measuring the context of a region at (" + whole.x0 + ", " + whole.y0 + ")");
				final IntensityRange[] ranges = ContextStatistics.ranges(src, msk, whole, group,
					progress);
				for (final Region region : chunks) {
					final RegionFill fill = new RegionFill(src, msk, damage, region, group, ranges);
					fill.run(filler, regionTiles[p], tile, settings.overlap(), shared, work);
					fill.composite(out);
				}
			}
		}
		// A cancel asked for during the last unit is honoured too: the caller gets nothing.
		progress.checkCancelled();
		progress.report(1, "Done");
		return out;
	}

	private static void checkShapes(final RandomAccessibleInterval<?> image,
		final RandomAccessibleInterval<?> mask)
	{
		final int n = image.numDimensions();
		if (n < 2 || n > 3) throw new InpaintException("Expected a 2D image (X, Y) or a " +
			"multi-channel 2D image (X, Y, C), got " + n + " dimensions. " +
			"Repair stacks plane by plane.");
		if (mask.numDimensions() != 2 || mask.dimension(0) != image.dimension(0) || mask
			.dimension(1) != image.dimension(1)) throw new InpaintException(
				"The mask must be 2D and as large as the image (" + image.dimension(0) + " x " +
					image.dimension(1) + "), got " + Util.printInterval(mask) + ".");
		if (image.dimension(0) * image.dimension(1) > Integer.MAX_VALUE)
			throw new InpaintException("Planes larger than 2^31 pixels are not supported.");
	}

	/** Joint channels are filled together (colour); otherwise each channel alone. */
	static int[][] channelGroups(final int channels, final boolean joint, final int maxJoint) {
		if (joint && channels <= maxJoint) {
			final int[] all = new int[channels];
			for (int c = 0; c < channels; c++)
				all[c] = c;
			return new int[][] { all };
		}
		final int[][] groups = new int[channels][];
		for (int c = 0; c < channels; c++)
			groups[c] = new int[] { c };
		return groups;
	}


	/** Converts filled values back to the image type. */
	static <T extends RealType<T>> void write(final RandomAccess<T> ra, final double value) {
		final T t = ra.get();
		double v = Math.max(t.getMinValue(), Math.min(t.getMaxValue(), value));
		if (t instanceof net.imglib2.type.numeric.IntegerType) v = Math.rint(v);
		t.setReal(v);
	}

	/**
	 * Turns units of work (tiles, shares of a whole-hole solve) into overall progress and polls
	 * cancellation. The total may grow while the work runs (a coarse-to-fine pass discovers its
	 * tiles as it goes); the reported fraction never goes back.
	 */
	static final class WorkCounter {

		private final Progress progress;
		private long total;
		private long done;
		private double shown;

		WorkCounter(final Progress progress, final long total) {
			this.progress = progress;
			this.total = total;
		}

		Progress progress() {
			return progress;
		}

		void step(final String message) {
			progress.checkCancelled();
			done++;
			report((double) done / total, message);
		}

		/**
		 * Reports where the work stands under a new message and polls cancellation: for the steps
		 * between counted units that still take a while (reading a window, measuring a hole), so
		 * that the user sees what runs and can stop it there.
		 */
		void note(final String message) {
			progress.checkCancelled();
			report((double) done / total, message);
		}

		/** Adds (or, with a negative count, removes) units that were not planned. */
		void addTotal(final long units) {
			total = Math.max(done + 1, total + units);
		}

		/** @return a progress for a piece of work worth {@code units}, reported as it goes */
		Progress share(final long units, final String prefix) {
			final long base = done;
			return new Progress() {

				@Override
				public void report(final double fraction, final String message) {
					WorkCounter.this.report((base + units * Math.max(0, Math.min(1, fraction))) / total,
						prefix + message);
				}

				@Override
				public boolean isCancelled() {
					return progress.isCancelled();
				}
			};
		}

		/** Marks a piece of work of {@code units} as done. */
		void advance(final long units) {
			progress.checkCancelled();
			done += units;
		}

		private void report(final double fraction, final String message) {
			shown = Math.max(shown, Math.min(1, fraction));
			progress.report(shown, message);
		}
	}
}
