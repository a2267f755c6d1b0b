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

import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageWindow;
import ij.macro.Interpreter;
import io.github.gsinpaint.ij.InpaintJob;

/**
 * How a result appears: a title no other open image has (a second run on "face" gives
 * "face-inpainted-1", so macros and the Window menu can tell them apart), a window beside the
 * source rather than exactly over it (the user sees both at once), and a status line that says
 * what was repaired (on a composite the user must see that every channel was).
 */
final class ResultDisplay {

	private ResultDisplay() {}

	/** Gives {@code result} a title no open image has. */
	static void makeTitleUnique(final ImagePlus result) {
		result.setTitle(WindowManager.makeUniqueName(result.getTitle()));
	}

	/** Shows {@code result} next to {@code source}'s window (right of it, else below, else offset). */
	static void show(final ImagePlus result, final ImagePlus source) {
		final ImageWindow win = source == null ? null : source.getWindow();
		if (win != null && !Interpreter.isBatchMode()) {
			final Rectangle b = win.getBounds();
			final Dimension screen = IJ.getScreenSize();
			final Point at;
			if (b.x + 2 * b.width <= screen.width) at = new Point(b.x + b.width, b.y);
			else if (b.y + 2 * b.height <= screen.height) at = new Point(b.x, b.y + b.height);
			else at = new Point(b.x + 40, b.y + 40);
			ImageWindow.setNextLocation(at);
		}
		result.show();
	}

	/** @return e.g. "2DGS Inpainting: repaired 3 of 3 channels at z=2 in 1.2 s -> face-inpainted" */
	static String status(final InpaintJob job, final ImagePlus result, final long startNanos) {
		return String.format(Locale.ROOT, "%s: repaired %s in %.1f s -> %s", InpaintJob.TITLE, job
			.summary(), (System.nanoTime() - startNanos) / 1e9, result.getTitle());
	}
}
