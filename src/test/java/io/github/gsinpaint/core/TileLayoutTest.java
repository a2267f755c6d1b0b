package io.github.gsinpaint.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;

class TileLayoutTest {

	@Test
	void smallRegionGetsOneShortCentredTile() {
		assertEquals(48, TileLayout.tileLength(40, 256, 16, 16));
		assertArrayEquals(new int[] { 96 }, TileLayout.starts(100, 40, 1000, 256, 16, 16, 48));
	}

	@Test
	void tileIsClampedIntoTheImage() {
		assertArrayEquals(new int[] { 0 }, TileLayout.starts(0, 40, 1000, 256, 16, 16, 48));
		assertArrayEquals(new int[] { 952 }, TileLayout.starts(960, 40, 1000, 256, 16, 16, 48));
	}

	@Test
	void tinyImageGetsOnePaddedTile() {
		assertEquals(32, TileLayout.tileLength(20, 256, 16, 16));
		assertArrayEquals(new int[] { 0 }, TileLayout.starts(0, 20, 20, 256, 16, 16, 48));
	}

	@Test
	void smallRegionGetsAtLeastTheMethodsMinimumTile() {
		assertEquals(64, TileLayout.tileLength(20, 256, 16, 64));
		assertArrayEquals(new int[] { 68 }, TileLayout.starts(90, 20, 1000, 256, 16, 64, 48));
	}

	@Test
	void longRegionGetsOverlappingTilesCoveringIt() {
		final int[] s = TileLayout.starts(10, 900, 1000, 256, 16, 16, 48);
		assertEquals(10, s[0]);
		assertEquals(10 + 900 - 256, s[s.length - 1]);
		for (int k = 1; k < s.length; k++)
			assertTrue(s[k - 1] + 256 - s[k] >= 48, "overlap between tiles " + (k - 1) + " and " + k);
	}

	@Test
	void nearbyDefectsMergeAndDistantOnesDoNot() {
		final Img<BitType> mask = ArrayImgs.bits(512, 512);
		final RandomAccess<BitType> m = mask.randomAccess();
		for (final int[] p : new int[][] { { 100, 100 }, { 130, 100 }, { 400, 400 } }) {
			m.setPosition(p);
			m.get().set(true);
		}
		final DamageMap d = DamageMap.of(mask);
		assertEquals(3, d.maskedPixels);
		final List<Region> regions = d.regions(32);
		assertEquals(2, regions.size());
		int blocks = 0;
		for (final Region r : regions)
			blocks += r.damagedBlocks.length;
		assertEquals(3, blocks, "every damaged block belongs to exactly one region");
	}
}
