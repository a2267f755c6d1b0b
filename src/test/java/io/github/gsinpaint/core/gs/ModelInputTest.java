package io.github.gsinpaint.core.gs;

import static io.github.gsinpaint.core.gs.GaussianField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The model's input and output layout: v1 sees zeros in the hole and its render is the fill; v2
 * sees the prior in the hole and its render is added to the prior.
 */
class ModelInputTest {

	private static final int W = PATCH, H = PATCH, N = W * H;

	private static boolean[] holeAt(final int... pixels) {
		final boolean[] hole = new boolean[N];
		for (final int p : pixels)
			hole[p] = true;
		return hole;
	}

	@Test
	void holesAreZeroWithoutAPriorAndHoldThePriorWithOne() {
		final float[][] tile = { new float[N] };
		java.util.Arrays.fill(tile[0], 0.25f);
		final boolean[] hole = holeAt(5, 17);
		tile[0][5] = 0;
		tile[0][17] = 0;
		final float[][] prior = { new float[N] };
		java.util.Arrays.fill(prior[0], 0.25f);
		prior[0][5] = 0.6f;
		prior[0][17] = 0.7f;
		final float[] v1 = ModelInput.pack(tile, hole, N);
		final float[] v2 = ModelInput.pack(tile, hole, prior, N);
		for (int k = 0; k < COLOURS; k++) {
			assertEquals(0f, v1[k * N + 5]);
			assertEquals(0.6f, v2[k * N + 5], "grey prior repeated into colour " + k);
			assertEquals(0.7f, v2[k * N + 17]);
			assertEquals(0.25f, v2[k * N + 6], "known pixels are the tile's");
		}
		assertEquals(1f, v2[3 * N + 5]);
		assertEquals(0f, v2[3 * N + 6]);
	}

	@Test
	void aCorrectionIsAddedToThePriorAndGreyAveragesTheColours() {
		final float[] rendered = new float[PIXELS * COLOURS];
		for (int p = 0; p < PIXELS; p++)
			for (int c = 0; c < COLOURS; c++)
				rendered[p * COLOURS + c] = 0.01f * (c + 1); // mean 0.02
		final float[][] base = { new float[N] };
		java.util.Arrays.fill(base[0], 0.5f);
		final float[][] image = ModelInput.unpack(rendered, new int[] { 0 }, 1, W, H);
		final float[][] corrected = ModelInput.unpack(rendered, new int[] { 0 }, 1, W, H, base);
		assertEquals(0.02f, image[0][33], 1e-7);
		assertEquals(0.52f, corrected[0][33], 1e-7);
	}
}
