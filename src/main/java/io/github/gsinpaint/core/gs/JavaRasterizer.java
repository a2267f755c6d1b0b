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

import java.util.stream.IntStream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.github.gsinpaint.core.Progress;

/**
 * Renders a Gaussian field on the CPU in plain Java: the same sums as {@link PatchRasterizer} and
 * python/gsinpaint/render.py (docs/ARCHITECTURE.md, "Rasterizer math"), every one of a patch's 144
 * Gaussians at every one of its 256 pixels, in the same float operations, so the two agree to
 * float rounding (the order of the 144 terms of a sum and the last bit of exp may differ).
 * <p>
 * Why not DJL on the CPU: there a group of patches is a [patches, 256, 144] weight tensor built by
 * a dozen element-wise operations, each a pass through memory, before the product with the
 * colours; here one patch's 768 sums stay in the first-level cache while its 144 Gaussians are
 * added in, and nothing is allocated per patch. The Gaussians' means are formed once per field
 * in a table padded with the absent Gaussian, so a patch at the field's border needs no test.
 * <p>
 * Patches are rendered in rounds; a round is split into one contiguous slice per thread (the
 * caller and the common fork-join pool), and progress and cancellation are handled between rounds
 * on the caller's thread.
 */
public final class JavaRasterizer implements Rasterizer {

	/** Patches per thread and round: about 5 ms of work, so a cancel is seen at once. */
	public static final int DEFAULT_PER_THREAD = 16;

	/**
	 * Above this squared Mahalanobis distance exp(-q/2) is below half the smallest float (exp(-104)
	 * = 6.8e-46 < 2^-150 = 7.0e-46), so the float weight is exactly 0 and exp need not be called:
	 * the result is bit for bit the one with the call (a NaN distance still goes through it).
	 */
	private static final float NO_WEIGHT = 208f;
	/**
	 * Pixels where a Gaussian's squared Mahalanobis distance exceeds this are not visited: its
	 * weight there is below exp(-25) = 1.4e-11 of its opacity, so the 144 terms left out of a sum
	 * change it by less than 1e-8 of the colours' size (a 16-bit image's step is 1.5e-5), while the
	 * pixels within reach of a Gaussian of the trained fields are a small part of its patch. Only
	 * an ellipse's bounding columns and, per column, its rows are visited; inside them every term
	 * is formed as before, in the same order, so those sums are bit for bit the full ones.
	 */
	private static final float REACH = 50f;

	/** Floats per Gaussian in the table: muX, muY, l11, l21, l22, opacity, three colours. */
	private static final int G = 9;
	private static final int MU_X = 0, MU_Y = 1, T_L11 = 2, T_L21 = 3, T_L22 = 4, T_O = 5, T_C = 6;

	private final int threads;
	private final int perThread;

	/**
	 * As many threads as libtorch was given: the command line and Spark set
	 * {@code ai.djl.pytorch.num_threads} to this process's share of the cores when several repair
	 * processes run at once, and the render should keep to the same share; without it, as many as
	 * the JVM has processors.
	 */
	public JavaRasterizer() {
		this(defaultThreads(), DEFAULT_PER_THREAD);
	}

	static int defaultThreads() {
		final String set = System.getProperty("ai.djl.pytorch.num_threads");
		if (set != null) try {
			final int n = Integer.parseInt(set.trim());
			if (n > 0) return n;
		}
		catch (final NumberFormatException e) {
			// DJL reports a malformed count when it starts; the render falls back to the processors
		}
		return Runtime.getRuntime().availableProcessors();
	}

	/**
	 * @param threads slices per round (1: all on the caller's thread)
	 * @param perThread patches per slice of a round
	 */
	public JavaRasterizer(final int threads, final int perThread) {
		if (threads < 1 || perThread < 1) throw new IllegalArgumentException(
			"threads and patches per thread must be >= 1");
		this.threads = threads;
		this.perThread = perThread;
	}

