package io.github.gsinpaint.core.gs;

import java.util.Locale;

import io.github.gsinpaint.core.InpaintException;

/**
 * Where a model runs. The one parser of device names for every front end: "auto", "cpu", "gpu",
 * and "cuda" as another name for "gpu", in any case.
 */
public enum DeviceChoice {
	/** The GPU when PyTorch sees one, else the CPU. */
	AUTO,
	CPU,
	/** A CUDA device; an error when PyTorch sees none. */
	GPU;

	/** @return the name users type, lower case */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return key();
	}

	/**
	 * @param name "auto", "cpu", "gpu" or "cuda", in any case, with or without spaces around
	 * @throws InpaintException for any other name (null included)
	 */
	public static DeviceChoice parse(final String name) {
		final String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		if (key.equals("cuda")) return GPU;
		for (final DeviceChoice d : values())
			if (d.key().equals(key)) return d;
		throw new InpaintException("Unknown device '" + name + "': choose one of auto, cpu, gpu.");
	}
}
