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
package io.github.gsinpaint.bench;

import java.util.Random;

import io.github.gsinpaint.core.gs.GaussianField;

/**
 * Deterministic inputs for the benchmarks: a textured RGB image and free-form stroke masks (random
 * walks of discs, like the "stroke" masks of the development set).
 */
public final class BenchInputs {

	private BenchInputs() {}

	/** A Gaussian field {@code [9, h, w]} with every parameter random within its valid range. */
	static float[] randomField(final int h, final int w, final long seed) {
		final Random r = new Random(seed);
		final int n = h * w;
		final float[] f = new float[GaussianField.CHANNELS * n];
		for (int i = 0; i < n; i++) {
			f[GaussianField.DX * n + i] = (float) (r.nextDouble() * 2 - 1);
			f[GaussianField.DY * n + i] = (float) (r.nextDouble() * 2 - 1);
			f[GaussianField.L11 * n + i] = 0.35f + 1.15f * r.nextFloat();
			f[GaussianField.L21 * n + i] = (float) (r.nextDouble() * 2 - 1);
			f[GaussianField.L22 * n + i] = 0.35f + 1.15f * r.nextFloat();
			f[GaussianField.OPACITY * n + i] = r.nextFloat();
			for (int c = 0; c < GaussianField.COLOURS; c++)
				f[(GaussianField.COLOUR + c) * n + i] = r.nextFloat();
		}
		return f;
	}

	/**
	 * The predictor benchmarks' tile: {@link #image} scaled to [0, 1] with {@code holes} of its
	 * pixels in strokes (hole pixels 0). Returns the tile; {@code hole} receives the mask.
	 */
	public static float[][] strokeTile(final int size, final double holes, final boolean[] hole) {
		final float[][] img = image(size, size, 3);
		strokes(hole, size, size, Math.round(holes * size * size), 6, 30, 5);
		final float[][] tile = new float[3][size * size];
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < size * size; i++)
				tile[c][i] = hole[i] ? 0f : img[c][i] / 255f;
		return tile;
	}

	/** Interleaved-free planar RGB in [0, 255]: smooth gradients, a few edges and noise. */
	public static float[][] image(final int w, final int h, final long seed) {
		final Random r = new Random(seed);
		final float[][] c = new float[3][w * h];
		final double fx = 2 * Math.PI / 97.0, fy = 2 * Math.PI / 61.0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				final double base = 128 + 60 * Math.sin(x * fx) * Math.cos(y * fy) + ((x / 37 + y /
					29) % 2 == 0 ? 20 : -20);
				for (int k = 0; k < 3; k++)
					c[k][i] = (float) Math.max(0, Math.min(255, base + 15 * k + 6 * r.nextGaussian()));
			}
		return c;
	}

	/**
	 * Adds strokes at random places until {@code targetPixels} pixels are holes.
	 *
	 * @param radius stroke half-width in pixels
	 * @param maxLength steps of one stroke (each ~radius long)
	 */
	public static int strokes(final boolean[] hole, final int w, final int h, final long targetPixels,
		final int radius, final int maxLength, final long seed)
	{
		final Random r = new Random(seed);
		int count = 0;
		for (final boolean b : hole)
			if (b) count++;
		while (count < targetPixels) {
			double x = r.nextInt(w), y = r.nextInt(h);
			double angle = r.nextDouble() * 2 * Math.PI;
			final int steps = 1 + r.nextInt(maxLength);
			for (int s = 0; s < steps && count < targetPixels; s++) {
				angle += (r.nextDouble() - 0.5) * 0.8;
				x += Math.cos(angle) * radius;
				y += Math.sin(angle) * radius;
				count += disc(hole, w, h, (int) Math.round(x), (int) Math.round(y), radius);
			}
		}
		return count;
	}

	private static int disc(final boolean[] hole, final int w, final int h, final int cx,
		final int cy, final int rad)
	{
		int added = 0;
		for (int y = Math.max(0, cy - rad); y <= Math.min(h - 1, cy + rad); y++)
			for (int x = Math.max(0, cx - rad); x <= Math.min(w - 1, cx + rad); x++) {
				final int dx = x - cx, dy = y - cy;
				if (dx * dx + dy * dy <= rad * rad && !hole[y * w + x]) {
					hole[y * w + x] = true;
					added++;
				}
			}
		return added;
	}

	static double median(final double[] v) {
		final double[] s = v.clone();
		java.util.Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
	}
}
