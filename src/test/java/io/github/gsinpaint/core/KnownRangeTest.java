package io.github.gsinpaint.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.classical.BiharmonicFiller;

class KnownRangeTest {

	@Test
	void holeValuesAreClippedToEachChannelsKnownRange() {
		final boolean[] hole = { false, true, false, true, false };
		final float[][] tile = { { 0.2f, 0, 0.6f, 0, Float.NaN }, { 5, 0, 7, 0, 6 } };
		final float[][] fill = { { 9, -3, 9, 0.4f, 9 }, { 1, 100, 1, 6.5f, 1 } };
		KnownRange.clampInPlace(tile, hole, fill);
		// known pixels of the fill are not touched (the caller composites hole pixels only)
		assertArrayEquals(new float[] { 9, 0.2f, 9, 0.4f, 9 }, fill[0]);
		assertArrayEquals(new float[] { 1, 7, 1, 6.5f, 1 }, fill[1]);
	}

	@Test
	void aChannelWithoutFiniteKnownValuesIsLeftAlone() {
		final boolean[] hole = { true, false };
		final float[][] tile = { { 0, Float.NaN } };
		final float[][] fill = { { 42, 0 } };
		KnownRange.clampInPlace(tile, hole, fill);
		assertEquals(42, fill[0][0]);
	}

	@Test
	void theBiharmonicFillNoLongerOvershootsARidge() {
		// a ridge whose crest lies in the hole: the unclipped biharmonic fill continues both
		// slopes and rises above every known value
		final int w = 24, h = 8;
		final float[][] tile = new float[1][w * h];
		final boolean[] hole = new boolean[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				tile[0][y * w + x] = 1 - Math.abs(x - 11.5f) / 12;
				hole[y * w + x] = x >= 8 && x < 16;
			}
		final float[][] raw = new BiharmonicFiller().fill(tile, hole, w, h, Progress.NONE);
		float knownMax = Float.NEGATIVE_INFINITY, rawMax = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < hole.length; i++)
			if (hole[i]) rawMax = Math.max(rawMax, raw[0][i]);
			else knownMax = Math.max(knownMax, tile[0][i]);
		assertTrue(rawMax > knownMax + 0.01f, "the test needs an overshooting solution");
		final float[][] clipped = KnownRange.clampInPlace(tile, hole, raw);
		for (int i = 0; i < hole.length; i++)
			if (hole[i]) assertTrue(clipped[0][i] <= knownMax, "at " + i);
	}
}
