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

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ImageProcessor;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * One repair of an ImagePlus with given {@link InpaintOptions}, shared by the SciJava command, the
 * ImageJ 1.x plugin, its preview and the example macros. No user interface here: the callers show
 * the result, the errors and {@link #summary()}.
 * <p>
 * Masks: a selection, a one-plane mask image or ROI Manager ROIs without a position apply to every
 * chosen plane; NaN, value and saturated masks (and a mask image with one plane per image plane,
 * and positioned ROIs) are built per plane, so each plane is repaired exactly where it is damaged.
 * Each mask is built once per plane, before any repair, so "no damage anywhere" is reported before
 * a model is loaded; chosen planes without damage are copied unchanged.
 * <p>
 * A job is used for one run: {@link #summary()} describes that run.
 */
public final class InpaintJob {

	/** Dialog title and prefix of messages. */
	public static final String TITLE = "2DGS Inpainting";
	/** The command's label: {@code run("2DGS Inpainting...", "...")}. */
	public static final String LABEL = "2DGS Inpainting...";
	/** Menu path, the same for the SciJava command and the ImageJ 1.x plugin (see docs/FIJI.md). */
	public static final String MENU = "Plugins>Inpainting";

	private final InpaintOptions options;
	private final ImagePlus maskImage;
	private final Roi[] managerRois;
	private String summary = "";
	private String tileNote;

	/**
	 * @param maskImage the image for mask source "mask image" (null otherwise)
	 * @param managerRois the ROIs for mask source "ROI Manager" (null otherwise)
	 */
	public InpaintJob(final InpaintOptions options, final ImagePlus maskImage,
		final Roi[] managerRois)
	{
		this.options = options;
		this.maskImage = maskImage;
		this.managerRois = managerRois;
	}

	public InpaintJob(final InpaintOptions options) {
		this(options, null, null);
	}

	/**
	 * Checks everything, repairs the chosen planes and returns the new image (not shown). The input
	 * is never changed; on error or cancellation nothing is returned.
	 *
	 * @throws InpaintException with a message for the user
	 * @throws io.github.gsinpaint.core.InpaintCancelledException when {@code progress} cancels
	 */
	public ImagePlus run(final ImagePlus imp, final Progress progress) {
		final Map<Integer, ArrayImg<BitType, LongArray>> masks = masks(imp);
		final int[] toFill = masks.keySet().stream().mapToInt(Integer::intValue).toArray();
		progress.checkCancelled();

		final InpaintSettings settings = options.methodOptions().settings();
		final ImagePlus result;
		try (FillerPool.Lease lease = FillerPool.borrow(options.methodOptions())) {
			result = ImagePlusInpainter.inpaint(imp, masks::get, toFill, lease.filler(), settings,
				progress);
			tileNote = options.methodOptions().tileNote(lease.filler());
		}
		result.setProperty("Info", result.getInfoProperty() + "\n" + describeMask(toFill.length,
			imp.getStackSize()));
		if (imp.getOverlay() != null) result.setOverlay(imp.getOverlay().duplicate());
		if (options.outline()) addOutlines(result, imp, masks);
		summary = PlaneChoice.describe(imp, toFill);
		return result;
	}

	/**
	 * Builds the mask of every chosen plane once: the planes with damage, in stack order, each
	 * with its (dilated) mask; planes that share one mask share the object.
	 *
	 * @throws InpaintException when the input is unusable or no chosen plane has damage
	 */
	public Map<Integer, ArrayImg<BitType, LongArray>> masks(final ImagePlus imp) {
		if (imp == null) throw new InpaintException("There is no image open: open an image first.");
		checkSupported(imp);
		final int[] chosen = PlaneChoice.planes(imp, options.planes());
		final PlaneMasks source = PlaneMasks.of(imp, options, maskImage, managerRois);
		final Map<Integer, ArrayImg<BitType, LongArray>> out = new LinkedHashMap<>();
		for (final int p : chosen) {
			final ArrayImg<BitType, LongArray> m = source.mask(p);
			if (MaskBuilder.count(m) > 0) out.put(p, m);
		}
		if (out.isEmpty()) throw new InpaintException(source.emptyMessage(chosen.length));
		return out;
	}

	/**
	 * @return the tile size the last {@link #run} used instead of the one asked for, as a
	 *         sentence (MethodOptions#tileNote); null when it used the size asked for
	 */
	public String tileNote() {
		return tileNote;
	}

	/**
	 * @return what the last {@link #run} repaired, for the status line, e.g. "3 channels at z=2,
	 *         t=1"; empty before a run
	 */
	public String summary() {
		return summary;
	}

	public InpaintOptions options() {
		return options;
	}

	private static void checkSupported(final ImagePlus imp) {
		if (IndexedColour.isIndexed(imp)) {
			final String file = IndexedColour.paletteFile(imp);
			throw new InpaintException(file == null
				? "8-bit images with a colour lookup table (indexed colour) are not supported: " +
					"convert to RGB (Image > Type > RGB Color) first."
				: "8-bit images with indexed colour are not supported: this one shows the palette " +
					"stored in its " + file + " file, so its values are palette indices. Convert it to " +
					"RGB (Image > Type > RGB Color) first (intensities shown through a lookup table: " +
					"save and open them as TIFF).");
		}
		final int bd = imp.getBitDepth();
		if (bd != 8 && bd != 16 && bd != 32 && bd != 24) throw new InpaintException(
			"Unsupported image type (" + bd + "-bit).");
		// No size limit: a 1 x N line scan has neighbours along its length, and a mask covering a
		// whole 1 x 1 image gets the core's message.
	}

	private String describeMask(final int filled, final int total) {
		final String source = options.maskSource();
		final StringBuilder sb = new StringBuilder("Inpainting mask: mask_source=[" + source + "]");
		if (source.equals(InpaintOptions.VALUE)) sb.append(" value=").append(options.value());
		if (source.equals(InpaintOptions.SATURATED)) sb.append(" saturation_level=").append(
			options.saturationLevel());
		if (source.equals(InpaintOptions.OUTLIERS) || source.equals(InpaintOptions.BAD_LINES)) sb
			.append(" threshold=").append(options.threshold());
		if (source.equals(InpaintOptions.MASK_IMAGE) && maskImage != null) sb.append(
			" mask_image=[").append(maskImage.getTitle()).append(']');
		sb.append(" dilation=").append(options.dilation());
		if (options.dilation() > 0) sb.append(" shape=").append(options.shape());
		sb.append(String.format(Locale.ROOT, " planes=[%s] (%d of %d repaired)", options.planes(),
			filled, total));
		return sb.toString();
	}

	/**
	 * Outlines the filled pixels of every repaired plane in the result's overlay: one ROI for all
	 * planes when every plane was repaired with the same mask, else one ROI per plane.
	 */
	private void addOutlines(final ImagePlus result, final ImagePlus imp,
		final Map<Integer, ArrayImg<BitType, LongArray>> masks)
	{
		final Overlay overlay = result.getOverlay() != null ? result.getOverlay() : new Overlay();
		final boolean oneMask = masks.values().stream().distinct().count() == 1;
		final Roi selection = options.maskSource().equals(InpaintOptions.SELECTION) && options
			.dilation() == 0 && imp.getRoi() != null && imp.getRoi().isArea() ? imp.getRoi() : null;
		if (oneMask && masks.size() == imp.getStackSize()) {
			add(overlay, outline(masks.values().iterator().next(), selection), 0, imp);
		}
		else {
			for (final Map.Entry<Integer, ArrayImg<BitType, LongArray>> e : masks.entrySet())
				add(overlay, outline(e.getValue(), selection), imp.getStackSize() > 1 ? e.getKey() : 0,
					imp);
		}
		result.setOverlay(overlay);
	}

	/** An area selection is its own outline; any other mask is traced from its bits. */
	private static Roi outline(final ArrayImg<BitType, LongArray> mask, final Roi selection) {
		return selection != null ? (Roi) selection.clone() : MaskBuilder.outline(mask);
	}

	private static void add(final Overlay overlay, final Roi roi, final int plane,
		final ImagePlus imp)
	{
		if (roi == null) return;
		roi.setStrokeColor(java.awt.Color.YELLOW);
		roi.setName("inpainted");
		roi.setPosition(0);
		if (plane > 0) {
			if (imp.isHyperStack() || imp.getNChannels() > 1) {
				final int[] czt = imp.convertIndexToPosition(plane);
				roi.setPosition(czt[0], czt[1], czt[2]);
			}
			else roi.setPosition(plane);
		}
		overlay.add(roi);
	}

	/** @return the processor of a 1-based plane, for mask builders */
	static ImageProcessor plane(final ImagePlus imp, final int index) {
		return imp.getStackSize() == 1 ? imp.getProcessor() : imp.getStack().getProcessor(index);
	}
}
