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

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.gsinpaint.core.Progress;

/**
 * Renders a Gaussian field patch by patch with DJL NDArray operations, so it runs on whatever
 * device the field lives on: the rasterizer for a field on a GPU (CUDA where the user has it). On
 * the CPU {@link JavaRasterizer} computes the same sums faster. The math is in
 * docs/ARCHITECTURE.md and matches python/gsinpaint/render.py (see the shared fixture).
 * <p>
 * For a group of patches the weights form a [patches, 256 pixels, 144 Gaussians] tensor that is
 * multiplied by the [patches, 144, 3] colours: one batched matrix product. Memory is bounded by
 * the group size, and only the patches asked for are rendered.
 */
public final class PatchRasterizer implements Rasterizer {

	/** Patches rendered at once: 32 x 256 x 144 floats = 4.7 MB per temporary tensor. */
	public static final int DEFAULT_GROUP = 32;

	private final int group;

	public PatchRasterizer() {
		this(DEFAULT_GROUP);
	}

	public PatchRasterizer(final int group) {
		if (group < 1) throw new IllegalArgumentException("group must be >= 1");
		this.group = group;
	}

	/**
	 * Renders in groups of patches, reporting the share of patches done and polling cancellation
	 * before every group.
	 */
	@Override
	public float[] render(final NDArray field, final int[] patches, final Progress progress) {
		final int[] size = Rasterizer.fieldSize(field.getShape());
		final int h = size[0], w = size[1];
		final float[] out = new float[patches.length * PIXELS * COLOURS];
		try (NDManager scope = field.getManager().newSubManager()) {
			final NDArray table = withAbsentGaussian(field.reshape(CHANNELS, (long) h * w), scope);
			final NDArray[] params = new NDArray[CHANNELS];
			for (int k = 0; k < CHANNELS; k++)
				params[k] = table.get(k);
			for (int start = 0; start < patches.length; start += group) {
				progress.checkCancelled();
				progress.report((double) start / patches.length, start + " of " + patches.length +
					" patches");
				final int n = Math.min(group, patches.length - start);
				try (NDManager g = scope.newSubManager()) {
					final float[] rendered = renderGroup(params, patches, start, n, w / PATCH_GRID, h, w,
						g);
					System.arraycopy(rendered, 0, out, start * PIXELS * COLOURS, rendered.length);
				}
			}
		}
		return out;
	}

	/**
	 * Appends one Gaussian that contributes exactly nothing (opacity 0, unit Cholesky factor so no
	 * division by zero); grid points outside the field point at it.
	 */
	private static NDArray withAbsentGaussian(final NDArray flat, final NDManager m) {
		final float[] absent = new float[CHANNELS];
		absent[L11] = 1f;
		absent[L22] = 1f;
		final NDArray column = m.create(absent, new Shape(CHANNELS, 1)).toDevice(flat.getDevice(),
			false);
		return flat.concat(column, 1);
	}

	private static float[] renderGroup(final NDArray[] p, final int[] patches, final int start,
		final int n, final int patchesX, final int h, final int w, final NDManager m)
	{
		final long absent = (long) h * w;
		final long[] index = new long[n * PER_PATCH];
		final float[] baseX = new float[n * PER_PATCH], baseY = new float[n * PER_PATCH];
		final float[] pixX = new float[n * PIXELS], pixY = new float[n * PIXELS];
		for (int k = 0; k < n; k++) {
			final int patch = patches[start + k];
			final int pr = patch / patchesX, pc = patch % patchesX;
			for (int a = 0; a < EXTENDED; a++) {
				final int i = pr * PATCH_GRID - RING + a;
				for (int b = 0; b < EXTENDED; b++) {
					final int j = pc * PATCH_GRID - RING + b;
					final int e = k * PER_PATCH + a * EXTENDED + b;
					final boolean inside = i >= 0 && j >= 0 && i < h && j < w;
					index[e] = inside ? (long) i * w + j : absent;
					baseX[e] = baseCentre(j);
					baseY[e] = baseCentre(i);
				}
			}
			for (int y = 0; y < PATCH; y++)
				for (int x = 0; x < PATCH; x++) {
					pixX[k * PIXELS + y * PATCH + x] = pc * PATCH + x;
					pixY[k * PIXELS + y * PATCH + x] = pr * PATCH + y;
				}
		}
		final ai.djl.Device device = p[0].getDevice();
		final Shape gShape = new Shape(n, 1, PER_PATCH), pShape = new Shape(n, PIXELS, 1);
		final NDArray idx = m.create(index, new Shape(n, PER_PATCH)).toDevice(device, false);
		final NDArray muX = m.create(baseX, gShape).toDevice(device, false).add(take(p[DX], idx,
			gShape));
		final NDArray muY = m.create(baseY, gShape).toDevice(device, false).add(take(p[DY], idx,
			gShape));
		final NDArray dx = m.create(pixX, pShape).toDevice(device, false).sub(muX);
		final NDArray dy = m.create(pixY, pShape).toDevice(device, false).sub(muY);
		final NDArray z1 = dx.div(take(p[L11], idx, gShape));
		final NDArray z2 = dy.sub(z1.mul(take(p[L21], idx, gShape))).div(take(p[L22], idx,
			gShape));
		final NDArray weight = z1.square().add(z2.square()).mul(-0.5f).exp().mul(take(p[OPACITY],
			idx, gShape));
		final NDList colours = new NDList(COLOURS);
		for (int c = 0; c < COLOURS; c++)
			colours.add(take(p[COLOUR + c], idx, new Shape(n, PER_PATCH)));
		final NDArray colour = NDArrays.stack(colours, 2); // [n, 144, 3]
		final NDArray rendered = weight.batchMatMul(colour); // [n, 256, 3]
		return rendered.toType(DataType.FLOAT32, false).toFloatArray();
	}

	/**
	 * Gathers one parameter for the group. DJL attaches an op's result to the manager of the array
	 * it is called on (here the whole-field scope), so the gathered arrays are moved to the group's
	 * manager and freed with the group: otherwise they pile up until the whole render ends and, small
	 * as they are, they fragment glibc's heap between the large temporaries of successive groups,
	 * and the process's native peak grows with the number of patches (3.4 GB for a 1024 x 1024 tile
	 * in groups of 32, against 130 MB when they are freed; see docs/BENCHMARKS.md).
	 */
	private static NDArray take(final NDArray param, final NDArray idx, final Shape shape) {
		final NDArray gathered = param.take(idx);
		gathered.attach(idx.getManager());
		final NDArray reshaped = gathered.reshape(shape);
		reshaped.attach(idx.getManager());
		return reshaped;
	}
}
