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
import ij.gui.Roi;
import ij.measure.Calibration;
import io.github.gsinpaint.core.InpaintException;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * The (dilated) mask of each plane for one mask source. Sources that give the same mask for every
 * plane (a selection, a one-plane mask image, ROIs without a position) build it once and hand out
 * that one object, so the job and its outline see that the planes share it.
 */
abstract class PlaneMasks {

	private final int dilation;
	private final String shape;

	private PlaneMasks(final InpaintOptions o) {
		this.dilation = o.dilation();
		this.shape = o.shape();
	}

	/** @return the dilated mask of the 1-based plane {@code index} (possibly empty) */
	abstract ArrayImg<BitType, LongArray> mask(int index);

	/** @return the message for "no chosen plane has damage" */
	abstract String emptyMessage(int planeCount);

	ArrayImg<BitType, LongArray> grow(final ArrayImg<BitType, LongArray> m) {
		return MaskBuilder.dilate(m, dilation, shape);
	}

	static String where(final int planeCount) {
		return planeCount == 1 ? "the chosen plane" : "any of the " + planeCount + " chosen planes";
	}

	/**
	 * The raw pixel value that ImageJ shows as {@code shown} on {@code imp}: itself without a value
	 * calibration; else through the calibration's inverse, on 8- and 16-bit images rounded to the
	 * whole level when only floating-point error separates them ((25 - 5) / 0.2 is
	 * 100.00000000000001).
	 */
	static double rawValue(final ImagePlus imp, final double shown) {
		final Calibration cal = imp.getCalibration();
		if (!cal.calibrated()) return shown;
		final double raw = cal.getRawValue(shown);
		final double level = Math.rint(raw);
		final boolean whole = imp.getBitDepth() == 8 || imp.getBitDepth() == 16;
		if (!whole) return raw;
		// ImageJ shows a calibrated level rounded (0.3922 for 100/255): a value within a quarter of
		// a calibrated step of a level is that level's (midway between two levels is neither's)
		final int top = imp.getBitDepth() == 8 ? 255 : 65535;
		final int l = (int) Math.max(0, Math.min(top, level));
		final int next = l < top ? l + 1 : l - 1;
		final double step = Math.abs(cal.getCValue(next) - cal.getCValue(l));
		return l == level && Math.abs(cal.getCValue(l) - shown) <= 0.25 * step ? level : raw;
	}

	/**
	 * @throws InpaintException when the source cannot give a mask for this image (no selection,
	 *           no mask image, mask image of another size...)
	 */
	static PlaneMasks of(final ImagePlus imp, final InpaintOptions o, final ImagePlus maskImage,
		final Roi[] rois)
	{
		final int w = imp.getWidth(), h = imp.getHeight();
		switch (o.maskSource()) {
			case InpaintOptions.SELECTION:
				return shared(o, MaskBuilder.fromRoi(imp.getRoi(), w, h));
			case InpaintOptions.ROI_MANAGER:
				return fromRois(imp, o, rois);
			case InpaintOptions.MASK_IMAGE:
				return fromMaskImage(imp, o, maskImage);
			case InpaintOptions.NAN:
				return perPlane(o, p -> MaskBuilder.nan(InpaintJob.plane(imp, p)), n -> "No NaN pixels in " +
					where(n) + ": nothing to fill." + (imp.getBitDepth() == 32 ? ""
						: " Only 32-bit images can hold NaN."));
			case InpaintOptions.VALUE: {
				// the value as ImageJ shows it: on an image with a value calibration (a 16-bit
				// camera's offset and gain), the raw pixel value it stands for
				final double raw = rawValue(imp, o.value());
				final String shown = o.value() + (raw == o.value() ? "" : " (raw " + (float) raw + ")");
				return perPlane(o, p -> MaskBuilder.equalTo(InpaintJob.plane(imp, p), raw),
					n -> "No pixel equals " + shown + " in " + where(n) + ": nothing to fill.");
			}
			case InpaintOptions.SATURATED:
				return perPlane(o, p -> MaskBuilder.saturated(InpaintJob.plane(imp, p), o
					.saturationLevel()), n -> "No saturated pixels" + (o.saturationLevel() > 0
						? " (at or above " + o.saturationLevel() + ")" : "") + " in " + where(n) +
						": nothing to fill.");
			case InpaintOptions.OUTLIERS:
				return perPlane(o, p -> DefectFinder.outlierPixels(InpaintJob.plane(imp, p), o
					.threshold()), n -> "No outlier pixels (hot, dead, specks) above " + o.threshold() +
						" robust SDs in " + where(n) + ": nothing to fill.");
			case InpaintOptions.BAD_LINES:
				return perPlane(o, p -> DefectFinder.badLines(InpaintJob.plane(imp, p), o.threshold()),
					n -> "No bad rows or columns above " + o.threshold() + " robust SDs in " + where(n) +
						": nothing to fill.");
			default:
				throw new IllegalStateException(o.maskSource());
		}
	}

