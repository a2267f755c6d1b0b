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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

/**
 * The example macros of macros/, run as a user runs them: ImageJ 1.x in a process of its own,
 * {@code ImageJ -batch macro "arguments"}. The batch macro needs no display (it repairs through
 * call(...)); the scale-bar macro calls the command by its menu label, which needs ImageJ's menus
 * and so a display (xvfb-run). Each case runs the harmonic method: no model is loaded.
 */
class ExampleMacrosTest {

	private static final int W = 40, H = 30;

	@TempDir
	Path dir;

	/** The exit status and what ImageJ printed (stdout and stderr together). */
	private static final class Run {

		final int status;
		final String output;

		Run(final int status, final String output) {
			this.status = status;
			this.output = output;
		}
	}

	/**
	 * Runs {@code macro} with {@code argument} in a new ImageJ, headless or (display) under
	 * xvfb-run with the plugin's menu command registered.
	 */
	private Run imageJ(final Path macro, final String argument, final boolean display)
		throws Exception
	{
		final Path home = Files.createDirectories(dir.resolve("home"));
		final List<String> cmd = new ArrayList<>();
		if (display) cmd.addAll(List.of("xvfb-run", "-a"));
		cmd.addAll(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"-Xmx512m", "-Dai.djl.offline=true", "-Duser.home=" + home));
		if (display) cmd.add("-Dplugins.dir=" + pluginsFolder());
		else cmd.add("-Djava.awt.headless=true");
		cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "ij.ImageJ", "-batch", macro
			.toAbsolutePath().toString(), argument));
		final File out = dir.resolve("imagej-output.txt").toFile();
		final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
			.redirectOutput(out).start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ImageJ finished");
		return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8));
	}

	/**
	 * An ImageJ folder whose plugins/ holds a jar with only the plugin's plugins.config: ImageJ
	 * then lists "2DGS Inpainting..." in its menus and loads the class from the class path.
	 */
	private Path pluginsFolder() throws IOException {
		final Path ij = dir.resolve("ImageJ");
		Files.createDirectories(ij.resolve("plugins"));
		try (InputStream in = InpaintPlugIn.class.getResourceAsStream("/plugins.config");
			OutputStream o = Files.newOutputStream(ij.resolve("plugins/GS_Inpainting_menus.jar"));
			JarOutputStream jar = new JarOutputStream(o))
		{
			assertNotNull(in);
			jar.putNextEntry(new JarEntry("plugins.config"));
			in.transferTo(jar);
			jar.closeEntry();
		}
		return ij;
	}

	private static boolean onPath(final String program) {
		for (final String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			if (!d.isEmpty() && new File(d, program).canExecute()) return true;
		return false;
	}

	private static Path macro(final String name) {
		return Paths.get("macros", name);
	}

	/** A plane with a gradient outside the hole and {@code hole} inside it (x 10-15, y 8-12). */
	private static ByteProcessor plane(final int hole) {
		final ByteProcessor bp = new ByteProcessor(W, H);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				bp.set(x, y, 60 + x + y);
		bp.setValue(hole);
		bp.fill(new Roi(10, 8, 6, 5));
		return bp;
	}

	private static ByteProcessor flat(final int value) {
		final ByteProcessor bp = new ByteProcessor(W, H);
		bp.setValue(value);
		bp.fill();
		return bp;
	}

	/** An image folder holding one plane "cell.tif" and its mask in "masks". */
	private Path oneCell() throws IOException {
		final Path images = Files.createDirectories(dir.resolve("images"));
		IJ.saveAsTiff(new ImagePlus("cell", plane(255)), images.resolve("cell.tif").toString());
		mask(dir.resolve("masks"), "cell");
		return images;
	}

	/** The hole's mask, saved as masks/<stem>.png. */
	private void mask(final Path masks, final String stem) throws IOException {
		Files.createDirectories(masks);
		final ByteProcessor m = new ByteProcessor(W, H);
		m.setValue(255);
		m.fill(new Roi(10, 8, 6, 5));
		assertTrue(new FileSaver(new ImagePlus(stem, m)).saveAsPng(masks.resolve(stem + ".png")
			.toString()));
	}

	private static String args(final Path images, final Path masks, final Path out,
		final String options)
	{
		return images + "|" + masks + "|" + out + (options == null ? "" : "|" + options);
	}

	/**
	 * Options given with the folders replace only the keys they name: the header's own example
	 * (method=harmonic dilation=1) still repairs every plane of a stack, and a planes key of the
	 * user's still wins.
	 */
	@Test
	void batchKeepsEveryPlaneWhenOptionsAreGiven() throws Exception {
		final Path images = Files.createDirectories(dir.resolve("images")), masks = dir.resolve(
			"masks");
		final ImageStack stack = new ImageStack(W, H);
		stack.addSlice(plane(255));
		stack.addSlice(plane(0));
		IJ.saveAsTiff(new ImagePlus("cells", stack), images.resolve("cells.tif").toString());
		mask(masks, "cells");

		final Path all = dir.resolve("all");
		final Run run = imageJ(macro("batch-repair-folder.ijm"), args(images, masks, all,
			"method=harmonic dilation=1"), false);
		assertEquals(0, run.status, run.output);
		final ImagePlus out = IJ.openImage(all.resolve("cells-inpainted.tif").toString());
		assertNotNull(out, run.output);
		assertEquals(2, out.getStackSize());
		// The hole's centre, 255 in plane 1 and 0 in plane 2, becomes the gradient (about 95).
		assertTrue(out.getStack().getProcessor(1).get(12, 10) < 150, "plane 1 not repaired");
		assertTrue(out.getStack().getProcessor(2).get(12, 10) > 40, "plane 2 not repaired: " +
			"planes=[all planes] was lost with the user's options");

		final Path first = dir.resolve("first");
		final Run one = imageJ(macro("batch-repair-folder.ijm"), args(images, masks, first,
			"method=harmonic planes=[current plane]"), false);
		assertEquals(0, one.status, one.output);
		final ImagePlus out1 = IJ.openImage(first.resolve("cells-inpainted.tif").toString());
		assertTrue(out1.getStack().getProcessor(1).get(12, 10) < 150, "plane 1 not repaired");
		assertEquals(0, out1.getStack().getProcessor(2).get(12, 10),
			"the user's planes=[current plane] was not kept");
	}

	/** A nested output folder with missing parents is made, level by level. */
	@Test
	void batchMakesANestedOutputFolder() throws Exception {
		final Path images = oneCell(), masks = dir.resolve("masks");
		final Path out = dir.resolve("out/a/b"); // neither out nor out/a exists
		final Run run = imageJ(macro("batch-repair-folder.ijm"), args(images, masks, out,
			"method=harmonic"), false);
		assertEquals(0, run.status, run.output);
		assertTrue(Files.isRegularFile(out.resolve("cell-inpainted.tif")), run.output);
		assertTrue(run.output.contains("1 repaired, 0 failed, 0 without a mask."), run.output);
		assertFalse(run.output.contains("Could not"), run.output);
	}

	/** An output folder that cannot be made stops the run at once, in one line, status 1. */
	@Test
	void batchStopsInOneLineWhenTheOutputFolderCannotBeMade() throws Exception {
		final Path images = oneCell(), masks = dir.resolve("masks");
		final Path file = Files.writeString(dir.resolve("notes.txt"), "a file, not a folder");
		final Run run = imageJ(macro("batch-repair-folder.ijm"), args(images, masks, file.resolve(
			"out"), "method=harmonic"), false);
		assertEquals(1, run.status, run.output);
		assertEquals("Cannot create the output folder " + file +
			" (a file of that name is in the way).", run.output.trim());
	}

	/**
	 * x1.png and x1.tif both give x1-inpainted.tif: the first is repaired, the second is named
	 * with the first in one line and skipped, and the first's output is not written over.
	 */
	@Test
	void batchReportsTwoImagesWithOneOutputName() throws Exception {
		final Path images = Files.createDirectories(dir.resolve("images")), masks = dir.resolve(
			"masks");
		final ByteProcessor png = flat(100), tif = flat(200);
		png.setValue(255);
		png.fill(new Roi(10, 8, 6, 5));
		assertTrue(new FileSaver(new ImagePlus("x1", png)).saveAsPng(images.resolve("x1.png")
			.toString()));
		IJ.saveAsTiff(new ImagePlus("x1", tif), images.resolve("x1.tif").toString());
		mask(masks, "x1");
		final Path out = dir.resolve("out");
		final Run run = imageJ(macro("batch-repair-folder.ijm"), args(images, masks, out,
			"method=harmonic"), false);
		assertEquals(1, run.status, "a skipped image is a failure for scripts\n" + run.output);
		final ImagePlus result = IJ.openImage(out.resolve("x1-inpainted.tif").toString());
		assertNotNull(result, run.output);
		assertEquals(100, result.getProcessor().get(0, 0), "x1.png's output was written over");
		assertEquals(100, result.getProcessor().get(12, 10), "x1.png's hole not repaired");
		final List<String> about = new ArrayList<>();
		for (final String line : run.output.split("\n"))
			if (line.contains("x1.tif")) about.add(line);
		assertEquals(1, about.size(), run.output);
		assertTrue(about.get(0).startsWith("x1.tif: skipped") && about.get(0).contains("x1.png") &&
			about.get(0).contains("x1-inpainted.tif"), about.get(0));
		assertTrue(run.output.contains("Batch repair: 1 repaired, 0 failed, 0 without a mask, " +
			"1 skipped"), run.output);
		try (var left = Files.list(out)) {
			assertEquals(1, left.count(), "a file other than x1-inpainted.tif was written");
		}
	}

	/**
	 * remove-scale-bar.ijm run by a caller macro in batch mode leaves the caller in batch mode
	 * with its image open (leaving batch mode would close the caller's images), and gives the
	 * caller the result.
	 */
	@Test
	void scaleBarMacroLeavesABatchCallersImagesOpen() throws Exception {
		Assumptions.assumeTrue(onPath("xvfb-run"), "xvfb-run is needed for the menus of run(...)");
		final Path report = dir.resolve("report.txt");
		final Path caller = Files.writeString(dir.resolve("caller.ijm"), String.join("\n",
			"args = split(getArgument(), \"|\");",
			"setBatchMode(true);",
			"newImage(\"micrograph\", \"8-bit black\", 200, 120, 1);",
			"run(\"Set...\", \"value=60\");",
			"setColor(255); fillRect(140, 100, 40, 5);",
			"orig = getImageID();",
			"makeRectangle(132, 92, 56, 20);",
			"runMacro(args[0], \"harmonic\");",
			"result = getImageID();",
			"File.saveString(\"batch=\" + is(\"Batch Mode\") + \" caller=\" + isOpen(orig) +" +
				" \" images=\" + nImages + \" title=\" + getTitle(), args[1]);", ""));
		final Run run = imageJ(caller, macro("remove-scale-bar.ijm").toAbsolutePath() + "|" +
			report, true);
		assertTrue(Files.isRegularFile(report), "the caller did not finish\n" + run.output);
		assertEquals("batch=1 caller=1 images=2 title=micrograph-inpainted", Files.readString(
			report).trim(), run.output);
	}
}
