package io.github.gsinpaint.plugin;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.task.Task;
import org.scijava.task.TaskService;
import org.scijava.ui.DialogPrompt;
import org.scijava.ui.UIService;

/**
 * The SciJava command (Fiji, scripts, headless SciJava). It has the same menu path and label as
 * the ImageJ 1.x entry point {@link InpaintPlugIn}: in Fiji, imagej-legacy puts SciJava commands
 * into the ImageJ 1.x menus and, when a label already exists there, reuses that menu item and
 * routes the label to the SciJava command (it logs "Overriding 2DGS Inpainting..."). So Fiji shows
 * one menu entry that runs this command, with Fiji's task monitor, while plain ImageJ 1.x runs the
 * PlugIn; the parameter names equal the PlugIn's macro keys, so one recorded macro line works in
 * both. See docs/FIJI.md.
 */
@Plugin(type = Command.class, menuPath = InpaintJob.MENU + ">" + InpaintJob.LABEL,
	label = InpaintJob.TITLE, headless = true,
	description = "Repairs the selected (or NaN, saturated, masked) pixels of the image " +
		"with 2D Gaussian Splatting inpainting or a classical fill; writes a new image.")
public class InpaintCommand extends ContextCommand {

	@Parameter(label = "Image")
	private ImagePlus imp;

	@Parameter(label = "Method", choices = { "2dgs", "harmonic", "biharmonic" })
	private String method = "2dgs";

	@Parameter(label = "Mask source", choices = { InpaintJob.SELECTION, InpaintJob.MASK_IMAGE,
		InpaintJob.NAN, InpaintJob.VALUE, InpaintJob.SATURATED })
	private String mask_source = InpaintJob.SELECTION;

	@Parameter(label = "Mask image", required = false,
		description = "Title of an open image; its non-zero pixels are filled (mask source 'mask image').")
	private String mask_image = "";

	@Parameter(label = "Value", required = false,
		description = "Pixels equal to this value are filled (mask source 'value').")
	private double value = 0;

	@Parameter(label = "Dilation (pixels)", min = "0")
	private int dilation = 0;

	@Parameter(label = "Shape", choices = { "disk", "square" })
	private String shape = "disk";

	@Parameter(label = "Planes", choices = { InpaintJob.CURRENT_PLANE,
		InpaintJob.CURRENT_CHANNEL, InpaintJob.ALL_PLANES })
	private String planes = InpaintJob.CURRENT_PLANE;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	private String device = "auto";

	@Parameter(label = "Tile size (0 = default)", min = "0")
	private int tile_size = 0;

	@Parameter(label = "Model folder", required = false,
		description = "A model package folder; empty for the bundled model (method 2dgs).")
	private String model = "";

	@Parameter(label = "Outline filled pixels")
	private boolean outline = true;

	@Parameter(type = ItemIO.OUTPUT, label = "Inpainted")
	private ImagePlus inpainted;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private UIService ui;

	@Parameter(required = false)
	private TaskService taskService;

	@Override
	public void run() {
		final InpaintJob job = new InpaintJob();
		job.method = method;
		job.maskSource = mask_source;
		job.value = value;
		job.dilation = dilation;
		job.shape = shape;
		job.planes = planes;
		job.device = device;
		job.tileSize = tile_size;
		job.model = model == null ? "" : model;
		job.outline = outline;
		final Task task = taskService == null ? null : taskService.createTask(InpaintJob.TITLE);
		try {
			if (InpaintJob.MASK_IMAGE.equals(mask_source)) job.maskImage = findImage(mask_image);
			if (task != null) {
				task.setProgressMaximum(1000);
				task.start();
			}
			IJ.resetEscape();
			final ImageJProgress progress = new ImageJProgress(() -> isCanceled() || task != null &&
				task.isCanceled(), task == null ? null : (f, m) -> {
					task.setProgressValue(Math.round(f * 1000));
					task.setStatusMessage(m);
				});
			inpainted = job.run(imp, progress);
			ImageJProgress.done(InpaintJob.TITLE + ": done.");
		}
		catch (final InpaintCancelledException e) {
			inpainted = null;
			ImageJProgress.done(InpaintJob.TITLE + ": cancelled, no output.");
			cancel(e.getMessage());
		}
		catch (final InpaintException e) {
			inpainted = null;
			ImageJProgress.done("");
			showError(e.getMessage());
			cancel(e.getMessage());
		}
		finally {
			if (task != null) task.finish();
		}
	}

	private static ImagePlus findImage(final String title) {
		if (title == null || title.trim().isEmpty()) throw new InpaintException(
			"No mask image: give the title of an open mask image as 'mask_image'.");
		final ImagePlus m = WindowManager.getImage(title.trim());
		if (m == null) throw new InpaintException("There is no open image titled '" + title +
			"' to use as the mask image.");
		return m;
	}

	/** A dialog in a GUI; the log (stderr) headless. Never a stack trace. */
	private void showError(final String message) {
		if (ui != null && !ui.isHeadless() && ui.isVisible()) ui.showDialog(message,
			InpaintJob.TITLE, DialogPrompt.MessageType.ERROR_MESSAGE);
		else log.error(InpaintJob.TITLE + ": " + message);
	}
}
