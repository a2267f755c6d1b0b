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
	 *          non-finite pixels and any padding outside the image)
	 * @param width tile width, a multiple of {@link #tileMultiple()}
	 * @param height tile height, a multiple of {@link #tileMultiple()}
	 * @param progress polled for cancellation during long work
	 * @return planar filled values with the same layout as {@code tile}, owned by the caller (it
	 *         clips them to the tile's known range in place); only hole pixels are read, and they
	 *         must be finite
	 */
	float[][] fill(float[][] tile, boolean[] hole, int width, int height, Progress progress);

	/** @return the tile edge length this method works best with (pixels) */
	int preferredTileSize();

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
	 * @return how many channels one call can fill jointly (3 for a colour model; any number for
	 *         per-pixel classical methods, reported as {@link Integer#MAX_VALUE})
	 */
	int maxJointChannels();

	/** @return a short identity for image metadata, e.g. "harmonic" or "2dgs gs-inpaint 1.0.0" */
	String identity();

	@Override
	default void close() {}
}
