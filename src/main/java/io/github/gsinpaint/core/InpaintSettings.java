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
 * How the shared pipeline cuts work into tiles. Immutable; use the {@code with...} methods to
 * derive variants.
 */
public final class InpaintSettings {

	/** Context kept around every damaged region, pixels. */
	public static final int DEFAULT_CONTEXT_MARGIN = 32;
	/** Overlap of neighbouring tiles inside one large region, pixels. */
	public static final int DEFAULT_OVERLAP = 48;

	private final int tileSize;
	private final int overlap;
	private final int contextMargin;
	private final boolean jointChannels;

	private InpaintSettings(final int tileSize, final int overlap, final int contextMargin,
		final boolean jointChannels)
	{
		this.tileSize = tileSize;
		this.overlap = overlap;
		this.contextMargin = contextMargin;
		this.jointChannels = jointChannels;
	}

	/** Tile size 0 means "the method's preferred size". */
	public static InpaintSettings defaults() {
		return new InpaintSettings(0, DEFAULT_OVERLAP, DEFAULT_CONTEXT_MARGIN, false);
	}

	public InpaintSettings withTileSize(final int pixels) {
		if (pixels < 0) throw new IllegalArgumentException("tile size must be >= 0");
		return new InpaintSettings(pixels, overlap, contextMargin, jointChannels);
	}

	public InpaintSettings withOverlap(final int pixels) {
		if (pixels < 0) throw new IllegalArgumentException("overlap must be >= 0");
		return new InpaintSettings(tileSize, pixels, contextMargin, jointChannels);
	}

	public InpaintSettings withContextMargin(final int pixels) {
		if (pixels < 1) throw new IllegalArgumentException("context margin must be >= 1");
		return new InpaintSettings(tileSize, overlap, pixels, jointChannels);
	}

	/**
	 * Joint channels: the channels of the image are one colour image (RGB) and are filled together
	 * and normalised with one shared range. Otherwise every channel is filled on its own.
	 */
	public InpaintSettings withJointChannels(final boolean joint) {
		return new InpaintSettings(tileSize, overlap, contextMargin, joint);
	}

	public int tileSize() {
		return tileSize;
	}

	public int overlap() {
		return overlap;
	}

	public int contextMargin() {
		return contextMargin;
	}

	public boolean jointChannels() {
		return jointChannels;
	}
}
