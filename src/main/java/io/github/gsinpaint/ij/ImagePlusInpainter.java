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

import java.util.Locale;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.Inpainting;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;

/**
 * Repairs the planes of an ImagePlus with the core and builds the new ImagePlus: same type,
 * dimensions, calibration, LUTs and properties, titled {@code <title>-inpainted}. Shared by the
 * Fiji command, the ImageJ 1.x entry point and the command line. The input is never modified;
 * the result exists only once every plane has been repaired.
 */
public final class ImagePlusInpainter {

	private ImagePlusInpainter() {}

	/**
	 * @param planes 1-based stack indices to repair; the others are copied unchanged
	 */
	public static ImagePlus inpaint(final ImagePlus imp, final Img<BitType> mask,
		final int[] planes, final TileFiller filler, final InpaintSettings settings,
		final Progress progress)
	{
		return inpaint(imp, p -> mask, planes, filler, settings, progress);
	}

	/**
	 * As above with one mask per plane (e.g. the NaN pixels of each plane).
	 *
	 * @param maskOfPlane the mask of a 1-based stack index; asked once per chosen plane, when that
	 *          plane is repaired, so only one plane's mask needs to exist at a time
	 */
	public static ImagePlus inpaint(final ImagePlus imp,
		final java.util.function.IntFunction<Img<BitType>> maskOfPlane, final int[] planes,
		final TileFiller filler, final InpaintSettings settings, final Progress progress)
	{
		final ImageStack in = imp.getStack();
		final ImageStack out = new ImageStack(imp.getWidth(), imp.getHeight());
		final boolean[] chosen = new boolean[in.getSize() + 1];
		for (final int p : planes)
			chosen[p] = true;
		int done = 0;
		for (int i = 1; i <= in.getSize(); i++) {
			final ImageProcessor ip = in.getProcessor(i);
			if (!chosen[i]) {
				out.addSlice(in.getSliceLabel(i), ip.duplicate());
				continue;
			}
			final int index = done;
			final Progress planeProgress = new Progress() {

				@Override
				public void report(final double fraction, final String message) {
					progress.report((index + fraction) / planes.length, planes.length > 1 ? "Plane " + (
						index + 1) + "/" + planes.length + ": " + message : message);
				}

				@Override
				public boolean isCancelled() {
					return progress.isCancelled();
				}
			};
			final InpaintSettings s = settings.withJointChannels(ip instanceof ColorProcessor);
			try {
				out.addSlice(in.getSliceLabel(i), repairPlane(ip, maskOfPlane.apply(i), filler, s,
					planeProgress));
			}
			catch (final InpaintException e) {
				// of a stack, the plane it concerns (one all-NaN plane stopped every plane unnamed)
				if (in.getSize() == 1) throw e;
				final String plane = PlaneChoice.describe(imp, new int[] { i });
				throw new InpaintException(Character.toUpperCase(plane.charAt(0)) + plane.substring(1) +
					": " + e.getMessage() + " Repair the other planes by choosing them (Planes), or " +
					"remove this one.", e);
			}
			done++;
		}
		return result(imp, out, filler, settings);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ImageProcessor repairPlane(final ImageProcessor ip, final Img<BitType> mask,
		final TileFiller filler, final InpaintSettings settings, final Progress progress)
	{
		final RandomAccessibleInterval img = ProcessorImgs.wrap(ip);
		final Img<? extends RealType<?>> repaired = Inpainting.inpaint(img, mask, filler, settings,
			progress);
		return ProcessorImgs.toProcessor(repaired, ip);
	}

	private static ImagePlus result(final ImagePlus imp, final ImageStack stack,
		final TileFiller filler, final InpaintSettings settings)
	{
		ImagePlus res = new ImagePlus(outputTitle(imp.getTitle()), stack);
		res.setDimensions(imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
		if (imp.isHyperStack()) res.setOpenAsHyperStack(true);
		if (imp.isComposite()) {
			final CompositeImage ci = (CompositeImage) imp;
			final CompositeImage rc = new CompositeImage(res, ci.getMode());
			rc.setLuts(ci.getLuts());
			res = rc;
		}
		else if (imp.getType() != ImagePlus.COLOR_RGB) {
			res.getProcessor().setColorModel(imp.getProcessor().getColorModel());
			res.setDisplayRange(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
		}
		res.setCalibration(imp.getCalibration().copy());
		if (imp.getProperties() != null) for (final Object key : imp.getProperties().keySet())
			res.setProperty(key.toString(), imp.getProperty(key.toString()));
		// ImageJ keeps Property.set / setProp values (saved in TIFFs) apart from the above
		final String[] props = imp.getPropertiesAsArray();
		if (props != null) res.setProperties(props);
		final String info = imp.getInfoProperty();
		res.setProperty("Info", (info == null ? "" : info + "\n") + describe(filler, settings));
		res.setPosition(imp.getC(), imp.getZ(), imp.getT());
		return res;
	}

	static String outputTitle(final String title) {
		final String t = title == null ? "image" : title;
		final int dot = t.lastIndexOf('.');
		final String stem = dot > 0 && t.length() - dot <= 5 ? t.substring(0, dot) : t;
		return stem + "-inpainted";
	}

	/**
	 * The method, model identity and parameters, for the image's info; a tile size that was set is
	 * given as the method used it (2dgs rounds it to whole patches).
	 */
	public static String describe(final TileFiller filler, final InpaintSettings settings) {
		return String.format(Locale.ROOT,
			"Inpainting: method=%s tile_size=%s overlap=%d context_margin=%d", filler.identity(),
			settings.tileSize() > 0 ? Integer.toString(filler.tileSizeFor(settings.tileSize()))
				: "default", settings.overlap(), settings.contextMargin());
	}
}
