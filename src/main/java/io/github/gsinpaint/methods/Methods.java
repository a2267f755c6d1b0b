package io.github.gsinpaint.methods;

import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.classical.BiharmonicFiller;
import io.github.gsinpaint.core.classical.HarmonicFiller;
import io.github.gsinpaint.core.gs.GaussianSplattingFiller;

/**
 * The registry of inpainting methods: the one place that knows every {@link TileFiller}. It sits
 * above the core and the methods' packages; the core never imports it, so the pipeline knows
 * methods only through the {@link TileFiller} interface.
 */
public final class Methods {

	private Methods() {}

	/**
	 * Opens the method of {@code options}; close the returned filler when done (it may hold a
	 * loaded model).
	 *
	 * @throws io.github.gsinpaint.core.InpaintException when the model cannot be loaded
	 */
	public static TileFiller open(final MethodOptions options) {
		switch (options.method()) {
			case HARMONIC:
				return new HarmonicFiller();
			case BIHARMONIC:
				return new BiharmonicFiller();
			case GAUSSIAN_SPLATTING:
			default:
				return GaussianSplattingFiller.open(options.modelPath(), options.device());
		}
	}
}
