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
 * A {@link TileFiller} that hands every call to another one: tests and benchmarks extend it to
 * count or time the tile calls while the pipeline sees the wrapped method unchanged (its prior,
 * border band, whole-hole fill and tiling). Closing it closes the wrapped method.
 */
public class ForwardingTileFiller implements TileFiller {

	protected final TileFiller inner;

	public ForwardingTileFiller(final TileFiller inner) {
		this.inner = inner;
	}

	@Override
	public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
		final int height, final Progress progress)
	{
		return inner.fill(tile, hole, width, height, progress);
	}

	@Override
	public float[][] fill(final float[][] tile, final boolean[] hole, final float[][] prior,
		final int width, final int height, final Progress progress)
	{
		return inner.fill(tile, hole, prior, width, height, progress);
	}

	@Override
	public Prior prior() {
		return inner.prior();
	}

	@Override
	public int priorSweeps() {
		return inner.priorSweeps();
	}

	@Override
	public BorderBand borderBand() {
		return inner.borderBand();
	}

	@Override
	public boolean fillsWholeHole() {
		return inner.fillsWholeHole();
	}

	@Override
	public int preferredTileSize() {
		return inner.preferredTileSize();
	}

	@Override
	public TileCost tileCost() {
		return inner.tileCost();
	}

	@Override
	public int tileMultiple() {
		return inner.tileMultiple();
	}

	@Override
	public int minimumTileSize() {
		return inner.minimumTileSize();
	}

	@Override
	public int tileSizeFor(final int wanted) {
		return inner.tileSizeFor(wanted);
	}

	@Override
	public int maxJointChannels() {
		return inner.maxJointChannels();
	}

	@Override
	public String identity() {
		return inner.identity();
	}

	@Override
	public void close() {
		inner.close();
	}
}
