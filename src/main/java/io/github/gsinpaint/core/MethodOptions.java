package io.github.gsinpaint.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Options for opening an inpainting method ({@link InpaintMethods#open}). Immutable; use the
 * {@code with...} methods to derive variants. Classical methods ignore them.
 */
public final class MethodOptions {

	/** Accepted device choices. */
	public static final String AUTO = "auto", CPU = "cpu", GPU = "gpu";

	private final Path modelPath;
	private final String device;

	private MethodOptions(final Path modelPath, final String device) {
		this.modelPath = modelPath;
		this.device = device;
	}

	/** The default model on the automatically chosen device. */
	public static MethodOptions defaults() {
		return new MethodOptions(null, AUTO);
	}

	/** @param path a model package folder, or null for the default model */
	public MethodOptions withModelPath(final Path path) {
		return new MethodOptions(path, device);
	}

	/**
	 * @param choice "auto", "cpu" or "gpu" (case-insensitive)
	 * @throws InpaintException for any other value
	 */
	public MethodOptions withDevice(final String choice) {
		final String d = Objects.requireNonNull(choice, "device").trim().toLowerCase(Locale.ROOT);
		if (!d.equals(AUTO) && !d.equals(CPU) && !d.equals(GPU)) throw new InpaintException(
			"Unknown device \"" + choice + "\": choose auto, cpu or gpu.");
		return new MethodOptions(modelPath, d);
	}

	/** @return the model package folder, or null for the default model */
	public Path modelPath() {
		return modelPath;
	}

	/** @return "auto", "cpu" or "gpu" */
	public String device() {
		return device;
	}

	@Override
	public String toString() {
		return "MethodOptions[model=" + (modelPath == null ? "default" : modelPath) +
			", device=" + device + "]";
	}
}
