/*-
 * #%L
 * 2DGS Inpainting for ImageJ/Fiji.
 * %%
 * Copyright (C) 2026 2DGS Inpainting developers
 * %%
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 *
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the documentation
 *    and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 * AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 * #L%
 */
package io.github.gsinpaint.batch;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.methods.Method;
import io.github.gsinpaint.methods.MethodOptions;

/**
 * Everything a batch of repairs needs besides its lines: the method's options (the
 * {@link MethodOptions} that the ImageJ front ends build too, with the defaults of every front
 * end), the mask recipe, overwrite, thread budget and where outputs may go. Immutable and
 * serializable (Spark ships it to the executors).
 */
public final class RepairOptions implements Serializable {

	private static final long serialVersionUID = 1L;

	/** 0: chosen from the cores and the other repair processes running (see TorchThreads) */
	public static final int AUTOMATIC_THREADS = 0;

	private final MethodOptions method;
	private final MaskRecipe mask;
	private final boolean overwrite;
	private final int torchThreads;
	private final String outputsUnder;

	private RepairOptions(final Builder b) {
		method = b.method;
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

	public Method method() {
		return method.method();
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
		return method;
	}

	public InpaintSettings settings() {
		return method.settings();
	}

	/** Builds options; every setter checks its value, so a bad option fails where it is given. */
	public static final class Builder {

		private MethodOptions method = MethodOptions.defaults();
		private MaskRecipe mask = MaskRecipe.fileOnly();
		private boolean overwrite = true;
		private int torchThreads = AUTOMATIC_THREADS;
		private String outputsUnder;

		private Builder() {}

		/** @throws io.github.gsinpaint.core.InpaintException for an unknown name */
		public Builder method(final String name) {
			method = method.withMethod(name);
			return this;
		}

		/** @param folder a model package folder, or null for the bundled model */
		public Builder model(final Path folder) {
			method = method.withModelPath(folder == null ? null : folder.toAbsolutePath());
			return this;
		}

		/** @throws io.github.gsinpaint.core.InpaintException for an unknown device */
		public Builder device(final String d) {
			method = method.withDevice(d);
			return this;
		}

		/** @param pixels 0 for the method's own tile size */
		public Builder tileSize(final int pixels) {
			method = method.withTileSize(pixels);
			return this;
		}

		public Builder contextMargin(final int pixels) {
			method = method.withContextMargin(pixels);
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
			// not normalize(): "link/.." is where the link's target is, which only resolving the
			// links (OutputCheck, when the outputs are checked) can tell
			outputsUnder = folder == null ? null : folder.toAbsolutePath().toString();
			return this;
		}

		public RepairOptions build() {
			return new RepairOptions(this);
		}
	}
}
