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
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.classical.HarmonicFiller;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * The tile length that a region chooses ({@link TileChoice}) for a method with a tile cost shaped
 * like the network's measured on 2 CPU cores (the gs package's table): a fixed part per call and
 * about the same time per pixel above it (one 512 px tile costs about four 256 px ones, one 64 px
 * tile a sixth of one).
 */
class TileChoiceTest {

	/** ms: 12 per call and 1.6 per 1000 px (the table: 116 ms at 256 px, 480 ms at 512 px). */
	static final TileCost MEASURED_SHAPE = (w, h) -> 12 + 1.6 * w * (double) h / 1000;

	/** Harmonic fills, as a network's tiles would be: 256 px, multiples of 16, at least 64. */
	private static class PricedFiller extends ForwardingTileFiller {

		final List<int[]> calls = new ArrayList<>();

		PricedFiller() {
			super(new HarmonicFiller());
		}

		@Override
		public float[][] fill(final float[][] tile, final boolean[] hole, final float[][] prior,
			final int width, final int height, final Progress progress)
		{
			calls.add(new int[] { width, height });
			return super.fill(tile, hole, prior, width, height, progress);
		}

		@Override
		public TileCost tileCost() {
			return MEASURED_SHAPE;
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
	}

	private static Img<BitType> box(final int size, final int x0, final int y0, final int x1,
		final int y1)
	{
		final Img<BitType> mask = ArrayImgs.bits(size, size);
		final RandomAccess<BitType> m = mask.randomAccess();
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++) {
				m.setPosition(x, 0);
				m.setPosition(y, 1);
				m.get().set(true);
			}
		return mask;
	}

	private static int choose(final Img<BitType> mask, final TileFiller filler) {
		final DamageMap d = DamageMap.of(mask);
		final List<Region> regions = d.regions(InpaintSettings.DEFAULT_CONTEXT_MARGIN);
		assertEquals(1, regions.size());
		return TileChoice.forRegion(regions.get(0), d, 256, filler,
			InpaintSettings.DEFAULT_OVERLAP);
	}

	@Test
	void regionThatFitsOneLargeTileTakesIt() {
		// A 512² image damaged nearly everywhere: one 512 px tile instead of 3 x 3 of 256 px.
		try (PricedFiller f = new PricedFiller()) {
			assertEquals(512, choose(box(512, 20, 20, 492, 492), f));
		}
	}

	@Test
	void regionThatFitsThePackageTileKeepsIt() {
		// Every longer tile gives the same single tile of 176 px: no choice, the package's tile.
		try (PricedFiller f = new PricedFiller()) {
			assertEquals(256, choose(box(1024, 400, 400, 500, 500), f));
		}
	}

	@Test
	void largeSparseRegionKeepsThePackageTile() {
		// A diagonal scratch across 2048²: one region, but most of its box is intact, and small
		// tiles along the scratch cost far less than large ones.
		final Img<BitType> mask = ArrayImgs.bits(2048, 2048);
		final RandomAccess<BitType> m = mask.randomAccess();
		for (int k = 100; k < 1948; k++)
			for (int t = 0; t < 3; t++) {
				m.setPosition(k + t, 0);
				m.setPosition(k, 1);
				m.get().set(true);
			}
		try (PricedFiller f = new PricedFiller()) {
			assertEquals(256, choose(mask, f));
		}
	}

	@Test
	void chosenLayoutCostsNoMoreThanThePackageTiles() {
		try (PricedFiller f = new PricedFiller()) {
			for (final int size : new int[] { 300, 400, 512, 700, 1024 }) {
				final Img<BitType> mask = box(size, size / 8, size / 8, size - size / 8, size - size / 8);
				final DamageMap d = DamageMap.of(mask);
				final Region r = d.regions(32).get(0);
				final int t = TileChoice.forRegion(r, d, 256, f, 48);
				final double chosen = TileChoice.total(RegionFill.tiles(r, d, t, f, 48), MEASURED_SHAPE);
				final double own = TileChoice.total(RegionFill.tiles(r, d, 256, f, 48), MEASURED_SHAPE);
				assertTrue(chosen <= own * (1 + TileChoice.TOLERANCE), size + " px: tile " + t +
					" costs " + chosen + " against " + own);
				assertTrue(t >= 256 && t <= 512 && t % 16 == 0, "tile " + t);
			}
		}
	}

	@Test
	void methodWithoutCostKeepsItsTile() {
		try (PricedFiller f = new PricedFiller() {

			@Override
			public TileCost tileCost() {
				return null;
			}
		})
		{
			assertEquals(256, choose(box(512, 20, 20, 492, 492), f));
		}
	}

	@Test
	void inpaintingRunsTheChosenTilesAndAGivenTileSizeForcesItsOwn() {
		final Img<UnsignedByteType> image = ArrayImgs.unsignedBytes(512, 512);
		image.forEach(p -> p.set(100));
		final Img<BitType> mask = box(512, 20, 20, 492, 492);
		try (PricedFiller f = new PricedFiller()) {
			Inpainting.inpaint(image, mask, f, InpaintSettings.defaults(), Progress.NONE);
			assertEquals(1, f.calls.size());
			assertEquals(512, f.calls.get(0)[0]);
			assertEquals(512, f.calls.get(0)[1]);
		}
		try (PricedFiller f = new PricedFiller()) {
			Inpainting.inpaint(image, mask, f, InpaintSettings.defaults().withTileSize(256),
				Progress.NONE);
			assertEquals(9, f.calls.size());
			for (final int[] c : f.calls) {
				assertEquals(256, c[0]);
				assertEquals(256, c[1]);
			}
		}
	}
}
