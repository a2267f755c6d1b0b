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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.classical.BiharmonicFiller;
import io.github.gsinpaint.core.classical.HarmonicFiller;
import net.imglib2.Cursor;
import net.imglib2.Interval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;

/**
 * Large regions whose holes are all thin (a grid of detector gaps or stitching seams, a long
 * scratch) are filled in chunks whose windows follow the damage ({@link RegionCuts}); thick holes
 * are filled as one. The planning is checked on 8k x 8k masks (no fill, no image: only the damage
 * map), the fills on a 3000 x 3000 image against the same fill in one window.
 */
class RegionCutsTest {

	/** The model's tiling (256 px tiles, multiples of 16, at least 64) without a model. */
	private static final class ModelTiles implements TileFiller {

		@Override
		public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
			final int height, final Progress progress)
		{
			throw new UnsupportedOperationException("planning only");
		}

		@Override
		public int preferredTileSize() {
			return 256;
		}

		@Override
		public int tileMultiple() {
			return 16;
		}

		@Override
		public int minimumTileSize() {
			return 64;
		}

		@Override
		public int maxJointChannels() {
			return 3;
		}

		@Override
		public String identity() {
			return "tiles of the model";
		}
	}

	/** Vertical and horizontal seams every {@code pitch} px, 1 to 20 px wide. */
	static boolean seam(final int x, final int y, final int pitch) {
		final int[] widths = { 1, 2, 4, 8, 20, 3, 5, 7 };
		final int kx = x / pitch, ky = y / pitch;
		final int cx = kx * pitch + pitch / 2, cy = ky * pitch + pitch / 2;
		return Math.abs(x - cx) * 2 < widths[kx % widths.length] || Math.abs(y - cy) * 2 < widths[ky %
			widths.length];
	}

	/** A scratch about 5 px wide from the top left corner to the bottom right one. */
	static boolean scratch(final int x, final int y, final int w, final int h) {
		return Math.abs((double) y * w - (double) x * h) / Math.hypot(w, h) < 2.5;
	}

	interface Shape {

		boolean contains(int x, int y);
	}

	static Img<BitType> mask(final int w, final int h, final Shape s) {
		final Img<BitType> m = ArrayImgs.bits(w, h);
		final Cursor<BitType> c = m.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			if (s.contains(c.getIntPosition(0), c.getIntPosition(1))) c.get().set(true);
		}
		return m;
	}

	@Test
	void seamGridOfAnEightKImageIsCutIntoBoundedWindows() {
		final int size = 8192;
		final DamageMap d = DamageMap.of(mask(size, size, (x, y) -> seam(x, y, 512)));
		for (final TileFiller method : new TileFiller[] { new HarmonicFiller(), new ModelTiles() }) {
			final Plan p = plan(d, method);
			assertEquals(1, p.regions, "the seams form one region as large as the image");
			assertEquals((long) size * size, p.wholeWindows, "uncut, its window is the image");
			assertTrue(p.chunks >= 64, "chunks: " + p.chunks);
			assertBounded(p, method);
			// Seams every 512 px with the margin every window needs are everywhere: the windows
			// overlap by their margins, and a model's windows keep the margin around its tiles.
			final double most = method.fillsWholeHole() ? 2.5 : 4.5;
			assertTrue(p.sumWindows <= most * size * size, "sum of the windows: " + p.sumWindows);
		}
	}

	@Test
	void aLongScratchAcrossAnEightKImageIsCutIntoBoundedWindows() {
		final int size = 8192;
		final DamageMap d = DamageMap.of(mask(size, size, (x, y) -> scratch(x, y, size, size)));
		for (final TileFiller method : new TileFiller[] { new HarmonicFiller(), new ModelTiles() }) {
			final Plan p = plan(d, method);
			assertEquals(1, p.regions);
			assertEquals((long) size * size, p.wholeWindows, "uncut, its window is the image");
			assertBounded(p, method);
			// The damage and its margin cover an eighth of the image; the windows a few times that
			// (a model's keep the margin around its tiles too).
			final double most = method.fillsWholeHole() ? 3 : 6;
			assertTrue(p.sumWindows <= most * p.grownDamage, "sum of the windows " + p.sumWindows +
				", damaged blocks grown by the cut margin " + p.grownDamage);
			assertTrue(p.sumWindows <= most / 8 * size * size, "sum of the windows: " + p.sumWindows);
		}
	}

	@Test
	void thickHolesAreNotCut() {
		final int size = 8192;
		// The seam grid with one blob of 200 x 200 px on a seam crossing: one region, thick.
		final DamageMap d = DamageMap.of(mask(size, size, (x, y) -> seam(x, y, 512) || Math.abs(x -
			2816) < 100 && Math.abs(y - 2816) < 100));
		final List<Region> regions = d.regions(InpaintSettings.DEFAULT_CONTEXT_MARGIN);
		assertEquals(1, regions.size());
		assertTrue(RegionCuts.thick(d, regions.get(0)));
		assertEquals(1, RegionCuts.DEFAULT.cut(d, regions.get(0)).size());
		// A 2000 x 2000 hole in a 3000 x 3000 image (LargeHoleTest's largest) is one fill.
		final DamageMap big = DamageMap.of(mask(3000, 3000, (x, y) -> x >= 500 && x < 2500 &&
			y >= 500 && y < 2500));
		final Region r = big.regions(InpaintSettings.DEFAULT_CONTEXT_MARGIN).get(0);
		assertTrue(r.area() > RegionCuts.MIN_AREA);
		assertEquals(1, RegionCuts.DEFAULT.cut(big, r).size());
		// A hole 64 px wide along the grid holds a fully masked block whose neighbours all are.
		final DamageMap band = DamageMap.of(mask(3000, 3000, (x, y) -> x >= 1000 && x < 1064));
		assertEquals(1, RegionCuts.DEFAULT.cut(band, band.regions(32).get(0)).size());
	}

	@Test
	void smallRegionsAreNotCut() {
		final DamageMap d = DamageMap.of(mask(1500, 1500, (x, y) -> seam(x, y, 300)));
		final Region r = d.regions(InpaintSettings.DEFAULT_CONTEXT_MARGIN).get(0);
		assertEquals(1, RegionCuts.DEFAULT.cut(d, r).size());
	}

	@Test
	void harmonicFillInChunksIsTheFillInOneWindow() {
		cutAndWholeAgree(new HarmonicFiller());
	}

	@Test
	void biharmonicFillInChunksIsTheFillInOneWindow() {
		cutAndWholeAgree(new BiharmonicFiller());
	}

	/**
	 * The model in chunks runs the whole region's tiles with the same context and, up to the cut's
	 * effect on its prior, the same prior: the same fill. Cells of 256 px (with the default cut
	 * margin) on a 600 x 600 image with two seams crossing, so that the model fills it twice in
	 * seconds.
	 */
	@Test
	void theModelsFillInChunksIsTheFillInOneWindow() {
		try (TileFiller model = io.github.gsinpaint.TestModels.open("2dgs", io.github.gsinpaint.TestModels
			.gsOptions()))
		{
			cutAndWholeAgree(model, 600, (x, y) -> Math.abs(x - 300) < 3 || Math.abs(y - 340) < 5,
				new RegionCuts(256, 0));
		}
	}

	private static void cutAndWholeAgree(final TileFiller filler) {
		cutAndWholeAgree(filler, 3000, (x, y) -> seam(x, y, 500) || scratch(x, y, 3000, 3000),
			RegionCuts.DEFAULT);
	}

	/**
	 * A 3000 x 3000 float image of a smooth field with fine detail, seams every 500 px (1 to 20
	 * px wide) and a scratch across: filled in chunks and in one window, the fills agree to 1e-3
	 * of the image's range (the cut's effect decays like exp(-pi d / w) along a hole of width w),
	 * and outside the mask both are the input, bit for bit.
	 */
	private static void cutAndWholeAgree(final TileFiller filler, final int size,
		final Shape holes, final RegionCuts cuts)
	{
		final Img<FloatType> img = ArrayImgs.floats(size, size);
		float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
		final Cursor<FloatType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			final int x = c.getIntPosition(0), y = c.getIntPosition(1);
			final float v = (float) (128 + 70 * Math.sin(0.004 * x + 0.3) * Math.cos(0.003 * y) +
				40 * Math.sin(0.002 * (x - y)) + 12 * Math.sin(x / 7.0) * Math.cos(y / 11.0));
			c.get().set(v);
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		final Img<BitType> mask = mask(size, size, holes);
		final DamageMap d = DamageMap.of(mask);
		final List<Region> regions = d.regions(InpaintSettings.DEFAULT_CONTEXT_MARGIN);
		assertEquals(1, regions.size());
		assertTrue(cuts.cut(d, regions.get(0)).size() >= 4, "the region is cut");

		final long[] networks = new long[2];
		final Img<FloatType> cut = Inpainting.inpaint(img, mask, filler, InpaintSettings.defaults(),
			countNetworks(networks, 0), cuts);
		final Img<FloatType> whole = Inpainting.inpaint(img, mask, filler, InpaintSettings
			.defaults(), countNetworks(networks, 1), RegionCuts.NONE);
		// A tile across the side between two chunks is filled once and shared.
		assertEquals(networks[1], networks[0], "tiles the model filled, cut and uncut");
		final Cursor<FloatType> in = img.cursor(), a = cut.cursor(), b = whole.cursor();
		final Cursor<BitType> m = mask.cursor();
		double worst = 0;
		long changedOutside = 0;
		while (in.hasNext()) {
			final float v = in.next().get(), va = a.next().get(), vb = b.next().get();
			if (m.next().get()) worst = Math.max(worst, Math.abs(va - vb));
			else if (Float.floatToRawIntBits(va) != Float.floatToRawIntBits(v) || Float
				.floatToRawIntBits(vb) != Float.floatToRawIntBits(v)) changedOutside++;
		}
		assertEquals(0, changedOutside);
		assertTrue(worst <= 1e-3 * (hi - lo), filler.identity() + ": largest difference " + worst +
			" of a range of " + (hi - lo));
	}

	/** Counts the model's tiles (its report before running the network) into {@code count[i]}. */
	private static Progress countNetworks(final long[] count, final int i) {
		return new Progress() {

			@Override
			public void report(final double fraction, final String message) {
				if (message.endsWith("running the network")) count[i]++;
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		};
	}

	/** What the regions and their chunks of a damage map would allocate. */
	private static final class Plan {

		int regions, chunks, wholeTiles, chunkTiles;
		long wholeWindows, sumWindows, largestWindow, grownDamage;
	}

	/**
	 * Plans the fill of every region with the model's tiling, checks that the chunks own every
	 * damaged block once and run exactly the whole region's tiles, and sums the windows.
	 */
	private static Plan plan(final DamageMap d, final TileFiller tiles) {
		final Plan p = new Plan();
		for (final Region r : d.regions(InpaintSettings.DEFAULT_CONTEXT_MARGIN)) {
			p.regions++;
			final int tile = tiles.preferredTileSize();
			final List<Interval> wholeTiles = RegionFill.tiles(r, d, tile, tiles, 48);
			p.wholeTiles += wholeTiles.size();
			p.wholeWindows += Intervals.numElements(RegionFill.window(r, wholeTiles, d, tiles));
			final Set<Integer> owned = new HashSet<>();
			final Set<List<Long>> chunkTiles = new HashSet<>();
			for (final Region chunk : RegionCuts.DEFAULT.cut(d, r)) {
				p.chunks++;
				for (final int b : chunk.damagedBlocks)
					assertTrue(owned.add(b), "block " + b + " owned twice");
				final List<Interval> t = RegionFill.tiles(chunk, d, tile, tiles, 48);
				p.chunkTiles += t.size();
				for (final Interval i : t)
					chunkTiles.add(key(i));
				final long area = Intervals.numElements(RegionFill.window(chunk, t, d, tiles));
				p.sumWindows += area;
				p.largestWindow = Math.max(p.largestWindow, area);
			}
			assertEquals(r.damagedBlocks.length, owned.size(), "every damaged block has a chunk");
			final Set<List<Long>> expected = new HashSet<>();
			for (final Interval i : wholeTiles)
				expected.add(key(i));
			assertEquals(expected, chunkTiles, "the chunks run the whole region's tiles");
		}
		p.grownDamage = grownDamage(d, RegionCuts.CUT_MARGIN / DamageMap.BLOCK);
		return p;
	}

	/**
	 * A chunk's window: its cell and the cut margin around it; a model's, the margin around its
	 * tiles too (its tiles are shared across the sides between chunks).
	 */
	private static void assertBounded(final Plan p, final TileFiller method) {
		final int side = RegionCuts.CELL + (method.fillsWholeHole() ? 2 : 4) * RegionCuts.CUT_MARGIN;
		final long bound = (long) side * side;
		assertTrue(p.largestWindow <= bound, "largest window " + p.largestWindow + " > " + bound);
		System.out.println(String.format(java.util.Locale.ROOT,
			method.identity() + ": %d chunks, largest window %d px, sum of windows %d px (uncut: %d), damaged blocks " +
				"grown by the cut margin %d px, tiles %d (uncut: %d)", p.chunks, p.largestWindow,
			p.sumWindows, p.wholeWindows, p.grownDamage, p.chunkTiles, p.wholeTiles));
	}

	private static List<Long> key(final Interval i) {
		final List<Long> k = new ArrayList<>();
		for (int dim = 0; dim < 2; dim++) {
			k.add(i.min(dim));
			k.add(i.max(dim));
		}
		return k;
	}

	/** Pixels of the blocks within {@code r} blocks of a damaged one. */
	private static long grownDamage(final DamageMap d, final int r) {
		long n = 0;
		for (int by = 0; by < d.blocksY; by++)
			for (int bx = 0; bx < d.blocksX; bx++) {
				boolean near = false;
				for (int y = Math.max(0, by - r); y <= Math.min(d.blocksY - 1, by + r) && !near; y++)
					for (int x = Math.max(0, bx - r); x <= Math.min(d.blocksX - 1, bx + r) && !near; x++)
						near = d.damaged[y * d.blocksX + x];
				if (near) n += (long) DamageMap.BLOCK * DamageMap.BLOCK;
			}
		return n;
	}
}
