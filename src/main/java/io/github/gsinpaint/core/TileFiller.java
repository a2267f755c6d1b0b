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
 * Fills the holes of one tile of normalised intensities. This is the one thing an inpainting
 * method has to provide; the tiling, normalisation and compositing around it are shared
 * ({@link Inpainting}).
 * <p>
 * A filler is used by one thread at a time. It may hold native resources (a loaded model), hence
 * {@link AutoCloseable}.
 */
public interface TileFiller extends AutoCloseable {

	/**
	 * @param tile planar pixels, {@code tile[c][y * width + x]}, normalised to about [0, 1];
	 *          values at hole pixels are undefined (callers set them to 0)
	 * @param hole {@code hole[y * width + x]} is true where the tile must be filled (the mask,
	 *          non-finite pixels; a tile reaching beyond the image holds the image mirrored at
	 *          its border there, hole map included)
	 * @param width tile width, a multiple of {@link #tileMultiple()}
	 * @param height tile height, a multiple of {@link #tileMultiple()}
	 * @param progress polled for cancellation during long work
	 * @return planar filled values with the same layout as {@code tile}, owned by the caller (it
	 *         clips them to the tile's known range in place); only hole pixels are read, and they
	 *         must be finite
	 */
	float[][] fill(float[][] tile, boolean[] hole, int width, int height, Progress progress);

	/**
	 * @return the classical fill this method wants to see in the hole ({@link Prior#NONE}, the
	 *         default, for none). The pipeline then solves it once over the whole hole of each
	 *         region and calls {@link #fill(float[][], boolean[], float[][], int, int, Progress)}
	 *         with each tile's part of it.
	 */
	default Prior prior() {
		return Prior.NONE;
	}

	/**
	 * @return how the {@link #prior()} is solved: 0 (the default) exactly
	 *         ({@link WholeHoleSolver}); n > 0, for the harmonic prior, as a model's training solved
	 *         it, n red-black sweeps per level of a pyramid ({@link CascadicSor})
	 */
	default int priorSweeps() {
		return 0;
	}

	/**
	 * Fills a tile given the prior that {@link #prior()} asked for. The default ignores the prior.
	 *
	 * @param tile as in {@link #fill(float[][], boolean[], int, int, Progress)} (hole pixels 0)
	 * @param hole as there
	 * @param prior planar values with the layout and normalisation of {@code tile}: the
	 *          {@link #prior()} fill of the region's whole hole, cut to this tile. At hole pixels it
	 *          holds the fill (already clipped to the region's known range); at known pixels it
	 *          equals {@code tile}; tile pixels beyond the image (padding) mirror the image as
	 *          {@code tile} does. Read-only: the caller's array.
	 * @return as there
	 */
	default float[][] fill(final float[][] tile, final boolean[] hole, final float[][] prior,
		final int width, final int height, final Progress progress)
	{
		return fill(tile, hole, width, height, progress);
	}

	/**
	 * @return the band along the hole's border that the pipeline re-solves biharmonically after
	 *         this method's fill ({@link BorderBand#NONE}, the default, for none); applied to every
	 *         tile before the fill is clipped ({@link KnownRange})
	 */
	default BorderBand borderBand() {
		return BorderBand.NONE;
	}

	/**
	 * @return whether the fill with a prior is the prior itself: a classical fill, solved over the
	 *         whole hole at once. Otherwise the pipeline treats the method as one that sees only
	 *         its tile and gives the pixels of a large hole that lie beyond its reach a
	 *         coarse-to-fine guide ({@code CoarseToFine}).
	 */
	default boolean fillsWholeHole() {
		return false;
	}

	/** @return the tile edge length this method works best with (pixels) */
	int preferredTileSize();

	/**
	 * @return what one tile of this method costs by its size, where that was measured: each region
	 *         then takes the tile length, from {@link #preferredTileSize()} to twice that, whose
	 *         tiles cost least, or a larger one that costs about as much ({@link TileChoice});
	 *         null (the default) where it is not known: every region takes the preferred size. A
	 *         tile size the user sets is always kept.
	 */
	default TileCost tileCost() {
		return null;
	}

	/** @return tile width and height must be multiples of this (1 = any size) */
	int tileMultiple();

	/**
	 * @return the smallest tile edge the method can work on (a multiple of {@link #tileMultiple()});
	 *         smaller regions get a tile this large, reaching into the image for context and padded
	 *         with holes beyond it. A network that downsamples 16 times needs more than one cell at
	 *         its bottleneck, for instance.
	 */
	default int minimumTileSize() {
		return tileMultiple();
	}

	/**
	 * @param wanted a tile edge asked for (pixels), 0 for {@link #preferredTileSize()}
	 * @return the tile edge the pipeline uses for it: rounded up to {@link #tileMultiple()} and at
	 *         least {@link #minimumTileSize()}
	 */
	default int tileSizeFor(final int wanted) {
		final int m = tileMultiple();
		return Math.max(TileLayout.roundUp(Math.max(m, minimumTileSize()), m), TileLayout.roundUp(
			wanted > 0 ? wanted : preferredTileSize(), m));
	}

	/**
	 * @return how many channels one call can fill jointly (3 for a colour model; any number for
	 *         per-pixel classical methods, reported as {@link Integer#MAX_VALUE})
	 */
	int maxJointChannels();

	/** @return a short identity for image metadata, e.g. "harmonic" or "2dgs gs-inpaint 1.0.0" */
	String identity();

	@Override
	default void close() {}
}
