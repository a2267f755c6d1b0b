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
package io.github.gsinpaint.plugin;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.ij.InpaintOptions;

/**
 * Finds the open images and ROIs a mask source names, for the SciJava command and the ImageJ 1.x
 * plugin alike. Only what the chosen source needs is looked up, so e.g. a stray title in
 * {@code mask_image} does not fail a run that repairs NaN pixels.
 */
final class MaskInputs {

	private MaskInputs() {}

	/** @return the mask image for source "mask image", else null */
	static ImagePlus maskImage(final InpaintOptions o) {
		if (!o.maskSource().equals(InpaintOptions.MASK_IMAGE)) return null;
		final String title = o.maskImage();
		if (title.isEmpty()) throw new InpaintException(
			"No mask image chosen: open the mask image and choose it as 'mask image' (mask_image=" +
				"[title] in a macro).");
		final ImagePlus m = WindowManager.getImage(title);
		if (m == null) throw new InpaintException("There is no open image titled '" + title +
			"' to use as the mask image.");
		return m;
	}

	/** @return the ROI Manager's ROIs for source "ROI Manager", else null */
	static Roi[] managerRois(final InpaintOptions o) {
		if (!o.maskSource().equals(InpaintOptions.ROI_MANAGER)) return null;
		final RoiManager rm = RoiManager.getInstance2();
		if (rm == null) return new Roi[0];
		final Roi[] rois = new Roi[rm.getCount()];
		for (int i = 0; i < rois.length; i++)
			rois[i] = rm.getRoi(i);
		return rois;
	}
}