	/** Copies the field to the Java heap (from any device) and renders it there. */
	@Override
	public float[] render(final NDArray field, final int[] patches, final Progress progress) {
		final int[] size = Rasterizer.fieldSize(field.getShape());
		final float[] values = field.getDataType() == DataType.FLOAT32 ? field.toFloatArray()
			: field.toType(DataType.FLOAT32, false).toFloatArray();
		return render(values, size[0], size[1], patches, progress);
	}

	/**
	 * @param field the field {@code [9, h, w]}, channel after channel, rows within a channel
	 * @see Rasterizer#render(NDArray, int[], Progress)
	 */
	public float[] render(final float[] field, final int h, final int w, final int[] patches,
		final Progress progress)
	{
		if (h % PATCH_GRID != 0 || w % PATCH_GRID != 0 || h < 0 || w < 0)
			throw new IllegalArgumentException("field height and width must be multiples of " +
				PATCH_GRID + ", got " + h + " x " + w);
		if (field.length != CHANNELS * h * w) throw new IllegalArgumentException("field has " +
			field.length + " values, not 9 x " + h + " x " + w);
		final int patchesX = w / PATCH_GRID, count = patchesX * (h / PATCH_GRID);
		for (final int p : patches)
			if (p < 0 || p >= count) throw new IllegalArgumentException("patch " + p +
				" is not one of the field's " + count);
		final float[] out = new float[patches.length * PIXELS * COLOURS];
		if (patches.length == 0) return out;
		final float[] table = table(field, h, w);
		final int stride = (w + 2 * RING) * G;
		final int round = threads * perThread;
		for (int start = 0; start < patches.length; start += round) {
			progress.checkCancelled();
			progress.report((double) start / patches.length, start + " of " + patches.length +
				" patches");
			final int from = start, n = Math.min(round, patches.length - start);
			final int slices = Math.min(threads, (n + perThread - 1) / perThread);
			if (slices == 1) renderRange(table, stride, patchesX, patches, from, from + n, out);
			else IntStream.range(0, slices).parallel().forEach(k -> renderRange(table, stride,
				patchesX, patches, from + (int) ((long) n * k / slices), from + (int) ((long) n *
					(k + 1) / slices), out));
		}
		return out;
	}

	/**
	 * The Gaussians of the field padded by the ring on every side, {@link #G} floats each, row
	 * after row; the padding holds the absent Gaussian (opacity 0, unit Cholesky factor, so its
	 * weight is exactly 0). The means are {@code baseCentre + offset} in float, as the DJL
	 * rasterizer forms them.
	 */
	private static float[] table(final float[] field, final int h, final int w) {
		final int hp = h + 2 * RING, wp = w + 2 * RING, n = h * w;
		final float[] t = new float[hp * wp * G];
		for (int ip = 0; ip < hp; ip++) {
			final int i = ip - RING;
			for (int jp = 0; jp < wp; jp++) {
				final int j = jp - RING, o = (ip * wp + jp) * G;
				if (i < 0 || j < 0 || i >= h || j >= w) {
					t[o + MU_X] = baseCentre(j);
					t[o + MU_Y] = baseCentre(i);
					t[o + T_L11] = 1f;
					t[o + T_L22] = 1f;
					continue;
				}
				final int f = i * w + j;
				t[o + MU_X] = baseCentre(j) + field[DX * n + f];
				t[o + MU_Y] = baseCentre(i) + field[DY * n + f];
				t[o + T_L11] = field[L11 * n + f];
				t[o + T_L21] = field[L21 * n + f];
				t[o + T_L22] = field[L22 * n + f];
				t[o + T_O] = field[OPACITY * n + f];
				for (int c = 0; c < COLOURS; c++)
					t[o + T_C + c] = field[(COLOUR + c) * n + f];
			}
		}
		return t;
	}

