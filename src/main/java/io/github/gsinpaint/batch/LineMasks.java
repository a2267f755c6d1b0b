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

import java.util.function.IntFunction;

import ij.ImagePlus;
import ij.process.ImageProcessor;
import io.github.gsinpaint.ij.DefectFinder;
import io.github.gsinpaint.ij.MaskBuilder;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * The mask of each plane of a line's image, following a {@link MaskRecipe}: the mask file's
 * non-zero pixels, united with the plane's NaN, saturated, value, outlier or bad-line pixels,
 * then grown. Built with the dialog's own {@link MaskBuilder} and {@link DefectFinder}, so the
 * command line's masks are the plugin's.
 */
final class LineMasks {

	private LineMasks() {}

	/**
	 * @param maskFile the opened mask file, or null
	 * @return the mask of a 1-based plane index, built when asked (one plane's mask at a time)
	 */
	static IntFunction<ArrayImg<BitType, LongArray>> of(final ImagePlus imp, final ImagePlus maskFile,
		final MaskRecipe recipe)
	{
		final ArrayImg<BitType, LongArray> fromFile = maskFile == null ? null : MaskBuilder.nonZero(
			maskFile.getProcessor());
		if (!recipe.usesPixels()) {
			final ArrayImg<BitType, LongArray> grown = grow(fromFile, recipe);
			return plane -> grown;
		}
		return plane -> {
			final ImageProcessor ip = imp.getStack().getProcessor(plane);
			final ArrayImg<BitType, LongArray> m = ArrayImgs.bits(ip.getWidth(), ip.getHeight());
			if (fromFile != null) MaskBuilder.or(m, fromFile);
			if (recipe.nan()) MaskBuilder.or(m, MaskBuilder.nan(ip));
			if (recipe.value() != null) MaskBuilder.or(m, MaskBuilder.equalTo(ip, recipe.value()));
			if (recipe.saturatedAt() != null) MaskBuilder.or(m, saturated(ip, recipe.saturatedAt()));
			if (recipe.outliers()) MaskBuilder.or(m, DefectFinder.outlierPixels(ip, recipe
				.threshold()));
			if (recipe.badLines()) MaskBuilder.or(m, DefectFinder.badLines(ip, recipe.threshold()));
			return grow(m, recipe);
		};
	}

	private static ArrayImg<BitType, LongArray> grow(final ArrayImg<BitType, LongArray> m,
		final MaskRecipe recipe)
	{
		return MaskBuilder.dilate(m, recipe.dilation(), recipe.shape() == MaskRecipe.Shape.DISK
			? MaskBuilder.DISK : MaskBuilder.SQUARE);
	}

	/**
	 * Pixels at or above a level (RGB: any channel); NaN: the type's maximum. Both through the
	 * dialog's own rules, so a line's mask is the one the plugin would build for the same level.
	 */
	static ArrayImg<BitType, LongArray> saturated(final ImageProcessor ip, final double level) {
		if (Double.isNaN(level)) return MaskBuilder.saturated(ip);
		return MaskBuilder.saturated(ip, level);
	}
}
