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
