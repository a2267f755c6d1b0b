package io.github.gsinpaint.methods;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.gsinpaint.core.InpaintException;

/** The inpainting methods, by the names used in dialogs, macros and on the command line. */
public enum Method {
	/** The learned 2D Gaussian Splatting fill (the default). */
	GAUSSIAN_SPLATTING("2dgs"),
	/** Laplace's equation over the hole. */
	HARMONIC("harmonic"),
	/** The bilaplacian equation over the hole. */
	BIHARMONIC("biharmonic");

	private static final List<String> KEYS;
	static {
		final List<String> keys = new ArrayList<>();
		for (final Method m : values())
			keys.add(m.key);
		KEYS = Collections.unmodifiableList(keys);
	}

	private final String key;

	Method(final String key) {
		this.key = key;
	}

	/** @return the name users type ("2dgs", "harmonic", "biharmonic") */
	public String key() {
		return key;
	}

	@Override
	public String toString() {
		return key;
	}

	/** @return the names, the default (2dgs) first */
	public static List<String> keys() {
		return KEYS;
	}

	/**
	 * @param name a method's name, in any case, with or without spaces around
	 * @throws InpaintException for an unknown name (null included)
	 */
	public static Method parse(final String name) {
		final String k = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (final Method m : values())
			if (m.key.equals(k)) return m;
		throw new InpaintException("Unknown inpainting method '" + name + "': choose one of " + String
			.join(", ", KEYS) + ".");
	}
}