	private static PlaneMasks shared(final InpaintOptions o,
		final ArrayImg<BitType, LongArray> raw)
	{
		return new PlaneMasks(o) {

			private final ArrayImg<BitType, LongArray> mask = grow(raw);

			@Override
			ArrayImg<BitType, LongArray> mask(final int index) {
				return mask;
			}

			@Override
			String emptyMessage(final int planeCount) {
				return "The mask is empty: nothing to fill.";
			}
		};
	}

	interface MaskOfPlane {

		ArrayImg<BitType, LongArray> raw(int index);
	}

	interface Message {

		String of(int planeCount);
	}

	private static PlaneMasks perPlane(final InpaintOptions o, final MaskOfPlane raw,
		final Message empty)
	{
		return new PlaneMasks(o) {

			@Override
			ArrayImg<BitType, LongArray> mask(final int index) {
				return grow(raw.raw(index));
			}

			@Override
			String emptyMessage(final int planeCount) {
				return empty.of(planeCount);
			}
		};
	}

	private static PlaneMasks fromMaskImage(final ImagePlus imp, final InpaintOptions o,
		final ImagePlus m)
	{
		final int w = imp.getWidth(), h = imp.getHeight();
		if (m == null) throw new InpaintException(
			"No mask image: open the mask image and choose it as 'mask image'" + (o.maskImage()
				.isEmpty() ? "." : " (there is no open image titled '" + o.maskImage() + "')."));
		if (m == imp) throw new InpaintException(
			"The mask image is the image itself: choose another open image as the mask.");
		if (m.getWidth() != w || m.getHeight() != h) throw new InpaintException("The mask image '" +
			m.getTitle() + "' is " + m.getWidth() + " x " + m.getHeight() + " but the image is " + w +
			" x " + h + ".");
		if (m.getStackSize() == 1) {
			final ArrayImg<BitType, LongArray> mask = MaskBuilder.nonZero(m.getProcessor());
			if (MaskBuilder.count(mask) == 0) throw new InpaintException("The mask image '" + m
				.getTitle() + "' is empty (no non-zero pixel): nothing to fill.");
			return shared(o, mask);
		}
		if (m.getStackSize() != imp.getStackSize()) throw new InpaintException("The mask image '" +
			m.getTitle() + "' has " + m.getStackSize() + " planes; " + (imp.getStackSize() == 1
				? "the image has one, so the mask needs one plane too."
				: "it needs 1 (for every plane) or " + imp.getStackSize() + " (one per plane)."));
		return perPlane(o, p -> MaskBuilder.nonZero(m.getStack().getProcessor(p)),
			n -> "The mask image '" + m.getTitle() + "' is empty in " + where(n) +
				": nothing to fill.");
	}

	private static PlaneMasks fromRois(final ImagePlus imp, final InpaintOptions o,
		final Roi[] rois)
	{
		if (rois == null || rois.length == 0) throw new InpaintException(
			"The ROI Manager is empty: add the damaged areas to it (Edit > Selection > Add to " +
				"Manager, or press t), or choose another mask source.");
		final int w = imp.getWidth(), h = imp.getHeight();
		boolean positioned = false;
		for (final Roi r : rois)
			positioned |= r.hasHyperStackPosition() || r.getPosition() > 0;
		if (!positioned) return shared(o, MaskBuilder.fromRois(rois, w, h, imp, 0));
		return perPlane(o, p -> MaskBuilder.fromRois(rois, w, h, imp, p),
			n -> "No ROI of the ROI Manager lies on " + where(n) + ": nothing to fill.");
	}
}
