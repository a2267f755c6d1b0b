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
package io.github.gsinpaint.core;


/**
 * A step of the shared tile loop ({@link TiledFill}), beside {@link KnownRange}: re-solves the
 * band of a filled hole next to the known pixels biharmonically, keeping the method's fill deeper
 * inside as extra boundary values. A method asks for it through {@link TileFiller#borderBand()}.
 * A learned fill that renders at a coarser grid than the pixels (the 2DGS model v1: one Gaussian
 * per 2x2 pixels) continues fine detail less exactly than a smooth fill right at the border; the
 * band gets the smooth fill, the interior keeps the learned content, and the two meet without a
 * seam. A defect thinner than twice the band is filled biharmonically throughout.
 * python/tune_hybrid.py applies the same rule and chose the width. Immutable.
 */
public final class BorderBand {

	/** No band: the method's fill is kept as it is. */
	public static final BorderBand NONE = new BorderBand(0, 1);

	private final double width;
	private final double share;

	private BorderBand(final double width, final double share) {
		this.width = width;
		this.share = share;
	}

	/**
	 * @param width pixels: hole pixels at Euclidean distance {@code <= width} from a known pixel
	 *          are re-solved; 0 for none
	 * @param share the smooth fill's share in the band (1 = smooth fill only; below 1 the band is
	 *          a weighted mean of both fills, whose errors are partly independent); 0 for none
	 */
	public static BorderBand of(final double width, final double share) {
		return width <= 0 || share <= 0 ? NONE : new BorderBand(width, Math.min(1, share));
	}

	public double width() {
		return width;
	}

	public double share() {
		return share;
	}

	/** @return whether the band changes anything */
	public boolean isActive() {
		return width > 0;
	}

	/**
	 * @param tile the known values (as given to the filler)
	 * @param hole the hole map (as given to the filler)
	 * @param filled the method's fill (read at hole pixels deeper than the band)
	 * @return the combined fill (a new array), or {@code filled} when the band is empty
	 */
	float[][] apply(final float[][] tile, final boolean[] hole, final float[][] filled,
		final int w, final int h, final Progress progress)
	{
		return refine(tile, hole, filled, w, h, width, share, progress);
	}

	/**
	 * @param band width in pixels ({@link #of}); 0 returns {@code filled} unchanged
	 * @param share the smooth fill's share in the band ({@link #of})
	 * @return the combined fill (a new array), or {@code filled} when nothing lies in the band
	 */
	static float[][] refine(final float[][] tile, final boolean[] hole, final float[][] filled,
		final int w, final int h, final double band, final double share, final Progress progress)
	{
		if (band <= 0 || share <= 0) return filled;
		final float a = (float) Math.min(1, share);
		final double[] dist = DistanceTransform.toKnown(hole, w, h);
		final boolean[] ring = new boolean[w * h];
		boolean any = false;
		for (int i = 0; i < ring.length; i++) {
			ring[i] = hole[i] && dist[i] <= band;
			any |= ring[i];
		}
		if (!any) return filled;
		final float[][] seeded = new float[tile.length][];
		for (int c = 0; c < tile.length; c++) {
			seeded[c] = tile[c].clone();
			for (int i = 0; i < ring.length; i++)
				if (hole[i] && !ring[i]) seeded[c][i] = filled[c][i];
		}
		// The biharmonic solve of the tile alone, with the deeper fill as boundary.
		final float[][] smooth = HoleSystem.fill(seeded, ring, w, h, HoleSystem.Kind.BIHARMONIC,
			progress);
		final float[][] out = new float[tile.length][];
		for (int c = 0; c < tile.length; c++) {
			out[c] = filled[c].clone();
			for (int i = 0; i < ring.length; i++)
				if (ring[i]) out[c][i] = a * smooth[c][i] + (1 - a) * filled[c][i];
		}
		return out;
	}

	@Override
	public String toString() {
		return isActive() ? "border band " + width + " px" + (share < 1 ? " share " + share : "")
			: "no border band";
	}
}
