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

/**
 * Constants of the Gaussian field the model predicts and the rasterizer renders. They are part of
 * the contract with the Python training code (docs/ARCHITECTURE.md); changing one means retraining.
 */
public final class GaussianField {

	private GaussianField() {}

	/** Channels of the field: dx, dy, l11, l21, l22, opacity, three colours. */
	public static final int CHANNELS = 9;
	public static final int DX = 0, DY = 1, L11 = 2, L21 = 3, L22 = 4, OPACITY = 5, COLOUR = 6;
	public static final int COLOURS = 3;
	/** One Gaussian per STRIDE x STRIDE pixels. */
	public static final int STRIDE = 2;
	/** Output patch edge, pixels. */
	public static final int PATCH = 16;
	/** Grid points per patch edge. */
	public static final int PATCH_GRID = PATCH / STRIDE;
	/** Extra grid points on each side of a patch whose Gaussians also reach into it. */
	public static final int RING = 2;
	/** Grid points per extended-patch edge (12). */
	public static final int EXTENDED = PATCH_GRID + 2 * RING;
	/** Gaussians per extended patch (144). */
	public static final int PER_PATCH = EXTENDED * EXTENDED;
	/** Pixels per patch (256). */
	public static final int PIXELS = PATCH * PATCH;

	/** x (or y) of the base centre of grid column (or row) {@code j}. */
	public static float baseCentre(final int j) {
		return STRIDE * j + 0.5f * (STRIDE - 1);
	}
}
