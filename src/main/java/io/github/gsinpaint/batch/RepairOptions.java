package io.github.gsinpaint.batch;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintMethods;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.MethodOptions;

/**
 * Everything a batch of repairs needs besides its lines: method, model, device, tiling, mask
 * recipe, overwrite, thread budget and where outputs may go. The defaults live here and only
 * here. Immutable and serializable (Spark ships it to the executors; the core's own option
 * classes are rebuilt there from it).
 */
public final class RepairOptions implements Serializable {

	private static final long serialVersionUID = 1L;

	public static final String DEFAULT_METHOD = InpaintMethods.GAUSSIAN_SPLATTING;
	public static final String DEFAULT_DEVICE = MethodOptions.AUTO;
	/** 0: chosen from the cores and the other repair processes running (see TorchThreads) */
	public static final int AUTOMATIC_THREADS = 0;

	private final String method;
	private final String model;
	private final String device;
	private final int tileSize;
	private final int contextMargin;
	private final MaskRecipe mask;
	private final boolean overwrite;
	private final int torchThreads;
	private final String outputsUnder;

	private RepairOptions(final Builder b) {
		method = b.method;
		model = b.model;
		device = b.device;
		tileSize = b.tileSize;
		contextMargin = b.contextMargin;
		mask = b.mask;
		overwrite = b.overwrite;
		torchThreads = b.torchThreads;
		outputsUnder = b.outputsUnder;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** @return the defaults, overwriting existing outputs */
	public static RepairOptions defaults() {
		return builder().build();
	}

	public String method() {
		return method;
	}

	/** @return the model package folder, or null for the bundled model */
	public Path model() {
		return model == null ? null : Paths.get(model);
	}

	public String device() {
		return device;
	}

	public MaskRecipe mask() {
		return mask;
	}

	/** @return false: a line whose output exists is skipped (a re-run resumes) */
	public boolean overwrite() {
		return overwrite;
	}

	/** @return libtorch intra-op threads per process, or {@link #AUTOMATIC_THREADS} */
	public int torchThreads() {
		return torchThreads;
	}

	/** @return the folder every output must lie in, or null when outputs may go anywhere */
	public Path outputsUnder() {
		return outputsUnder == null ? null : Paths.get(outputsUnder);
	}

	public MethodOptions methodOptions() {
		return MethodOptions.defaults().withDevice(device).withModelPath(model());
	}

	public InpaintSettings settings() {
		return InpaintSettings.defaults().withTileSize(tileSize).withContextMargin(contextMargin);
	}

	/** Open methods may be shared by lines with the same key: same method, model and device. */
	public String fillerKey() {
		return method + "|" + (model == null ? "" : model) + "|" + device;
	}

	/** Builds options; every setter checks its value, so a bad option fails where it is given. */
	public static final class Builder {

		private String method = DEFAULT_METHOD;
		private String model;
		private String device = DEFAULT_DEVICE;
		private int tileSize;
		private int contextMargin = InpaintSettings.DEFAULT_CONTEXT_MARGIN;
		private MaskRecipe mask = MaskRecipe.fileOnly();
		private boolean overwrite = true;
		private int torchThreads = AUTOMATIC_THREADS;
		private String outputsUnder;

		private Builder() {}

		public Builder method(final String name) {
			final String m = name.trim().toLowerCase(Locale.ROOT);
			if (!InpaintMethods.names().contains(m)) throw new InpaintException("Unknown method '" +
				name + "': choose one of " + String.join(", ", InpaintMethods.names()) + ".");
			method = m;
			return this;
		}

		/** @param folder a model package folder, or null for the bundled model */
		public Builder model(final Path folder) {
			model = folder == null ? null : folder.toAbsolutePath().toString();
			return this;
		}

		public Builder device(final String d) {
			device = MethodOptions.defaults().withDevice(d).device();
			return this;
		}

		/** @param pixels 0 for the method's own tile size */
		public Builder tileSize(final int pixels) {
			InpaintSettings.defaults().withTileSize(pixels);
			tileSize = pixels;
			return this;
		}

		public Builder contextMargin(final int pixels) {
			InpaintSettings.defaults().withContextMargin(pixels);
			contextMargin = pixels;
			return this;
		}

		public Builder mask(final MaskRecipe m) {
			mask = m;
			return this;
		}

		public Builder overwrite(final boolean o) {
			overwrite = o;
			return this;
		}

		/** @param n libtorch intra-op threads per process; {@link #AUTOMATIC_THREADS} to choose */
		public Builder torchThreads(final int n) {
			if (n < 0) throw new IllegalArgumentException("torch threads must be >= 0");
			torchThreads = n;
			return this;
		}

		/** @param folder every output must resolve inside it; null: no confinement */
		public Builder outputsUnder(final Path folder) {
			outputsUnder = folder == null ? null : folder.toAbsolutePath().normalize().toString();
			return this;
		}

		public RepairOptions build() {
			return new RepairOptions(this);
		}
	}
}
