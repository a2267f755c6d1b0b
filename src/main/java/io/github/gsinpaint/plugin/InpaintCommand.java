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

import ij.IJ;
import ij.ImagePlus;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.ij.DefectFinder;
import io.github.gsinpaint.ij.InpaintJob;
import io.github.gsinpaint.ij.InpaintOptions;

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
	description = "Repairs the selected (or ROI Manager, NaN, saturated, masked) pixels of the " +
		"image with 2D Gaussian Splatting inpainting or a classical fill; writes a new image.")
public class InpaintCommand extends ContextCommand {

	@Parameter(label = "Image")
	private ImagePlus imp;

	@Parameter(label = "Method", choices = { "2dgs", "harmonic", "biharmonic" },
		description = "2dgs: the learned 2D Gaussian Splatting fill (textures, edges, larger holes); " +
			"harmonic: smooth Laplace fill (tiny defects); biharmonic: smoother fill (smooth images).")
	private String method = "2dgs";

	@Parameter(label = "Mask source", choices = { InpaintOptions.SELECTION,
		InpaintOptions.ROI_MANAGER, InpaintOptions.MASK_IMAGE, InpaintOptions.NAN,
		InpaintOptions.VALUE, InpaintOptions.SATURATED, InpaintOptions.OUTLIERS,
		InpaintOptions.BAD_LINES })
	private String mask_source = InpaintOptions.SELECTION;

	@Parameter(label = "Mask image", required = false,
		description = "Title of an open image; its non-zero pixels are filled (mask source 'mask image').")
	private String mask_image = "";

	@Parameter(label = "Value", required = false,
		description = "Pixels equal to this value are filled (mask source 'value').")
	private double value = 0;

	@Parameter(label = "Saturation level", required = false, min = "0",
		description = "Pixels at or above it are filled (mask source 'saturated'); 0 = the type's " +
			"maximum (255, 65535). A 12-bit camera saturates at 4095.")
	private double saturation_level = 0;

	@Parameter(label = "Threshold (robust SDs)", required = false,
		description = "How far a pixel, row or column must stand out from its neighbourhood, in " +
			"robust standard deviations of the image's noise (mask sources 'outlier pixels' and " +
			"'bad rows and columns'); lower finds more.")
	private double threshold = DefectFinder.DEFAULT_THRESHOLD;

	@Parameter(label = "Dilation (pixels)", min = "0")
	private int dilation = 0;

	@Parameter(label = "Shape", choices = { "disk", "square" })
	private String shape = "disk";

	@Parameter(label = "Planes", choices = { InpaintOptions.CURRENT_POSITION,
		InpaintOptions.CURRENT_PLANE, InpaintOptions.CURRENT_CHANNEL, InpaintOptions.ALL_PLANES },
		description = "current position: every channel of the shown slice and frame (a colour " +
			"composite is repaired in all its channels).")
	private String planes = InpaintOptions.CURRENT_POSITION;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	private String device = "auto";

	@Parameter(label = "Tile size (0 = default)", min = "0")
	private int tile_size = 0;

	@Parameter(label = "Model folder", required = false, style = "directory",
		description = "A model package folder; empty for the bundled model (method 2dgs).")
	private String model = "";

	@Parameter(label = "Outline filled pixels",
		description = "Adds the outline to the result's overlay; PNG and JPEG export burn " +
			"overlays into the pixels.")
	private boolean outline = false;

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
		final Task task = taskService == null ? null : taskService.createTask(InpaintJob.TITLE);
		try {
			final InpaintOptions o = options();
			final InpaintJob job = new InpaintJob(o, MaskInputs.maskImage(o), MaskInputs
				.managerRois(o));
			if (task != null) {
				task.setProgressMaximum(1000);
				task.start();
			}
			IJ.resetEscape();
			final long t0 = System.nanoTime();
			final ImageJProgress progress = new ImageJProgress(() -> isCanceled() || task != null &&
				task.isCanceled(), task == null ? null : (f, m) -> {
					task.setProgressValue(Math.round(f * 1000));
					task.setStatusMessage(m);
				});
			inpainted = job.run(imp, progress);
			ResultDisplay.makeTitleUnique(inpainted);
			if (job.tileNote() != null) log.warn(InpaintJob.TITLE + ": " + job.tileNote());
			ImageJProgress.done(ResultDisplay.status(job, inpainted, t0));
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

	/** The parameters as the one options object every front end builds. */
	InpaintOptions options() {
		return InpaintOptions.defaults().withMethod(method).withMaskSource(mask_source)
			.withMaskImage(mask_image).withValue(value).withSaturationLevel(saturation_level).withThreshold(threshold)
			.withDilation(dilation).withShape(shape).withPlanes(planes).withDevice(device)
			.withTileSize(tile_size).withModel(model).withOutline(outline);
	}

	/** A dialog in a GUI; the log (stderr) headless. Never a stack trace. */
	private void showError(final String message) {
		if (ui != null && !ui.isHeadless() && ui.isVisible()) ui.showDialog(message,
			InpaintJob.TITLE, DialogPrompt.MessageType.ERROR_MESSAGE);
		else log.error(InpaintJob.TITLE + ": " + message);
	}
}
