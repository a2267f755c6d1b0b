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

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks saved as JPEG. Every non-zero mask pixel is a hole, and JPEG's compression rings around
 * the marks with faint non-zero pixels: a user's drawn specks became 2.5 times as many repaired
 * pixels. Not refused (the user may have dilated on purpose), but said once before the run.
 */
public final class LossyMasks {

	private LossyMasks() {}

	/** @return one note naming the JPEG masks of these lines, or null when there are none */
	public static String note(final List<RepairLine> lines) {
		final Set<Path> jpegs = new LinkedHashSet<>();
		for (final RepairLine l : lines)
			if (l.mask() != null && InputImages.isJpeg(l.mask())) jpegs.add(l.mask());
		if (jpegs.isEmpty()) return null;
		final Path first = jpegs.iterator().next();
		final String which = jpegs.size() == 1 ? "The mask " + first + " is a JPEG" : "The masks " +
			first + " and " + (jpegs.size() - 1) + " more are JPEGs";
		return which + ": JPEG compression leaves faint pixels around the marks, and every " +
			"non-zero pixel is a hole, so more is repaired than was drawn. Save masks as PNG or TIFF.";
	}
}
