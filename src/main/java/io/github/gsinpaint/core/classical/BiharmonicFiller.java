package io.github.gsinpaint.core.classical;

/**
 * Biharmonic (thin-plate) inpainting: the fill minimises the squared discrete Laplacian, so the
 * hole satisfies the bilaplacian equation (13-point stencil) with the known pixels as boundary.
 * Smoother across the hole's border than harmonic (it continues gradients, not only values) and
 * reproduces linear and quadratic intensity profiles, but it may overshoot the boundary values
 * near edges and ridges (the pipeline clips every fill to the range of the known values around it,
 * {@code core.KnownRange}, and then to the image type).
 */
public final class BiharmonicFiller extends PdeFiller {

	/**
	 * Conjugate gradient on the bilaplacian needs far more iterations than on the Laplacian as the
	 * hole widens, so tiles are kept smaller than harmonic's to bound the cost of wide holes.
	 */
	public BiharmonicFiller() {
		super(HoleSystem.Kind.BIHARMONIC, "biharmonic", 256);
	}
}
