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
package io.github.gsinpaint.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.TestModels;

/**
 * The command line as its own process, as a user runs it: a normal run prints no library INFO
 * lines, no CUDA warnings and no colour codes (issue 14); with another repair process running,
 * libtorch gets a share of the cores, not all of them (issue 15 item 6).
 */
class CliProcessTest {

	@TempDir
	Path dir;

	private Path image, mask;

	@BeforeEach
	void inputs() {
		final ShortProcessor ip = new ShortProcessor(64, 64);
		for (int i = 0; i < 64 * 64; i++)
			ip.set(i, 2000 + 11 * (i % 64) + 5 * (i / 64));
		image = dir.resolve("image.tif");
		assertTrue(new FileSaver(new ImagePlus("image", ip)).saveAsTiff(image.toString()));
		final ByteProcessor m = new ByteProcessor(64, 64);
		m.setRoi(20, 20, 10, 8);
		m.setValue(255);
		m.fill();
		mask = dir.resolve("mask.tif");
		assertTrue(new FileSaver(new ImagePlus("mask", m)).saveAsTiff(mask.toString()));
	}

	private String[] run(final String... extra) throws Exception {
		final List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"),
			"bin", "java").toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
			InpaintCli.class.getName(), "--image", image.toString(), "--mask", mask.toString(),
			"--output", dir.resolve("out.tif").toString(), "--method", "2dgs", "--device", "cpu"));
		if (!TestModels.hasTrainedModel()) cmd.addAll(List.of("--model", TestModels.fixture()
			.toString()));
		cmd.addAll(List.of(extra));
		final File out = dir.resolve("stdout.txt").toFile(), err = dir.resolve("stderr.txt")
			.toFile();
		final Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command line finished");
		final String o = Files.readString(out.toPath(), StandardCharsets.UTF_8);
		final String e = Files.readString(err.toPath(), StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), o + e);
		return new String[] { o, e };
	}

	@Test
	void aNormalRunPrintsOnlyItsReport() throws Exception {
		final String[] r = run();
		for (final String s : r) {
			assertFalse(s.contains("\u001b"), "no colour codes when redirected: " + s);
			assertFalse(s.contains(" INFO "), "no library INFO lines: " + s);
			assertFalse(s.contains("CudaUtils") || s.contains("GPU count"), "no CUDA warnings: " + s);
		}
		assertTrue(r[0].startsWith("Method: 2dgs"), r[0]);
		assertTrue(r[0].contains("image.tif -> "), r[0]);
	}

	@Test
	void anotherRepairProcessGetsItsShareOfTheCores() throws Exception {
		final int cores = Runtime.getRuntime().availableProcessors();
		// this test JVM holds a slot, as a second command line running at the same time would
		final Path slots = Paths.get(System.getProperty("java.io.tmpdir"), "gs-inpaint-processes-" +
			System.getProperty("user.name", "user"));
		Files.createDirectories(slots);
		FileChannel ch = null;
		FileLock lock = null;
		for (int i = 0; lock == null && i < 16; i++) {
			ch = FileChannel.open(slots.resolve("slot-" + i), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
			try {
				lock = ch.tryLock();
			}
			catch (final java.nio.channels.OverlappingFileLockException e) {
				lock = null;
			}
			if (lock == null) ch.close();
		}
		assertNotNull(lock);
		try {
			final String[] shared = run("--verbose");
			final int threads = intraOp(shared[1]);
			assertTrue(threads <= Math.max(1, cores / 2), "with another process: " + threads +
				" threads of " + cores + " cores");
			final String[] asked = run("--verbose", "--torch-threads", "3");
			assertEquals(3, intraOp(asked[1]), "an explicit count wins");
		}
		finally {
			lock.release();
			ch.close();
		}
	}

	private static int intraOp(final String log) {
		final String key = "Number of intra-op threads is ";
		final int at = log.indexOf(key);
		assertTrue(at >= 0, log);
		return Integer.parseInt(log.substring(at + key.length()).split("\\s")[0]);
	}

	/**
	 * Ctrl-C or a kill ended the command line with exit status 130 or 143 and no word; it now says
	 * that the outputs reported are complete and the image in progress was not written.
	 */
	@Test
	void anInterruptedRunSaysWhatIsLeft() throws Exception {
		final StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 400; i++)
			lines.append(image).append('\t').append(mask).append('\t').append(dir.resolve("o" + i +
				".tif")).append('\n');
		final Path manifest = Files.writeString(dir.resolve("m.tsv"), lines.toString());
		final File out = dir.resolve("stdout.txt").toFile(), err = dir.resolve("stderr.txt")
			.toFile();
		final Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"), InpaintCli.class
				.getName(), "--manifest", manifest.toString(), "--method", "harmonic").redirectOutput(
					out).redirectError(err).start();
		final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!Files.readString(out.toPath(), StandardCharsets.UTF_8).contains(" -> ") && System
			.nanoTime() < until)
			Thread.sleep(20);
		p.destroy(); // SIGTERM, as kill does; Ctrl-C's SIGINT runs the same shutdown hooks
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command line ended");
		final String e = Files.readString(err.toPath(), StandardCharsets.UTF_8);
		assertNotEquals(0, p.exitValue(), "it was still running: " + e);
		assertTrue(e.contains("Interrupted: the outputs reported above are complete"), e);
	}

	/**
	 * The bundled model is unpacked under XDG_CACHE_HOME when it is set: an account whose home is
	 * not writable (a cluster node) had no way but -Duser.home to run the default model.
	 */
	@Test
	void theBundledModelIsUnpackedUnderXdgCacheHome() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(TestModels.hasTrainedModel(),
			"the bundled model is in the jar");
		final Path cache = Files.createDirectories(dir.resolve("xdg"));
		final ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"),
			"bin", "java").toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
			InpaintCli.class.getName(), "--image", image.toString(), "--mask", mask.toString(),
			"--output", dir.resolve("out.tif").toString(), "--device", "cpu");
		pb.environment().put("XDG_CACHE_HOME", cache.toString());
		pb.environment().remove("GSINPAINT_MODEL");
		final File log = dir.resolve("log.txt").toFile();
		final Process p = pb.redirectErrorStream(true).redirectOutput(log).start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command line finished");
		assertEquals(0, p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
		assertTrue(Files.isRegularFile(cache.resolve("gs-inpainting/gs-inpaint-v2/model.pt")));
	}
}
