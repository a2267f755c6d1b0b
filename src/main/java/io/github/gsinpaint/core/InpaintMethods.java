package io.github.gsinpaint.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.gsinpaint.core.classical.BiharmonicFiller;
import io.github.gsinpaint.core.classical.HarmonicFiller;
import io.github.gsinpaint.core.gs.GaussianSplattingFiller;

/** The inpainting methods by name, for front ends (dialog choices, macro and command-line keys). */
public final class InpaintMethods {

	public static final String GAUSSIAN_SPLATTING = "2dgs";
	public static final String HARMONIC = "harmonic";
	public static final String BIHARMONIC = "biharmonic";

	private static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(
		GAUSSIAN_SPLATTING, HARMONIC, BIHARMONIC));

	private InpaintMethods() {}

	/** @return the method names, the default (2dgs) first */
	public static List<String> names() {
		return NAMES;
	}

	/**
	 * Opens a method; close the returned filler when done (it may hold a loaded model).
	 *
	 * @param name one of {@link #names()}, case-insensitive
	 * @param options model and device choice (only used by 2dgs)
	 * @throws InpaintException for an unknown name, or when the model cannot be loaded
	 */
	public static TileFiller open(final String name, final MethodOptions options) {
		final String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		final MethodOptions o = options != null ? options : MethodOptions.defaults();
		if (key.equals(HARMONIC)) return new HarmonicFiller();
		if (key.equals(BIHARMONIC)) return new BiharmonicFiller();
		if (key.equals(GAUSSIAN_SPLATTING)) return GaussianSplattingFiller.open(o.modelPath(), o
			.device());
		throw new InpaintException("Unknown inpainting method \"" + name + "\". Choose one of: " +
			String.join(", ", NAMES) + ".");
	}
}
