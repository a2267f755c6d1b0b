package io.github.gsinpaint.spark;

import java.io.Serializable;
import java.nio.file.Paths;

import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.MethodOptions;

/**
 * The repair options, shipped to the executors with each task (the core's own option classes are
 * not serializable, so they are rebuilt there).
 */
public final class JobOptions implements Serializable {

	private static final long serialVersionUID = 1L;

	String method = "2dgs";
	/** a model package folder every executor can read, or null for the bundled model */
	String model;
	String device = "auto";
	int tileSize;
	int contextMargin = InpaintSettings.DEFAULT_CONTEXT_MARGIN;
	/** false: outputs that exist are kept and their lines skipped (a re-run resumes) */
	boolean overwrite;
	/** PyTorch intra-op threads per executor JVM; 0 keeps PyTorch's default */
	int torchThreads = 1;

	public JobOptions method(final String m) {
		method = m;
		return this;
	}

	public JobOptions model(final String m) {
		model = m;
		return this;
	}

	public JobOptions device(final String d) {
		device = d;
		return this;
	}

	public JobOptions overwrite(final boolean o) {
		overwrite = o;
		return this;
	}

	public JobOptions torchThreads(final int n) {
		torchThreads = n;
		return this;
	}

	MethodOptions methodOptions() {
		return MethodOptions.defaults().withDevice(device).withModelPath(model == null ? null
			: Paths.get(model));
	}

	InpaintSettings settings() {
		return InpaintSettings.defaults().withTileSize(tileSize).withContextMargin(contextMargin);
	}

	/** Fillers are pooled under this key: same method, model and device share loaded models. */
	String fillerKey() {
		return method + "|" + (model == null ? "" : model) + "|" + device;
	}
}
