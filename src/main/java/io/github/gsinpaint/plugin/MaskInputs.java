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
