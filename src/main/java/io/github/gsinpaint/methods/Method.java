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