	/**
	 * Renders {@code patches[from..to)} into their places in {@code out} (zero before), Gaussian by
	 * Gaussian, so every pixel's sum runs over the Gaussians in one fixed order. A Gaussian with
	 * opacity 0 adds nothing (the ring's padding), one with finite parameters only within its
	 * {@link #REACH}; one with a NaN or infinite parameter, or a zero scale, is added at every pixel,
	 * so that a broken field still shows as NaN.
	 */
	private static void renderRange(final float[] t, final int stride, final int patchesX,
		final int[] patches, final int from, final int to, final float[] out)
	{
		final float reach = (float) Math.sqrt(REACH);
		for (int k = from; k < to; k++) {
			final int patch = patches[k];
			final int pr = patch / patchesX, pc = patch % patchesX;
			final float x0 = pc * PATCH, y0 = pr * PATCH;
			final int base = k * PIXELS * COLOURS;
			// padded row pr * 8 + a is field row pr * 8 - 2 + a: the extended patch's row a
			for (int a = 0; a < EXTENDED; a++) {
				int g = (pr * PATCH_GRID + a) * stride + pc * PATCH_GRID * G;
				for (int b = 0; b < EXTENDED; b++, g += G) {
					final float muX = t[g + MU_X], muY = t[g + MU_Y], l11 = t[g + T_L11], l21 = t[g +
						T_L21], l22 = t[g + T_L22], o = t[g + T_O];
					final float c0 = t[g + T_C], c1 = t[g + T_C + 1], c2 = t[g + T_C + 2];
					final float sum = muX + muY + l11 + l21 + l22 + o + c0 + c1 + c2;
					if (!Float.isFinite(sum) || l11 == 0 || l22 == 0) {
						addEverywhere(x0, y0, muX, muY, l11, l21, l22, o, c0, c1, c2, out, base);
						continue;
					}
					if (o == 0) continue; // adds a zero everywhere
					// columns where z1^2 <= REACH, then per column the rows where z2^2 <= REACH - z1^2
					final float spanX = reach * Math.abs(l11);
					final int xa = Math.max(0, (int) Math.ceil(muX - spanX - x0));
					final int xb = Math.min(PATCH - 1, (int) Math.floor(muX + spanX - x0));
					final float al22 = Math.abs(l22);
					for (int x = xa; x <= xb; x++) {
						final float z1 = (x0 + x - muX) / l11;
						final float z1sq = z1 * z1, z1l21 = z1 * l21;
						final float spanY = al22 * (float) Math.sqrt(Math.max(0f, REACH - z1sq));
						final float centreY = muY + z1l21 - y0;
						final int ya = Math.max(0, (int) Math.ceil(centreY - spanY));
						final int yb = Math.min(PATCH - 1, (int) Math.floor(centreY + spanY));
						int p = base + (ya * PATCH + x) * COLOURS;
						for (int y = ya; y <= yb; y++, p += PATCH * COLOURS) {
							final float z2 = (y0 + y - muY - z1l21) / l22;
							final float q = z1sq + z2 * z2;
							final float wgt = q > NO_WEIGHT ? 0f : (float) Math.exp(q * -0.5f) * o;
							out[p] += wgt * c0;
							out[p + 1] += wgt * c1;
							out[p + 2] += wgt * c2;
						}
					}
				}
			}
		}
	}

	/** One Gaussian at every pixel of a patch, with no reach: for fields with broken values. */
	private static void addEverywhere(final float x0, final float y0, final float muX,
		final float muY, final float l11, final float l21, final float l22, final float o,
		final float c0, final float c1, final float c2, final float[] out, final int base)
	{
		for (int y = 0; y < PATCH; y++) {
			final float dy = y0 + y - muY;
			int p = base + y * PATCH * COLOURS;
			for (int x = 0; x < PATCH; x++, p += COLOURS) {
				final float z1 = (x0 + x - muX) / l11;
				final float z2 = (dy - z1 * l21) / l22;
				final float q = z1 * z1 + z2 * z2;
				final float wgt = q > NO_WEIGHT ? 0f : (float) Math.exp(q * -0.5f) * o;
				out[p] += wgt * c0;
				out[p + 1] += wgt * c1;
				out[p + 2] += wgt * c2;
			}
		}
	}
}
