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
 * One connected damaged region: the bounding box of its damage grown by the context margin
 * (clipped to the image), and the damaged blocks it owns. Every damaged block belongs to exactly
 * one region, so every masked pixel is written by exactly one region.
 * <p>
 * A region may be a <em>chunk</em> of a larger one ({@link RegionCuts}): it then owns the damaged
 * blocks of one cell of the larger region, its box is those blocks grown by the cut margin
 * (within the larger region's box), and it keeps the larger region as {@link #whole}, whose tile
 * layout and intensity normalisation it shares, so that a pixel gets the same tiles and the same
 * scale whether or not its region was cut.
 */
final class Region {

	final int x0, y0, width, height;
	/** Indices {@code by * blocksX + bx} of the damaged blocks of this region. */
	final int[] damagedBlocks;
	/** The region this one was cut from; the region itself when it was not cut. */
	final Region whole;

	Region(final int x0, final int y0, final int width, final int height,
		final int[] damagedBlocks)
	{
		this(x0, y0, width, height, damagedBlocks, null);
	}

	/** A chunk of {@code whole} (or a whole region when {@code whole} is null). */
	Region(final int x0, final int y0, final int width, final int height,
		final int[] damagedBlocks, final Region whole)
	{
		this.x0 = x0;
		this.y0 = y0;
		this.width = width;
		this.height = height;
		this.damagedBlocks = damagedBlocks;
		this.whole = whole == null ? this : whole;
	}

	boolean isChunk() {
		return whole != this;
	}

	long area() {
		return (long) width * height;
	}
}
