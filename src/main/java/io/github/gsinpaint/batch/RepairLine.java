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

/**
 * One unit of work: an image, its mask file (or none, when the mask comes from the image's own
 * pixels) and the output to write, with its line number in the manifest. Paths are kept as strings
 * because {@link Path} is not serializable and Spark ships lines to executors.
 */
public final class RepairLine implements Serializable {

	private static final long serialVersionUID = 2L;

	/** The manifest's mask column when the mask comes only from pixel values (--nan etc.). */
	public static final String NO_MASK_FILE = "-";

	private final int index;
	private final String image, mask, output;

	/**
	 * @param index the line number in the manifest (1-based), or the position in a folder listing
	 * @param mask the mask file, or null when the mask comes only from the image's pixels
	 */
	public RepairLine(final int index, final String image, final String mask, final String output) {
		this.index = index;
		this.image = image;
		this.mask = mask;
		this.output = output;
	}

	public int index() {
		return index;
	}

	public Path image() {
		return Paths.get(image);
	}

	/** @return the mask file, or null when the mask comes only from pixel values */
	public Path mask() {
		return mask == null ? null : Paths.get(mask);
	}

	public Path output() {
		return Paths.get(output);
	}

	@Override
	public String toString() {
		return "line " + index + " (" + image + ")";
	}
}
