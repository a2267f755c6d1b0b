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
package io.github.gsinpaint.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.batch.BatchArguments;
import io.github.gsinpaint.batch.LineResult;
import io.github.gsinpaint.batch.Manifest;
import io.github.gsinpaint.batch.RepairLine;
import io.github.gsinpaint.batch.RepairOptions;
import io.github.gsinpaint.cli.InpaintCli;

/**
 * A local[2] Spark job over a few dozen generated images (8-bit, 16-bit, float, RGB, a stack; TIFF
 * and PNG; 64 to 160 px) must write exactly the bytes the single-process command line writes; a
 * broken image is reported with its reason without stopping the others; a re-run skips what
 * exists.
 */
class SparkInpaintTest {

	private static final int IMAGES = 36;

	/** The 2DGS model, where the repository has one; the harmonic fill always runs. */
	private static final Path MODEL = Paths.get("..", "models", "gs-inpaint-v1", "model.json");

	@TempDir
	Path dir;

	static SparkConf localConf() {
		return new SparkConf().setMaster("local[2]").setAppName("gs-inpaint-test").set(
			"spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set(
				"spark.driver.bindAddress", "127.0.0.1");
	}

	@Test
	void localJobMatchesCommandLineBitForBitReportsFailuresAndResumes() throws IOException {
		final List<String[]> pairs = generate(dir.resolve("in"), IMAGES);
		// one unreadable image among them
		final Path broken = dir.resolve("in").resolve("broken.tif");
		Files.write(broken, "not a TIFF".getBytes(StandardCharsets.US_ASCII));
		final String brokenMask = pairs.get(0)[1];

		final Path cliManifest = manifest("cli.txt", pairs, "cli", null, null);
		final Path sparkManifest = manifest("spark.txt", pairs, "spark", broken.toString(),
			brokenMask);
		assertEquals(0, InpaintCli.run(new String[] { "--manifest", cliManifest.toString(),
			"--method", "harmonic" }));

		final long t0 = System.nanoTime();
		final int rc = SparkInpaint.run(new String[] { "--manifest", sparkManifest.toString(),
			"--method", "harmonic" }, localConf());
		System.out.printf("Spark local[2] job over %d images: %.1f s%n", IMAGES + 1, (System
			.nanoTime() - t0) / 1e9);
		assertEquals(1, rc, "the broken line makes the exit status non-zero");
		assertSameBytes(pairs.size());
		assertFalse(Files.exists(dir.resolve("spark").resolve("broken.tif")));
		try (Stream<Path> s = Files.list(dir.resolve("spark"))) {
			assertEquals(List.of(), s.filter(p -> p.getFileName().toString().endsWith(".part"))
				.collect(Collectors.toList()), "no temporary files left behind");
		}

		// Re-run: everything written is skipped (untouched), a deleted output comes back the same,
		// and the broken line fails again with its reason.
		final Map<Path, FileTime> times = new HashMap<>();
		final Path marker = dir.resolve("spark").resolve("img07.tif");
		final byte[] before = Files.readAllBytes(marker);
		Files.delete(marker);
		for (int i = 0; i < pairs.size(); i++) {
			final Path out = dir.resolve("spark").resolve(String.format("img%02d.tif", i));
			if (Files.exists(out)) {
				Files.setLastModifiedTime(out, FileTime.fromMillis(1_000_000_000_000L));
				times.put(out, Files.getLastModifiedTime(out));
			}
		}
		final List<LineResult> results;
		try (JavaSparkContext sc = new JavaSparkContext(localConf())) {
			results = SparkInpaint.repair(sc, Manifest.read(sparkManifest, false).lines(),
				RepairOptions.builder().method("harmonic").overwrite(false).build(), 0);
		}
		assertEquals(pairs.size() + 1, results.size());
		int skipped = 0, repaired = 0, failed = 0;
		for (final LineResult r : results) {
			switch (r.status()) {
				case SKIPPED: skipped++; break;
				case REPAIRED:
					repaired++;
					assertEquals(marker, r.line().output());
					break;
				default:
					failed++;
					assertEquals(broken, r.line().image());
					assertTrue(r.message().contains("Cannot open the image"), r.message());
			}
		}
		assertEquals(pairs.size() - 1, skipped);
		assertEquals(1, repaired);
		assertEquals(1, failed);
		for (final Map.Entry<Path, FileTime> e : times.entrySet())
			assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey() +
				" was rewritten");
		assertArrayEquals(before, Files.readAllBytes(marker));
	}

	@Test
	void modelJobMatchesCommandLineWhereAModelExists() throws IOException {
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(MODEL),
			"no 2DGS model in this checkout");
		final List<String[]> pairs = generate(dir.resolve("in"), 8);
		final Path cliManifest = manifest("cli.txt", pairs, "cli", null, null);
		final Path sparkManifest = manifest("spark.txt", pairs, "spark", null, null);
		final String model = MODEL.getParent().toAbsolutePath().normalize().toString();
		assertEquals(0, InpaintCli.run(new String[] { "--manifest", cliManifest.toString(),
			"--method", "2dgs", "--model", model, "--device", "cpu" }));
		assertEquals(0, SparkInpaint.run(new String[] { "--manifest", sparkManifest.toString(),
			"--method", "2dgs", "--model", model, "--device", "cpu" }, localConf()));
		assertSameBytes(pairs.size());
	}

	@Test
	void foldersPairImagesWithMasksByName() throws IOException {
		final Path images = Files.createDirectories(dir.resolve("images"));
		final Path masks = Files.createDirectories(dir.resolve("masks"));
		for (final String n : new String[] { "a.tif", "b.png", "c.tif", ".hidden.tif" })
			Files.write(images.resolve(n), new byte[1]);
		Files.write(masks.resolve("a.tif"), new byte[1]);
		Files.write(masks.resolve("b.tif"), new byte[1]);
		final Manifest m = BatchArguments.parse(new String[] { "--images", images.toString(),
			"--masks", masks.toString(), "--outputs", dir.resolve("out").toString() },
			BatchArguments.Frontend.SPARK).lines();
		final List<RepairLine> lines = m.lines();
		assertEquals(2, lines.size());
		assertEquals(masks.resolve("a.tif").toAbsolutePath(), lines.get(0).mask());
		assertEquals(masks.resolve("b.tif").toAbsolutePath(), lines.get(1).mask());
		assertEquals(dir.resolve("out").resolve("b.tif").toAbsolutePath(), lines.get(1).output());
		// no mask for c: reported as a problem of its own, the others go on
		assertEquals(1, m.problems().size());
		assertTrue(m.problems().get(0).contains("c.tif"), m.problems().toString());
	}

	/** Issue 15 on Spark: the batch layer's checks run on the driver before any task. */
	@Test
	void malformedAndConflictingLinesFailAloneOnSparkToo() throws IOException {
		final List<String[]> pairs = generate(dir.resolve("in"), 2);
		final byte[] image0 = Files.readAllBytes(Paths.get(pairs.get(0)[0]));
		final Path m = Files.write(dir.resolve("bad.txt"), List.of("\uFEFF" + pairs.get(0)[0] + "\t" +
			pairs.get(0)[1] + "\tspark/ok.tif", pairs.get(1)[0] + " " + pairs.get(1)[1] + " x.tif",
			pairs.get(1)[0] + "\t" + pairs.get(1)[1] + "\t" + pairs.get(0)[0]), StandardCharsets.UTF_8);
		assertEquals(1, SparkInpaint.run(new String[] { "--manifest", m.toString(), "--method",
			"harmonic" }, localConf()));
		assertTrue(Files.exists(dir.resolve("spark/ok.tif")));
		assertArrayEquals(image0, Files.readAllBytes(Paths.get(pairs.get(0)[0])));
	}

	@Test
	void badArgumentsAreRejectedBeforeSparkStarts() {
		final SparkConf conf = new SparkConf(false);
		assertEquals(2, SparkInpaint.run(new String[] { "--method", "harmonic" }, conf));
		assertEquals(2, SparkInpaint.run(new String[] { "--manifest", "x", "--method", "nope" },
			conf));
		assertEquals(2, SparkInpaint.run(new String[] { "--manifest", dir.resolve("missing.txt")
			.toString() }, conf));
		assertEquals(0, SparkInpaint.run(new String[] { "--help" }, conf));
	}

	private void assertSameBytes(final int n) throws IOException {
		for (int i = 0; i < n; i++) {
			final String name = String.format("img%02d.tif", i);
			final byte[] cli = Files.readAllBytes(dir.resolve("cli").resolve(name));
			final byte[] spark = Files.readAllBytes(dir.resolve("spark").resolve(name));
			assertArrayEquals(cli, spark, name + " differs from the command line's output");
		}
	}

	/** A manifest with relative output paths (as users write them) and an optional extra line. */
	private Path manifest(final String name, final List<String[]> pairs, final String outDir,
		final String extraImage, final String extraMask) throws IOException
	{
		final List<String> lines = new ArrayList<>();
		lines.add("# image\tmask\toutput");
		for (int i = 0; i < pairs.size(); i++) {
			lines.add(pairs.get(i)[0] + "\t" + pairs.get(i)[1] + "\t" + outDir + "/" + String.format(
				"img%02d.tif", i));
			if (i == pairs.size() / 2 && extraImage != null) lines.add(extraImage + "\t" + extraMask +
				"\t" + outDir + "/broken.tif");
		}
		return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
	}

	/**
	 * Deterministic test images: smooth patterns with noise, of every pixel type, and masks with
	 * specks, lines and blocks.
	 */
	static List<String[]> generate(final Path folder, final int n) throws IOException {
		Files.createDirectories(folder);
		final List<String[]> pairs = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			final Random rnd = new Random(1000 + i);
			final int w = 64 + 8 * rnd.nextInt(13), h = 64 + 8 * rnd.nextInt(13);
			final ImagePlus imp;
			final int kind = i % 5;
			switch (kind) {
				case 0: imp = new ImagePlus("g8", pattern(new ByteProcessor(w, h), rnd, 255)); break;
				case 1: imp = new ImagePlus("g16", pattern(new ShortProcessor(w, h), rnd, 60000)); break;
				case 2: {
					final FloatProcessor fp = (FloatProcessor) pattern(new FloatProcessor(w, h), rnd, 1);
					fp.setf(rnd.nextInt(w), rnd.nextInt(h), Float.NaN);
					imp = new ImagePlus("f32", fp);
					break;
				}
				case 3: {
					final ColorProcessor cp = new ColorProcessor(w, h);
					final ImageProcessor r = pattern(new ByteProcessor(w, h), rnd, 255);
					final ImageProcessor g = pattern(new ByteProcessor(w, h), rnd, 255);
					final ImageProcessor b = pattern(new ByteProcessor(w, h), rnd, 255);
					cp.setRGB((byte[]) r.getPixels(), (byte[]) g.getPixels(), (byte[]) b.getPixels());
					imp = new ImagePlus("rgb", cp);
					break;
				}
				default: {
					final ImageStack st = new ImageStack(w, h);
					for (int z = 0; z < 3; z++)
						st.addSlice(pattern(new ShortProcessor(w, h), rnd, 4000));
					imp = new ImagePlus("stack", st);
				}
			}
			final ByteProcessor mask = new ByteProcessor(w, h);
			mask.setValue(255);
			for (int k = 0; k < 6; k++)
				mask.set(rnd.nextInt(w), rnd.nextInt(h), 255);
			mask.setLineWidth(1 + rnd.nextInt(3));
			mask.drawLine(rnd.nextInt(w), 0, rnd.nextInt(w), h - 1);
			mask.fillRect(rnd.nextInt(w - 12), rnd.nextInt(h - 12), 4 + rnd.nextInt(8), 4 + rnd
				.nextInt(8));
			final boolean png = (kind == 0 || kind == 3) && i % 2 == 0;
			final Path image = folder.resolve(String.format("img%02d.%s", i, png ? "png" : "tif"));
			final Path maskFile = folder.resolve(String.format("mask%02d.%s", i, i % 3 == 0 ? "png"
				: "tif"));
			save(imp, image);
			save(new ImagePlus("mask", mask), maskFile);
			pairs.add(new String[] { image.toString(), maskFile.toString() });
		}
		return pairs;
	}

	private static ImageProcessor pattern(final ImageProcessor ip, final Random rnd,
		final double max)
	{
		final double fx = 0.02 + 0.1 * rnd.nextDouble(), fy = 0.02 + 0.1 * rnd.nextDouble();
		final double phase = rnd.nextDouble() * Math.PI;
		for (int y = 0; y < ip.getHeight(); y++)
			for (int x = 0; x < ip.getWidth(); x++) {
				final double v = 0.5 + 0.35 * Math.sin(fx * x + phase) * Math.cos(fy * y) + 0.1 * rnd
					.nextGaussian();
				ip.putPixelValue(x, y, Math.max(0, Math.min(1, v)) * max);
			}
		return ip;
	}

	private static void save(final ImagePlus imp, final Path file) {
		final FileSaver fs = new FileSaver(imp);
		final String f = file.toString();
		final boolean ok = f.endsWith(".png") ? fs.saveAsPng(f) : imp.getStackSize() > 1 ? fs
			.saveAsTiffStack(f) : fs.saveAsTiff(f);
		if (!ok) throw new IllegalStateException("could not write " + f);
	}
}
