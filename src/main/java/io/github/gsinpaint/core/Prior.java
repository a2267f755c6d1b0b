package io.github.gsinpaint.core;

/**
 * A classical fill that a {@link TileFiller} asks the pipeline to compute over the whole hole of a
 * region before the tiles are filled ({@link TileFiller#prior()}). Solved once per region, so a
 * tile deep inside a hole larger than a tile still gets values that continue the hole's far
 * borders, not only what its own tile shows.
 */
public enum Prior {
	/** No prior: the filler sees only its tile (hole pixels 0). */
	NONE,
	/** The harmonic (membrane) fill: Laplace's equation on the whole hole. */
	HARMONIC,
	/** The biharmonic (thin-plate) fill: the bilaplacian equation on the whole hole. */
	BIHARMONIC
}
