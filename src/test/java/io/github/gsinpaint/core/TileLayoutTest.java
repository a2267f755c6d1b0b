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
