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

import static io.github.gsinpaint.core.gs.GaussianField.CHANNELS;
import static io.github.gsinpaint.core.gs.GaussianField.PATCH_GRID;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.github.gsinpaint.core.Progress;

/**
 * Renders the 16x16 patches of a Gaussian field that a tile needs (the math is in
 * docs/ARCHITECTURE.md, "Rasterizer math"). Two implementations compute the same sums:
 * {@link JavaRasterizer} in plain Java for a field on the CPU, {@link PatchRasterizer} with DJL
 * operations on the field's own device (a GPU).
 */
public interface Rasterizer {

	/**
	 * @param field the field {@code [9, h, w]} (float32); h and w multiples of 8
	 * @param patches indices {@code P * patchesX + Q} of the 16x16 patches to render, where the
	 *          image is {@code 2w x 2h} pixels and {@code patchesX = 2w / 16}
	 * @param progress gets the share of patches done; cancellation is polled between groups of
	 *          patches
	 * @return {@code [patches.length, 256, 3]} rendered values per patch, row-major pixels, as a
	 *         float array on the CPU
	 */
	float[] render(NDArray field, int[] patches, Progress progress);

	default float[] render(final NDArray field, final int[] patches) {
		return render(field, patches, Progress.NONE);
	}

	/**
	 * Checks a field's shape for both implementations.
	 *
	 * @return {@code {h, w}}
	 * @throws IllegalArgumentException unless it is {@code [9, h, w]} with h and w multiples of 8
	 */
	static int[] fieldSize(final Shape s) {
		if (s.dimension() != 3 || s.get(0) != CHANNELS) throw new IllegalArgumentException(
			"field must be [9, h, w], got " + s);
		final int h = (int) s.get(1), w = (int) s.get(2);
		if (h % PATCH_GRID != 0 || w % PATCH_GRID != 0) throw new IllegalArgumentException(
			"field height and width must be multiples of " + PATCH_GRID + ", got " + s);
		return new int[] { h, w };
	}
}
