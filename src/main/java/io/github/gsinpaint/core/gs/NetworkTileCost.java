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

import io.github.gsinpaint.core.TileCost;

/**
 * The measured time of the gs-inpaint-v2 network on one tile on the CPU, by the tile's pixels:
 * what lets a region choose a tile larger than the package's where that costs no more
 * ({@link io.github.gsinpaint.core.TileFiller#tileCost()}). Interpolated linearly between the
 * measured square tiles; tiles of other shapes cost about as much as a square of as many pixels
 * (a 384 x 112 tile as a 208 x 208 one, 512 x 384 as 448 x 448: docs/BENCHMARKS.md 4.1). A
 * call has a fixed part (a 64 px tile costs a sixth of a 256 px one for a sixteenth of its
 * pixels), and a 512 px tile costs about four 256 px ones: one large tile saves the calls and the
 * overlaps of many small ones, but over sparse damage small tiles skip more intact pixels. The
 * rasterizer, whose time follows the hole patches, is left out: it costs about the same whatever
 * the layout.
 */
final class NetworkTileCost implements TileCost {

	/**
	 * Sides of the measured square tiles (px) and the network's time on each (ms): the median over
	 * six passes of {@code bench.NetworkSideBySide <8 or 10 rounds> <side> models/gs-inpaint-v2}
	 * (2.3.0; 2.4.0 has the same network), one JVM per side, the sides run up, down, up and so on,
	 * on the 2 shared CPU cores with {@code ONEDNN_MAX_CPU_ISA=AVX2}, 2026-12-02 16:36-16:44 UTC,
	 * load average 1.6-3.9 (docs/BENCHMARKS.md 4.1). The 416 px side (238.6 ms) is left out: alone
	 * in its JVM it ran below 384 px, but above it with many shapes in one JVM, as a fill's tiles
	 * share the plugin's; without it the cost never falls as the pixels grow.
	 */
	private static final int[] SIDES = { 64, 128, 160, 192, 224, 256, 288, 320, 352, 384, 448, 480,
		512 };
	private static final double[] MS = { 19.0, 43.4, 64.4, 78.6, 109.8, 116.0, 162.3, 254.0, 285.6,
		306.2, 366.2, 436.4, 479.8 };

	/** The package whose network was measured. */
	static final String PACKAGE = "gs-inpaint-v2";

	/** The cost of gs-inpaint-v2 on 2 CPU cores. */
	static final NetworkTileCost V2_ON_CPU = new NetworkTileCost();

	private NetworkTileCost() {}

	@Override
	public double of(final int width, final int height) {
		final double px = (double) width * height;
		int k = 1;
		while (k < SIDES.length - 1 && px > (double) SIDES[k] * SIDES[k])
			k++;
		// Below the smallest and above the largest side: the nearest segment's slope, continued.
		final double p0 = (double) SIDES[k - 1] * SIDES[k - 1], p1 = (double) SIDES[k] * SIDES[k];
		return Math.max(MS[0], MS[k - 1] + (MS[k] - MS[k - 1]) * (px - p0) / (p1 - p0));
	}
}
