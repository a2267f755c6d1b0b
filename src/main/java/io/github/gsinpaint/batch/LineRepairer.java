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
package io.github.gsinpaint.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import ij.ImagePlus;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.ij.ImagePlusInpainter;
import io.github.gsinpaint.ij.MaskBuilder;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * Repairs one line with an open method and writes its output atomically. The command line and
 * the Spark executors both call this, so they write the same bytes. Whatever goes wrong with the
 * line (a bad file, no memory, a bug in a reader) becomes a FAILED result with a one-line
 * message naming the file; only a cancel stops the batch.
 */
public final class LineRepairer {

	private LineRepairer() {}

	/** @throws InpaintCancelledException when the user cancelled (the batch stops) */
	public static LineResult repair(final RepairLine line, final TileFiller filler,
		final RepairOptions options)
	{
		final long t0 = System.nanoTime();
		try {
			if (!options.overwrite() && Files.exists(line.output())) return LineResult.skipped(line);
			write(line, filler, options.settings(), options.mask());
			return LineResult.repaired(line, (System.nanoTime() - t0) / 1e6);
		}
		catch (final InpaintCancelledException e) {
			throw e;
		}
		catch (final InpaintException e) {
			return LineResult.failed(line, oneLine(e.getMessage()));
		}
		catch (final IOException e) {
			return LineResult.failed(line, "Cannot repair " + line.image() + " (" + oneLine(e
				.toString()) + ").");
		}
		catch (final OutOfMemoryError e) {
			return LineResult.failed(line, "Ran out of memory on " + line.image() + ": give Java " +
				"more memory (-Xmx), or split the image.");
		}
		catch (final StackOverflowError e) {
			return LineResult.failed(line, "The reader failed on " + line.image() + " (stack " +
				"overflow): the file is probably damaged. Re-export it.");
		}
		catch (final RuntimeException e) { // a reader's own bug on a strange file
			return LineResult.failed(line, "Cannot repair " + line.image() + " (" + oneLine(e
				.toString()) + "). The file may be damaged: re-export it.");
		}
	}

	private static void write(final RepairLine line, final TileFiller filler,
		final InpaintSettings settings, final MaskRecipe recipe) throws IOException
	{
		final ImagePlus imp = InputImages.open(line.image(), InputImages.Role.IMAGE);
		final ImagePlus maskImp = line.mask() == null ? null : InputImages.open(line.mask(),
			InputImages.Role.MASK);
		if (maskImp != null && (maskImp.getWidth() != imp.getWidth() || maskImp
			.getHeight() != imp.getHeight())) throw new InpaintException("The mask " + line.mask() +
				" is " + maskImp.getWidth() + " x " + maskImp.getHeight() + " but the image is " + imp
					.getWidth() + " x " + imp.getHeight() + ".");
		final IntFunction<ArrayImg<BitType, LongArray>> masks = LineMasks.of(imp, maskImp, recipe);
		final List<Integer> chosen = new ArrayList<>();
		for (int p = 1; p <= imp.getStackSize(); p++)
			if (MaskBuilder.count(masks.apply(p)) > 0) chosen.add(p);
		if (chosen.isEmpty()) throw new InpaintException("The mask of " + line.image() +
			" is empty (" + (maskImp == null ? "no pixel matches the pixel mask" : "no non-zero pixel" +
				(recipe.usesPixels() ? " and no pixel matches the pixel mask" : "")) +
			"): nothing to repair.");
		final int[] planes = chosen.stream().mapToInt(Integer::intValue).toArray();
		final ImagePlus result = ImagePlusInpainter.inpaint(imp, p -> masks.apply(p), planes, filler, settings,
			Progress.NONE);
		AtomicTiffWriter.write(result, line.output());
	}

	/** ImageJ's and the JDK's messages may span lines; a batch report has one line per image. */
	static String oneLine(final String message) {
		return message == null ? "no message" : message.trim().replaceAll("\\s*[\\r\\n]+\\s*",
			"; ");
	}
}
