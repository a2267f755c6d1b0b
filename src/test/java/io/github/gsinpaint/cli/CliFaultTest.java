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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.batch.LineRepairer;
import io.github.gsinpaint.batch.RepairLine;
import io.github.gsinpaint.batch.RepairOptions;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.classical.HarmonicFiller;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the command line: an unreadable image or mask in a manifest, an output that cannot be
 * written, a cancel in the middle of a stack. Each gets a clear message; the other lines go on;
 * outputs written before (by this run or an earlier one) stay intact; no temporary file is left.
 */
public class CliFaultTest {

	@TempDir
	Path dir;

	private Path image, mask;

	@BeforeEach
	void inputs() {
		final ShortProcessor ip = new ShortProcessor(48, 40);
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 48; x++)
				ip.set(x, y, 1000 + 30 * x + 7 * y);
		image = dir.resolve("image.tif");
		assertTrue(new FileSaver(new ImagePlus("image", ip)).saveAsTiff(image.toString()));
		final ByteProcessor m = new ByteProcessor(48, 40);
		m.setRoi(10, 12, 9, 6);
		m.setValue(255);
		m.fill();
		mask = dir.resolve("mask.tif");
		assertTrue(new FileSaver(new ImagePlus("mask", m)).saveAsTiff(mask.toString()));
	}

	private static final class Result {

		int code;
		String err;
	}

	private static Result cli(final String... args) {
		final PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final Result r = new Result();
		try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			System.setErr(capture);
			System.setOut(new PrintStream(new ByteArrayOutputStream(), true,
				StandardCharsets.UTF_8));
			r.code = InpaintCli.run(args);
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		r.err = bytes.toString(StandardCharsets.UTF_8);
		return r;
	}

	private List<String> leftovers() throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).collect(
				Collectors.toList());
		}
	}

	@Test
	public void badManifestLinesAreReportedAndTheOthersGoOn() throws IOException {
		final Path garbage = dir.resolve("garbage.tif");
		Files.write(garbage, "this is not a TIFF".getBytes(StandardCharsets.US_ASCII));
		// line 4's output exists from an earlier run: its failure must not touch it
		final Path earlier = dir.resolve("out4.tif");
		Files.write(earlier, "earlier result".getBytes(StandardCharsets.US_ASCII));
		final Path manifest = dir.resolve("manifest.tsv");
		Files.write(manifest, String.join("\n", "image.tif\tmask.tif\tout1.tif",
			"missing.tif\tmask.tif\tout2.tif", "image.tif\tgarbage.tif\tout3.tif",
			"garbage.tif\tmask.tif\tout4.tif", "image.tif\tmask.tif\tout5.tif").getBytes(
				StandardCharsets.UTF_8));
		final Result r = cli("--manifest", manifest.toString(), "--method", "harmonic");
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("line 2") && r.err.contains("Cannot read the image"), r.err);
		assertTrue(r.err.contains("line 3") && r.err.contains("Cannot open the mask"), r.err);
		assertTrue(r.err.contains("line 4") && r.err.contains("Cannot open the image"), r.err);
		assertTrue(r.err.contains("3 of 5 images failed"), r.err);
		assertTrue(IJ.openImage(dir.resolve("out1.tif").toString()) != null);
		assertTrue(IJ.openImage(dir.resolve("out5.tif").toString()) != null);
		assertFalse(Files.exists(dir.resolve("out2.tif")));
		assertFalse(Files.exists(dir.resolve("out3.tif")));
		assertArrayEquals("earlier result".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(
			earlier));
		assertEquals(List.of(), leftovers());
	}

	@Test
	public void anOutputFolderThatCannotBeWritten() throws IOException {
		// A regular file where the output folder should be: unwritable for every user, root too.
		final Path notAFolder = dir.resolve("results");
		Files.write(notAFolder, new byte[] { 1 });
		final Result r = cli("--image", image.toString(), "--mask", mask.toString(), "--output",
			notAFolder.resolve("out.tif").toString(), "--method", "harmonic");
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("Cannot write"), r.err);
		assertTrue(r.err.contains(notAFolder.toString()), r.err);
		assertArrayEquals(new byte[] { 1 }, Files.readAllBytes(notAFolder));
		assertEquals(List.of(), leftovers());
	}

	@Test
	public void anOutputPathThatIsAFolder() throws IOException {
		final Path target = dir.resolve("out.tif");
		Files.createDirectories(target.resolve("inside"));
		final Result r = cli("--image", image.toString(), "--mask", mask.toString(), "--output",
			target.toString(), "--method", "harmonic");
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("Cannot write"), r.err);
		assertTrue(Files.isDirectory(target.resolve("inside")));
		assertEquals(List.of(), leftovers());
	}

	@Test
	public void aCancelInTheMiddleOfAStackWritesNothing() throws IOException {
		final ImageStack stack = new ImageStack(48, 40);
		for (int z = 0; z < 5; z++) {
			final ShortProcessor ip = new ShortProcessor(48, 40);
			for (int i = 0; i < 48 * 40; i++)
				ip.set(i, 500 + 100 * z + i % 97);
			stack.addSlice(ip);
		}
		final Path stackFile = dir.resolve("stack.tif");
		assertTrue(new FileSaver(new ImagePlus("stack", stack)).saveAsTiffStack(stackFile
			.toString()));
		final Path output = dir.resolve("stack-out.tif");
		Files.write(output, "earlier result".getBytes(StandardCharsets.US_ASCII));
		final AtomicInteger tiles = new AtomicInteger();
		final TileFiller harmonic = new HarmonicFiller();
		final TileFiller cancelsOnPlaneThree = new TileFiller() {

			@Override
			public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
				final int height, final Progress progress)
			{
				if (tiles.incrementAndGet() == 3) throw new InpaintCancelledException();
				return harmonic.fill(tile, hole, width, height, progress);
			}

			@Override
			public int preferredTileSize() {
				return harmonic.preferredTileSize();
			}

			@Override
			public int tileMultiple() {
				return harmonic.tileMultiple();
			}

			@Override
			public int maxJointChannels() {
				return harmonic.maxJointChannels();
			}

			@Override
			public String identity() {
				return "cancels on the third tile";
			}
		};
		assertThrows(InpaintCancelledException.class, () -> LineRepairer.repair(new RepairLine(1,
			stackFile.toString(), mask.toString(), output.toString()), cancelsOnPlaneThree,
			RepairOptions.defaults()));
		assertEquals(3, tiles.get());
		assertArrayEquals("earlier result".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(
			output));
		assertEquals(List.of(), leftovers());
	}
}
