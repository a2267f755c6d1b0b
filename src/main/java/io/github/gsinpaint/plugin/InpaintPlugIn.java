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

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.ij.InpaintJob;
import io.github.gsinpaint.ij.InpaintOptions;

/**
 * The ImageJ 1.x entry point, registered in the jar's {@code plugins.config} as
 * {@code Plugins > Inpainting > 2DGS Inpainting...}. {@link InpaintDialog} collects the options
 * (so macro recording and {@code run("2DGS Inpainting...", "method=harmonic ...")} work, with the
 * same keys as the SciJava command's parameter names); {@link InpaintJob} does the work.
 */
public class InpaintPlugIn implements PlugIn {

	// Remembered between interactive runs; macros always start from the documented defaults.
	private static InpaintOptions last = InpaintOptions.defaults();

	@Override
	public void run(final String arg) {
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) {
			error("There is no image open: open an image first.");
			return;
		}
		final boolean macro = Macro.getOptions() != null;
		final InpaintOptions start = macro ? InpaintOptions.defaults() : last;
		if (!macro && !selectionCheck(imp, start)) return;
		final InpaintOptions options = InpaintDialog.show(imp, start);
		if (options == null) return;
		if (!macro) last = options;

		IJ.resetEscape();
		final long t0 = System.nanoTime();
		try {
			final InpaintJob job = new InpaintJob(options, MaskInputs.maskImage(options), MaskInputs
				.managerRois(options));
			final ImagePlus result = job.run(imp, new ImageJProgress());
			ResultDisplay.makeTitleUnique(result);
			ResultDisplay.show(result, imp);
			if (job.tileNote() != null) IJ.log(InpaintJob.TITLE + ": " + job.tileNote());
			ImageJProgress.done(ResultDisplay.status(job, result, t0));
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

	/**
	 * Reports a missing selection before the dialog, when the selection is the mask source the
	 * dialog would start with; OK goes on to the dialog to choose another source.
	 *
	 * @return whether to show the dialog
	 */
	private static boolean selectionCheck(final ImagePlus imp, final InpaintOptions start) {
		if (!start.maskSource().equals(InpaintOptions.SELECTION) || imp.getRoi() != null)
			return true;
		return IJ.showMessageWithCancel(InpaintJob.TITLE, "There is no selection on \"" + imp
			.getTitle() + "\".\n \nCancel, then select the damaged pixels and run the command " +
			"again;\nor OK to choose another mask source (ROI Manager, mask image,\nNaN pixels, " +
			"value, saturated) in the dialog.");
	}

	/**
	 * Shows a user-facing message without stopping a macro: a dialog when run from the menu; the
	 * Log when run by a macro (ImageJ's error dialog would abort the macro, so its own checks of
	 * nImages or getTitle() could never run); stderr without an ImageJ window (-batch).
	 */
	static void error(final String message) {
		if (GraphicsEnvironment.isHeadless() || IJ.getInstance() == null) {
			System.err.println(InpaintJob.TITLE + ": " + message);
		}
		else if (IJ.isMacro() || Interpreter.isBatchMode()) {
			IJ.log(InpaintJob.TITLE + ": " + message);
			IJ.showStatus(InpaintJob.TITLE + ": " + message);
		}
		else IJ.error(InpaintJob.TITLE, message);
	}
}
