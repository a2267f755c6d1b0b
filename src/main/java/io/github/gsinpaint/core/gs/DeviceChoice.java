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
