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
package io.github.gsinpaint.core.gs;

import static io.github.gsinpaint.core.gs.GaussianField.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The DJL rasterizer against Gaussians evaluated by hand: here the Mahalanobis distance goes
 * through an explicit 2x2 inverse of Sigma = L L^T, a different route from the rasterizer's
 * forward substitution.
 */
class PatchRasterizerTest {

	/** A field in which every Gaussian is invisible (opacity 0). */
	private static float[] emptyField(final int h, final int w) {
		final float[] f = new float[CHANNELS * h * w];
		for (int i = 0; i < h * w; i++) {
			f[L11 * h * w + i] = 1;
			f[L22 * h * w + i] = 1;
		}
		return f;
	}

	private static void set(final float[] f, final int h, final int w, final int i, final int j,
		final float... params)
	{
		for (int k = 0; k < CHANNELS; k++)
			f[k * h * w + i * w + j] = params[k];
	}

	/** w = o exp(-1/2 d^T Sigma^-1 d) with Sigma = L L^T inverted explicitly. */
	private static double byHand(final double px, final double py, final int i, final int j,
		final float[] p)
	{
		final double mx = 2 * j + 0.5 + p[DX], my = 2 * i + 0.5 + p[DY];
		final double a = p[L11], b = p[L21], c = p[L22];
		final double sxx = a * a, sxy = a * b, syy = b * b + c * c;
		final double det = sxx * syy - sxy * sxy;
		final double dx = px - mx, dy = py - my;
		final double q = (syy * dx * dx - 2 * sxy * dx * dy + sxx * dy * dy) / det;
		return p[OPACITY] * Math.exp(-0.5 * q);
	}

	private static float[] render(final float[] field, final int h, final int w,
		final int[] patches)
	{
		TorchEngine.get();
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), TorchEngine.NAME)) {
			final NDArray f = m.create(field, new Shape(CHANNELS, h, w));
			return new PatchRasterizer(3).render(f, patches);
		}
	}

	private static int[] allPatches(final int h, final int w) {
		final int n = (h / PATCH_GRID) * (w / PATCH_GRID);
		final int[] p = new int[n];
		for (int i = 0; i < n; i++)
			p[i] = i;
		return p;
	}

	/** Renders every patch and compares every pixel with a single Gaussian at (i, j). */
	private static void checkSingle(final int h, final int w, final int i, final int j,
		final float[] params)
	{
		final float[] field = emptyField(h, w);
		set(field, h, w, i, j, params);
		final int[] patches = allPatches(h, w);
		final float[] out = render(field, h, w, patches);
		final int px = w / PATCH_GRID;
		for (int k = 0; k < patches.length; k++) {
			final int pr = patches[k] / px, pc = patches[k] % px;
			final boolean inExtended = i >= pr * PATCH_GRID - RING && i < (pr + 1) * PATCH_GRID +
				RING && j >= pc * PATCH_GRID - RING && j < (pc + 1) * PATCH_GRID + RING;
			for (int p = 0; p < PIXELS; p++) {
				final int y = pr * PATCH + p / PATCH, x = pc * PATCH + p % PATCH;
				final double wgt = inExtended ? byHand(x, y, i, j, params) : 0;
				for (int c = 0; c < COLOURS; c++)
					assertEquals(wgt * params[COLOUR + c], out[(k * PIXELS + p) * COLOURS + c], 1e-5,
						"pixel (" + x + ", " + y + ") channel " + c);
			}
		}
	}

	@Test
	void singleAxisAlignedGaussian() {
		checkSingle(8, 8, 3, 4, new float[] { 0.3f, -0.2f, 0.9f, 0f, 1.2f, 0.8f, 1f, 0.5f, -2f });
	}

	@Test
	void rotatedCovariance() {
		checkSingle(8, 16, 5, 9, new float[] { -0.7f, 0.6f, 1.4f, 0.95f, 0.4f, 0.6f, 0.25f, 1f,
			3f });
	}

	@Test
	void gaussianInTheRingReachesTheNeighbouringPatch() {
		// Grid column 8 is the first column of patch 1, and in the ring of patch 0: both render it.
		checkSingle(8, 16, 4, 8, new float[] { -0.9f, 0f, 1.5f, -0.5f, 1.5f, 1f, 1f, 1f, 1f });
		// Grid column 10 lies outside patch 0's extended patch: patch 0 does not see it.
		checkSingle(8, 24, 4, 10, new float[] { -1f, 0f, 1.5f, 0f, 1.5f, 1f, 1f, 1f, 1f });
	}

	@Test
	void gaussiansAtTheFieldBorderDoNotWrapAround() {
		checkSingle(8, 8, 0, 7, new float[] { 0.5f, -0.5f, 1f, 0.2f, 1f, 1f, 2f, 0f, 0f });
	}

	@Test
	void sumsOverlappingGaussians() {
		final int h = 8, w = 8;
		final float[] field = emptyField(h, w);
		final float[] a = { 0.1f, 0.2f, 0.8f, 0.1f, 0.7f, 0.9f, 1f, 0f, 0f };
		final float[] b = { -0.3f, 0.4f, 1.1f, -0.6f, 0.5f, 0.5f, 0f, 1f, 0f };
		set(field, h, w, 3, 3, a);
		set(field, h, w, 4, 3, b);
		final float[] out = render(field, h, w, new int[] { 0 });
		for (int p = 0; p < PIXELS; p++) {
			final int y = p / PATCH, x = p % PATCH;
			assertEquals(byHand(x, y, 3, 3, a), out[p * COLOURS], 1e-5);
			assertEquals(byHand(x, y, 4, 3, b), out[p * COLOURS + 1], 1e-5);
		}
	}

	@Test
	void rendersOnlyTheRequestedPatchesInTheirOrder() {
		final int h = 16, w = 16;
		final float[] field = emptyField(h, w);
		set(field, h, w, 12, 3, new float[] { 0, 0, 1, 0, 1, 1, 1, 1, 1 });
		final float[] all = render(field, h, w, allPatches(h, w));
		final float[] some = render(field, h, w, new int[] { 2, 0 });
		final float[] expected = new float[2 * PIXELS * COLOURS];
		System.arraycopy(all, 2 * PIXELS * COLOURS, expected, 0, PIXELS * COLOURS);
		System.arraycopy(all, 0, expected, PIXELS * COLOURS, PIXELS * COLOURS);
		assertArrayEquals(expected, some, 0f);
	}
}
