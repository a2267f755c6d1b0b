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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.Progress;

/**
 * The plain-Java rasterizer against the contract, on two threads with rounds of four patches (so
 * rounds are split between threads, and the last round is short), and what only it has.
 */
class JavaRasterizerTest extends RasterizerContractTest {

	@Override
	protected Rasterizer rasterizer() {
		return new JavaRasterizer(2, 2);
	}

	/** How the patches are split among threads and rounds changes no bit of the result. */
	@Test
	void threadsAndRoundsDoNotChangeTheResult() {
		final int h = 48, w = 40;
		final float[] field = RasterizerAgreementTest.randomField(h, w, 7);
		final int[] patches = allPatches(h, w);
		final float[] one = new JavaRasterizer(1, 1).render(field, h, w, patches, Progress.NONE);
		assertArrayEquals(one, new JavaRasterizer(3, 2).render(field, h, w, patches,
			Progress.NONE), 0f);
		assertArrayEquals(one, new JavaRasterizer(2, 64).render(field, h, w, patches,
			Progress.NONE), 0f);
	}

	/**
	 * Leaving out the pixels beyond a Gaussian's reach changes a sum by less than its last bits:
	 * against every one of the 144 Gaussians added at every pixel (in the same float operations and
	 * order), the largest difference is within a millionth of the values' size.
	 */
	@Test
	void theReachLeavesOutOnlyNegligibleTerms() {
		final int h = 48, w = 40;
		final float[] field = RasterizerAgreementTest.randomField(h, w, 11);
		final int[] patches = allPatches(h, w);
		final float[] fast = new JavaRasterizer(1, 4).render(field, h, w, patches, Progress.NONE);
		final float[] full = everyTerm(field, h, w, patches);
		double worst = 0, scale = 0;
		for (int i = 0; i < full.length; i++) {
			worst = Math.max(worst, Math.abs(fast[i] - full[i]));
			scale = Math.max(scale, Math.abs(full[i]));
		}
		assertTrue(worst <= 1e-6 * Math.max(1, scale), "largest difference " + worst);
	}

	/** A NaN in one Gaussian still reaches every pixel of the patches it belongs to. */
	@Test
	void aBrokenGaussianShowsAsNaNInItsPatches() {
		final int h = 16, w = 16, n = h * w;
		final float[] field = RasterizerAgreementTest.randomField(h, w, 5);
		field[L11 * n + 3 * w + 3] = Float.NaN; // grid point (3, 3): patch 0 only
		final float[] out = new JavaRasterizer(1, 1).render(field, h, w, allPatches(h, w),
			Progress.NONE);
		for (int p = 0; p < PIXELS * COLOURS; p++)
			assertTrue(Float.isNaN(out[p]), "patch 0, value " + p);
		assertTrue(Float.isFinite(out[3 * PIXELS * COLOURS]), "patch 3 is out of its reach");
	}

	/** The sums with every Gaussian of the extended patch at every pixel, as the contract reads. */
	private static float[] everyTerm(final float[] f, final int h, final int w, final int[] patches) {
		final int n = h * w, patchesX = w / PATCH_GRID;
		final float[] out = new float[patches.length * PIXELS * COLOURS];
		for (int k = 0; k < patches.length; k++) {
			final int pr = patches[k] / patchesX, pc = patches[k] % patchesX;
			final float x0 = pc * PATCH, y0 = pr * PATCH;
			for (int a = 0; a < EXTENDED; a++) for (int b = 0; b < EXTENDED; b++) {
				final int i = pr * PATCH_GRID - RING + a, j = pc * PATCH_GRID - RING + b;
				if (i < 0 || j < 0 || i >= h || j >= w) continue;
				final int g = i * w + j;
				final float muX = baseCentre(j) + f[DX * n + g], muY = baseCentre(i) + f[DY * n + g];
				final float l11 = f[L11 * n + g], l21 = f[L21 * n + g], l22 = f[L22 * n + g];
				for (int y = 0; y < PATCH; y++) for (int x = 0; x < PATCH; x++) {
					final float z1 = (x0 + x - muX) / l11;
					final float z2 = (y0 + y - muY - z1 * l21) / l22;
					final float q = z1 * z1 + z2 * z2;
					final float wgt = q > 208f ? 0f : (float) Math.exp(q * -0.5f) * f[OPACITY * n + g];
					for (int c = 0; c < COLOURS; c++)
						out[(k * PIXELS + y * PATCH + x) * COLOURS + c] += wgt * f[(COLOUR + c) * n + g];
				}
			}
		}
		return out;
	}

	@Test
	void refusesPatchesOutsideTheField() {
		final float[] field = RasterizerAgreementTest.randomField(8, 16, 1);
		final JavaRasterizer r = new JavaRasterizer();
		assertThrows(IllegalArgumentException.class, () -> r.render(field, 8, 16, new int[] { 2 },
			Progress.NONE));
		assertThrows(IllegalArgumentException.class, () -> r.render(field, 8, 12, new int[] { 0 },
			Progress.NONE));
		assertThrows(IllegalArgumentException.class, () -> r.render(new float[CHANNELS * 8 * 8],
			8, 16, new int[] { 0 }, Progress.NONE));
	}

	@Test
	void keepsToTheThreadShareGivenToLibtorch() {
		final String key = "ai.djl.pytorch.num_threads", before = System.getProperty(key);
		try {
			System.setProperty(key, "1");
			assertEquals(1, JavaRasterizer.defaultThreads());
			System.setProperty(key, "not a number");
			assertEquals(Runtime.getRuntime().availableProcessors(), JavaRasterizer.defaultThreads());
		}
		finally {
			if (before == null) System.clearProperty(key);
			else System.setProperty(key, before);
		}
	}
}
