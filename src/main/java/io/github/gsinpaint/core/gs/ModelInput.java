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

/**
 * Converts between the core's planar tiles (1 to 3 channels) and the model's fixed colour layout:
 * a grey tile is repeated into the three colour channels and the three rendered channels are
 * averaged back, as the model was trained on grey images presented that way.
 */
final class ModelInput {

	private ModelInput() {}

	/** @return the model input {@code [4, h, w]}: three colour channels, then the mask */
	static float[] pack(final float[][] tile, final boolean[] hole, final int n) {
		return pack(tile, hole, null, n);
	}

	/**
	 * @param prior null: hole pixels are 0 (v1); else the values the hole holds (v2: the
	 *          whole-hole harmonic fill), planar like {@code tile}
	 * @return the model input {@code [4, h, w]}: three colour channels, then the mask
	 */
	static float[] pack(final float[][] tile, final boolean[] hole, final float[][] prior,
		final int n)
	{
		final int c = tile.length;
		if (c < 1 || c > COLOURS) throw new IllegalArgumentException("the model fills 1 to " +
			COLOURS + " channels, got " + c);
		final float[] input = new float[4 * n];
		for (int i = 0; i < n; i++) {
			if (hole[i]) input[3 * n + i] = 1f;
			final float[][] src = hole[i] ? prior : tile;
			if (src == null) continue;
			float mean = 0;
			for (int k = 0; k < c; k++)
				mean += src[k][i];
			mean /= c;
			for (int k = 0; k < COLOURS; k++)
				input[k * n + i] = k < c ? src[k][i] : mean;
		}
		return input;
	}

	/**
	 * @param rendered {@code [patches, 256, 3]} from the rasterizer
	 * @return planar values {@code [channels][h * w]}; pixels of patches not rendered stay 0
	 */
	static float[][] unpack(final float[] rendered, final int[] patches, final int channels,
		final int width, final int height)
	{
		return unpack(rendered, patches, channels, width, height, null);
	}

	/**
	 * @param base null: the render is the fill; else (v2) the render is a correction added to
	 *          these planar values (the prior the input held)
	 */
	static float[][] unpack(final float[] rendered, final int[] patches, final int channels,
		final int width, final int height, final float[][] base)
	{
		final float[][] out = new float[channels][width * height];
		final int px = width / PATCH;
		for (int k = 0; k < patches.length; k++) {
			final int y0 = (patches[k] / px) * PATCH, x0 = (patches[k] % px) * PATCH;
			for (int p = 0; p < PIXELS; p++) {
				final int i = (y0 + p / PATCH) * width + x0 + p % PATCH;
				final int at = (k * PIXELS + p) * COLOURS;
				if (channels == 1) out[0][i] = (rendered[at] + rendered[at + 1] + rendered[at + 2]) /
					3f;
				else for (int c = 0; c < channels; c++)
					out[c][i] = rendered[at + c];
				if (base != null) for (int c = 0; c < channels; c++)
					out[c][i] += base[c][i];
			}
		}
		return out;
	}
}
