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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.Progress;

/**
 * What every {@link Rasterizer} must do, on a field on the CPU: render Gaussians as evaluated by
 * hand (here the Mahalanobis distance goes through an explicit 2x2 inverse of Sigma = L L^T, a
 * different route from the rasterizers' forward substitution), reproduce the shared
 * cross-language fixture, and report and poll between groups of patches. A subclass names the
 * implementation, made with small groups so that every test crosses several of them.
 */
public abstract class RasterizerContractTest {

	/** The rasterizer under test, rendering at most a few patches per group (or round). */
	protected abstract Rasterizer rasterizer();

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

	private float[] render(final float[] field, final int h, final int w, final int[] patches) {
		return render(field, h, w, patches, Progress.NONE);
	}

	private float[] render(final float[] field, final int h, final int w, final int[] patches,
		final Progress progress)
	{
		TorchEngine.get();
		try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), TorchEngine.NAME)) {
			final NDArray f = m.create(field, new Shape(CHANNELS, h, w));
			return rasterizer().render(f, patches, progress);
		}
	}

	static int[] allPatches(final int h, final int w) {
		final int n = (h / PATCH_GRID) * (w / PATCH_GRID);
		final int[] p = new int[n];
		for (int i = 0; i < n; i++)
			p[i] = i;
		return p;
	}

	/** Renders every patch and compares every pixel with a single Gaussian at (i, j). */
	private void checkSingle(final int h, final int w, final int i, final int j,
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

	/**
	 * The shared cross-language fixture: Gaussian fields and the images python/gsinpaint/render.py
	 * rendered from them (python/make_fixture.py). Reproducing them to 1e-5 proves both sides
	 * implement the same math (python/tests/test_render.py checks the Python side against the same
	 * files).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", "-wide" })
	void rendersWhatPythonRendered(final String suffix) throws IOException {
		final Npy field = Npy.read("/fixtures/rasterizer/field" + suffix + ".npy");
		final Npy expected = Npy.read("/fixtures/rasterizer/render" + suffix + ".npy");
		final int h = (int) field.shape[1], w = (int) field.shape[2];
		assertArrayEquals(new long[] { COLOURS, 2L * h, 2L * w }, expected.shape);
		final int px = w / PATCH_GRID;
		final int[] patches = allPatches(h, w);
		final float[] out = render(field.data, h, w, patches);
		final int width = 2 * w, height = 2 * h;
		double worst = 0;
		for (int k = 0; k < patches.length; k++) {
			final int y0 = (k / px) * PATCH, x0 = (k % px) * PATCH;
			for (int p = 0; p < PIXELS; p++) {
				final int y = y0 + p / PATCH, x = x0 + p % PATCH;
				for (int c = 0; c < COLOURS; c++) {
					final float e = expected.data[(c * height + y) * width + x];
					final float a = out[(k * PIXELS + p) * COLOURS + c];
					worst = Math.max(worst, Math.abs(a - e));
				}
			}
		}
		assertEquals(0, worst, 1e-5, "largest difference to the Python render");
	}

	/** Records the fractions reported and cancels at the {@code cancelAt}-th report (0: never). */
	private static final class Recorder implements Progress {

		final List<Double> fractions = new ArrayList<>();
		final int cancelAt;

		Recorder(final int cancelAt) {
			this.cancelAt = cancelAt;
		}

		@Override
		public void report(final double fraction, final String message) {
			fractions.add(fraction);
		}

		@Override
		public boolean isCancelled() {
			return cancelAt > 0 && fractions.size() >= cancelAt;
		}
	}

	@Test
	void reportsRisingFractionsBetweenGroups() {
		final Recorder r = new Recorder(0);
		render(emptyField(32, 32), 32, 32, allPatches(32, 32), r);
		assertTrue(r.fractions.size() >= 2, "reports: " + r.fractions);
		assertEquals(0, r.fractions.get(0), 0);
		for (int i = 1; i < r.fractions.size(); i++)
			assertTrue(r.fractions.get(i) > r.fractions.get(i - 1) && r.fractions.get(i) < 1,
				"reports: " + r.fractions);
	}

	@Test
	void stopsAtACancelBetweenGroups() {
		final Recorder r = new Recorder(1);
		assertThrows(InpaintCancelledException.class, () -> render(emptyField(32, 32), 32, 32,
			allPatches(32, 32), r));
		assertEquals(1, r.fractions.size(), "no group after the cancel");
	}

	@Test
	void rendersNoPatchesToNothing() {
		assertEquals(0, render(emptyField(8, 8), 8, 8, new int[0]).length);
	}
}
