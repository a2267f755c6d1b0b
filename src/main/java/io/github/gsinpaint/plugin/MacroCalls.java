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

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.ij.InpaintJob;
import io.github.gsinpaint.ij.InpaintOptions;

/**
 * Static entry points for macros' {@code call(...)}, which, unlike {@code run("...")}, works in
 * {@code ImageJ -batch} without a display: ImageJ 1.x builds its menus (AWT) for run() and fails
 * headless. macros/batch-repair-folder.ijm repairs files through these, so it runs the same with
 * and without a display. Every method answers with a string, as call() requires: empty for
 * success, otherwise the reason, naming the file.
 */
public final class MacroCalls {

	private MacroCalls() {}

	/**
	 * Repairs one image file with one mask file (non-zero pixels = holes) and writes a TIFF.
	 *
	 * @param options the command's macro options (mask_source is taken as "mask image")
	 * @return "" on success, else a one-line reason that names the file
	 */
	public static String repairFile(final String image, final String mask, final String output,
		final String options)
	{
		return repairFile(image, mask, output, (imp, m) -> new InpaintJob(InpaintOptions
			.fromMacroOptions(options).withMaskSource(InpaintOptions.MASK_IMAGE).withMaskImage(m
				.getTitle()), m, null).run(imp, IJ.getInstance() == null ? Progress.NONE
					: new ImageJProgress()));
	}

	/** The repair of one opened image with its opened mask (a seam for tests). */
	interface Repair {

		ImagePlus run(ImagePlus image, ImagePlus mask);
	}

	static String repairFile(final String image, final String mask, final String output,
		final Repair repair)
	{
		final String name = new File(image).getName();
		// Written beside the target and renamed, so an interrupted run leaves no half file.
		final File out = new File(output);
		final File tmp = new File(out.getAbsoluteFile().getParentFile(), "." + out.getName() +
			".part");
		try {
			final ImagePlus imp = IJ.openImage(image);
			if (imp == null) return name + ": ImageJ cannot open this file as an image.";
			final ImagePlus m = IJ.openImage(mask);
			if (m == null) return name + ": ImageJ cannot open its mask " + new File(mask).getName() +
				".";
			final ImagePlus result = repair.run(imp, m);
			if (!new FileSaver(result).saveAsTiff(tmp.getPath()))
				return name + ": could not write " + out.getPath() + ".";
			Files.move(tmp.toPath(), out.toPath(), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
			return "";
		}
		catch (final InpaintException e) {
			return name + ": " + e.getMessage();
		}
		catch (final OutOfMemoryError e) {
			// A large image can exhaust ImageJ's heap; the macro's other files should still run.
			return name + ": not enough memory; give ImageJ more (Edit > Options > Memory & " +
				"Threads) or repair a smaller image.";
		}
		catch (final IOException | RuntimeException e) {
			return name + ": " + e;
		}
		finally {
			try {
				Files.deleteIfExists(tmp.toPath());
			}
			catch (final IOException e) {
				// the output itself was never touched; a hidden .part file left here is harmless
			}
		}
	}

	/**
	 * Ends a batch run (ImageJ without a window, e.g. {@code ImageJ -batch}) with this exit status,
	 * so scripts and schedulers see a failure; ImageJ itself always exits with 0. Does nothing when
	 * ImageJ has a window (a user's session must not be closed by a macro).
	 */
	public static String exitIfBatch(final String status) {
		if (IJ.getInstance() == null) System.exit(Integer.parseInt(status.trim()));
		return "";
	}
}
