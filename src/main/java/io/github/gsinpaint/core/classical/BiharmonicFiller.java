package io.github.gsinpaint.core.classical;

import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;

/**
 * Biharmonic (thin-plate) inpainting: the fill minimises the squared discrete Laplacian, so the
 * hole satisfies the bilaplacian equation (13-point stencil) with the known pixels as boundary.
 * Smoother across the hole's border than harmonic (it continues gradients, not only values) and
 * reproduces linear and quadratic intensity profiles, but it may overshoot the boundary values
 * slightly (the pipeline clamps to the image type). Tile edges reflect (Neumann). Each channel is
 * solved on its own.
 */
public final class BiharmonicFiller implements TileFiller {

	@Override
	public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
		final int height, final Progress progress)
	{
		return HoleSystem.fill(tile, hole, width, height, HoleSystem.Kind.BIHARMONIC, progress);
	}

	/** Large: the solution is global, and a bigger tile sees more of the boundary. */
	@Override
	public int preferredTileSize() {
		return 512;
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
		return "biharmonic";
	}
}
