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
package io.github.gsinpaint.core.classical;

import io.github.gsinpaint.core.HoleSystem;
import io.github.gsinpaint.core.Prior;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;

/**
 * A fill that solves a linear PDE on the hole with the known pixels as boundary values (see
 * {@link HoleSystem}). Tile edges reflect (Neumann). Each channel is solved on its own, so any
 * number of channels can be filled in one call.
 * <p>
 * In the pipeline the method is its own prior: it asks for the fill of its equation over the whole
 * hole ({@link WholeHoleSolver}, one solution however many tiles the hole spans, so no tile
 * borders or bands) and returns it unchanged. The tile-only solve remains for direct calls.
 */
abstract class PdeFiller implements TileFiller {

	private final HoleSystem.Kind kind;
	private final String name;
	private final int tileSize;

	PdeFiller(final HoleSystem.Kind kind, final String name, final int tileSize) {
		this.kind = kind;
		this.name = name;
		this.tileSize = tileSize;
	}

	@Override
	public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
		final int height, final Progress progress)
	{
		return HoleSystem.fill(tile, hole, width, height, kind, progress);
	}

	@Override
	public Prior prior() {
		return kind == HoleSystem.Kind.HARMONIC ? Prior.HARMONIC : Prior.BIHARMONIC;
	}

	/** The prior is this method's fill of the whole hole; without one, the tile is solved alone. */
	@Override
	public float[][] fill(final float[][] tile, final boolean[] hole, final float[][] prior,
		final int width, final int height, final Progress progress)
	{
		if (prior == null) return fill(tile, hole, width, height, progress);
		final float[][] out = new float[prior.length][];
		for (int c = 0; c < prior.length; c++)
			out[c] = prior[c].clone();
		return out;
	}

	@Override
	public boolean fillsWholeHole() {
		return true;
	}

	@Override
	public int preferredTileSize() {
		return tileSize;
	}

	@Override
	public int tileMultiple() {
		return 1;
	}

	@Override
	public int maxJointChannels() {
		return Integer.MAX_VALUE;
	}

	@Override
	public String identity() {
		return name;
	}
}
