package io.github.gsinpaint.core.classical;

import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;

/**
 * Harmonic (membrane) inpainting: the hole is the solution of Laplace's equation with the known
 * pixels as boundary values. The smoothest fill there is: no texture, no overshoot (every filled
 * value lies between the boundary values), reproduces linear ramps. Tile edges reflect (Neumann).
 * Each channel is solved on its own.
 */
public final class HarmonicFiller implements TileFiller {

	@Override
	public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
		final int height, final Progress progress)
	{
		return HoleSystem.fill(tile, hole, width, height, HoleSystem.Kind.HARMONIC, progress);
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
		return "harmonic";
	}
}
