package io.github.gsinpaint.core.classical;

/**
 * Harmonic (membrane) inpainting: the hole is the solution of Laplace's equation with the known
 * pixels as boundary values. The smoothest fill there is: no texture, no overshoot (every filled
 * value lies between the boundary values), reproduces linear ramps.
 */
public final class HarmonicFiller extends PdeFiller {

	/** Large tiles: the solution is global, and a bigger tile sees more of the boundary. */
	public HarmonicFiller() {
		super(HoleSystem.Kind.HARMONIC, "harmonic", 512);
	}
}
