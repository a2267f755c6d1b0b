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
package io.github.gsinpaint.ij;

import ij.ImagePlus;
import ij.process.ImageProcessor;

/**
 * Whether an 8-bit image holds palette indices rather than intensities, the one rule of the
 * plugin and the batch layer. Filling indices as intensities gives random colours, so such images
 * are refused. ImageJ's type alone does not tell: it opens GIFs, palette PNGs and palette TIFFs
 * as GRAY8 and sets COLOR_256 only when asked (Image > Type), so the LUT is judged the way
 * ImageJ's {@code setTypeToColor256} judges it. A pseudo-colour LUT (green, fire) or an inverted
 * grey LUT only shows intensities; ImageJ saves those as palette TIFFs too, so a file's palette
 * tag says nothing either.
 */
public final class IndexedColour {

	private IndexedColour() {}

	/** @return true for an 8-bit, non-composite image whose LUT is a palette */
	public static boolean isIndexed(final ImagePlus imp) {
		if (imp.getBitDepth() != 8 || imp.isComposite()) return false;
		if (imp.getType() == ImagePlus.COLOR_256) return true;
		final ImageProcessor ip = imp.getProcessor();
		// a shown threshold swaps in a red LUT for a while: that is no palette
		return ip != null && !ip.isThreshold() && ip.isColorLut() && !ip.isPseudoColorLut();
	}
}
