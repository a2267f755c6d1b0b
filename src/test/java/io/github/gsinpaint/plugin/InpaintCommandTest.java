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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import io.github.gsinpaint.ij.InpaintJob;
import io.github.gsinpaint.ij.InpaintOptions;

/** The SciJava command runs headless and agrees with the ImageJ 1.x entry point. */
class InpaintCommandTest {

	private static Context context;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static ImagePlus image() {
		final ByteProcessor bp = new ByteProcessor(60, 40);
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 60; x++)
				bp.set(x, y, 50 + x + y);
		bp.set(30, 20, 255);
		return new ImagePlus("cmd.png", bp);
	}

	@Test
	void runsHeadlessWithAnImagePlus() throws Exception {
		final ImagePlus imp = image();
		imp.setRoi(new Roi(28, 18, 5, 5));
		final byte[] before = ((byte[]) imp.getProcessor().getPixels()).clone();
		final CommandModule m = context.service(CommandService.class).run(InpaintCommand.class,
			true, "imp", imp, "method", "harmonic", "dilation", 1).get();
		final ImagePlus out = (ImagePlus) m.getOutput("inpainted");
		assertNotNull(out);
		assertEquals("cmd-inpainted", out.getTitle());
		assertTrue(out.getProcessor().get(30, 20) < 200);
		assertEquals(before[0], ((byte[]) out.getProcessor().getPixels())[0]);
		assertEquals(new String(before, StandardCharsets.ISO_8859_1), new String((byte[]) imp
			.getProcessor().getPixels(), StandardCharsets.ISO_8859_1));
	}

	@Test
	void badInputCancelsWithTheMessage() throws Exception {
		final ImagePlus imp = image(); // no selection
		final CommandModule m = context.service(CommandService.class).run(InpaintCommand.class,
			true, "imp", imp, "method", "harmonic").get();
		assertNull(m.getOutput("inpainted"));
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("no selection"), m.getCancelReason());
	}

	@Test
	void parameterNamesAreTheMacroKeysOfThePlugIn() {
		final CommandInfo info = context.service(CommandService.class).getCommand(
			InpaintCommand.class);
		final Set<String> names = new TreeSet<>();
		for (final ModuleItem<?> item : info.inputs())
			if (!item.getType().getName().startsWith("org.scijava") && !item.getName().equals("imp"))
				names.add(item.getName());
		// The GenericDialog labels of InpaintPlugIn give these keys (label up to the first space,
		// lower-cased); keep the two lists and the macros/ examples in step.
		final Set<String> keys = new TreeSet<>(InpaintOptions.KEYS);
		assertEquals(keys, names);
		assertEquals(InpaintJob.MENU + ">" + InpaintJob.LABEL, info.getMenuPath()
			.getMenuString(true).replace(" > ", ">"));
	}

	@Test
	void pluginsConfigRegistersTheSameLabel() throws IOException {
		try (InputStream in = InpaintPlugIn.class.getResourceAsStream("/plugins.config")) {
			assertNotNull(in);
			final String config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(config.contains(InpaintJob.MENU + ", \"" + InpaintJob.LABEL + "\", " +
				InpaintPlugIn.class.getName()), config);
		}
	}

	/** The example macros call the command by the label that plugins.config registers. */
	@Test
	void exampleMacrosUseTheRegisteredLabel() throws IOException {
		int calls = 0;
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
			java.nio.file.Paths.get("macros")))
		{
			for (final java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
				final String text = new String(java.nio.file.Files.readAllBytes(f),
					StandardCharsets.UTF_8);
				final java.util.regex.Matcher m = java.util.regex.Pattern.compile(
					"run\\(\"(2DGS[^\"]*)\"").matcher(text);
				while (m.find()) {
					assertEquals(InpaintJob.LABEL, m.group(1), f.toString());
					calls++;
				}
			}
		}
		assertTrue(calls >= 3, "the examples call the command " + calls + " times");
	}
}
