package io.github.gsinpaint.plugin;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintMethods;

/**
 * The ImageJ 1.x entry point, registered in the jar's {@code plugins.config} as
 * {@code Plugins > Inpainting > 2DGS Inpainting...}. A GenericDialog collects the parameters, so
 * macro recording and {@code run("2DGS Inpainting...", "method=harmonic ...")} work; the dialog
 * labels are written so that ImageJ's macro keys (the label up to the first space, lower-cased)
 * are the snake_case keys of {@link InpaintJob}, the same as the SciJava command's parameter
 * names. The work is done by {@link InpaintJob}.
 */
public class InpaintPlugIn implements PlugIn {

	private static final String NO_IMAGE = "-";

	// Remembered between interactive runs; macros always start from the documented defaults.
	private static final InpaintJob last = new InpaintJob();

	@Override
	public void run(final String arg) {
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) {
			error("There is no image open: open an image first.");
			return;
		}
		final boolean macro = Macro.getOptions() != null;
		final InpaintJob job = macro ? new InpaintJob() : copy(last);
		if (!showDialog(imp, job)) return;
		if (!macro) {
			copyInto(job, last);
			last.maskImage = null; // keep no image alive between runs
		}

		IJ.resetEscape();
		final long t0 = System.nanoTime();
		try {
			final ImagePlus result = job.run(imp, new ImageJProgress());
			result.show();
			ImageJProgress.done(String.format(java.util.Locale.ROOT, "%s: done in %.1f s",
				InpaintJob.TITLE, (System.nanoTime() - t0) / 1e9));
		}
		catch (final InpaintCancelledException e) {
			ImageJProgress.done(InpaintJob.TITLE + ": cancelled, no output.");
			if (Interpreter.isBatchMode() || IJ.getInstance() == null) IJ.log(InpaintJob.TITLE +
				": cancelled, no output.");
		}
		catch (final InpaintException e) {
			ImageJProgress.done("");
			error(e.getMessage());
		}
		finally {
			IJ.resetEscape();
		}
	}

	private static boolean showDialog(final ImagePlus imp, final InpaintJob job) {
		final GenericDialog gd = new GenericDialog(InpaintJob.TITLE);
		final List<String> methods = InpaintMethods.names();
		gd.addChoice("Method", methods.toArray(new String[0]), job.method);
		gd.addChoice("Mask_source", InpaintJob.MASK_SOURCES.toArray(new String[0]), job.maskSource);
		final String[] titles = otherImageTitles(imp);
		gd.addChoice("Mask_image", titles, job.maskImage != null && contains(titles, job.maskImage
			.getTitle()) ? job.maskImage.getTitle() : titles[0]);
		gd.addNumericField("Value", job.value, 3, 10, "(mask source 'value')");
		gd.addNumericField("Dilation", job.dilation, 0, 4, "pixels");
		gd.addChoice("Shape", InpaintJob.SHAPES.toArray(new String[0]), job.shape);
		gd.addChoice("Planes", InpaintJob.PLANE_CHOICES.toArray(new String[0]), job.planes);
		gd.addChoice("Device", InpaintJob.DEVICES.toArray(new String[0]), job.device);
		gd.addNumericField("Tile_size", job.tileSize, 0, 5, "pixels (0 = method default)");
		gd.addStringField("Model", job.model, 24);
		gd.addCheckbox("Outline filled pixels", job.outline);
		gd.addHelp("https://github.com/gsinpaint/gs-inpainting/blob/main/docs/FIJI.md");
		gd.showDialog();
		if (gd.wasCanceled()) return false;
		job.method = gd.getNextChoice();
		job.maskSource = gd.getNextChoice();
		final String maskTitle = gd.getNextChoice();
		job.value = gd.getNextNumber();
		final double dilation = gd.getNextNumber();
		job.shape = gd.getNextChoice();
		job.planes = gd.getNextChoice();
		job.device = gd.getNextChoice();
		final double tile = gd.getNextNumber();
		job.model = gd.getNextString();
		job.outline = gd.getNextBoolean();
		if (gd.invalidNumber() || Double.isNaN(dilation) || Double.isNaN(tile)) {
			error("Dilation and tile size must be whole numbers.");
			return false;
		}
		job.dilation = (int) Math.round(dilation);
		job.tileSize = (int) Math.round(tile);
		job.maskImage = NO_IMAGE.equals(maskTitle) ? null : WindowManager.getImage(maskTitle);
		return true;
	}

	private static String[] otherImageTitles(final ImagePlus imp) {
		final List<String> out = new ArrayList<>();
		final int[] ids = WindowManager.getIDList();
		if (ids != null) for (final int id : ids) {
			final ImagePlus other = WindowManager.getImage(id);
			if (other != null && other != imp) out.add(other.getTitle());
		}
		if (out.isEmpty()) out.add(NO_IMAGE);
		return out.toArray(new String[0]);
	}

	private static boolean contains(final String[] a, final String s) {
		for (final String x : a)
			if (x.equals(s)) return true;
		return false;
	}

	/**
	 * Shows a user-facing message: a dialog in the GUI; the Log (or stderr without an ImageJ
	 * window) in batch mode and headless, so unattended runs never block on a dialog.
	 */
	static void error(final String message) {
		if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
			System.err.println(InpaintJob.TITLE + ": " + message);
		}
		else if (Interpreter.isBatchMode()) IJ.log(InpaintJob.TITLE + ": " + message);
		else IJ.error(InpaintJob.TITLE, message);
	}

	private static InpaintJob copy(final InpaintJob from) {
		final InpaintJob to = new InpaintJob();
		copyInto(from, to);
		return to;
	}

	private static void copyInto(final InpaintJob from, final InpaintJob to) {
		to.method = from.method;
		to.maskSource = from.maskSource;
		to.maskImage = from.maskImage;
		to.value = from.value;
		to.dilation = from.dilation;
		to.shape = from.shape;
		to.planes = from.planes;
		to.device = from.device;
		to.tileSize = from.tileSize;
		to.model = from.model;
		to.outline = from.outline;
	}
}
