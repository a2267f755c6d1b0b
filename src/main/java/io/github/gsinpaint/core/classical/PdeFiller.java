package io.github.gsinpaint.core.classical;

import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;

/**
 * A fill that solves a linear PDE on the hole with the known pixels as boundary values (see
 * {@link HoleSystem}). Tile edges reflect (Neumann). Each channel is solved on its own, so any
 * number of channels can be filled in one call.
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
