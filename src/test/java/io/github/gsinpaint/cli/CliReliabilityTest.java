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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.batch.TiffBytes;

/**
 * Issue 15 on the command line itself (each test failed before the fix): an output never
 * replaces an input, periodic masks are repaired, a malformed line or a bad file fails alone with
 * one line naming it, a killed run's temporary files go away, and the dialog's mask options work.
 */
class CliReliabilityTest {

	@TempDir
	Path dir;

	private Path image, mask;

	@BeforeEach
	void inputs() {
		final ShortProcessor ip = new ShortProcessor(48, 40);
		for (int i = 0; i < 48 * 40; i++)
			ip.set(i, 1000 + 13 * (i % 48) + 7 * (i / 48));
		image = save("image.tif", ip);
		final ByteProcessor m = new ByteProcessor(48, 40);
		m.setRoi(10, 12, 9, 6);
		m.setValue(255);
		m.fill();
		mask = save("mask.tif", m);
	}

	private Path save(final String name, final ij.process.ImageProcessor ip) {
		final Path p = dir.resolve(name);
		assertTrue(new FileSaver(new ImagePlus(name, ip)).saveAsTiff(p.toString()));
		return p;
	}

	static final class Result {

		int code;
		String out, err;
	}

	static Result cli(final String... args) {
		final PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		final Result r = new Result();
		try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8); PrintStream pe =
			new PrintStream(e, true, StandardCharsets.UTF_8))
		{
			System.setOut(po);
			System.setErr(pe);
			r.code = InpaintCli.run(args);
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		r.out = o.toString(StandardCharsets.UTF_8);
		r.err = e.toString(StandardCharsets.UTF_8);
		return r;
	}

	private Path manifest(final String... lines) throws Exception {
		return Files.write(dir.resolve("m.tsv"), String.join("\n", lines).getBytes(
			StandardCharsets.UTF_8));
	}

	@Test
	void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws Exception {
		final byte[] img = Files.readAllBytes(image), msk = Files.readAllBytes(mask);
		Result r = cli("--image", image.toString(), "--mask", mask.toString(), "--output", image
			.toString(), "--method", "harmonic");
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("is an input"), r.err);
		r = cli("--image", image.toString(), "--mask", mask.toString(), "--output", dir.resolve(
			"sub/../mask.tif").toString(), "--method", "harmonic");
		assertEquals(1, r.code, r.err);
		r = cli("--manifest", manifest("image.tif\tmask.tif\tout1.tif",
			"other.tif\tmask.tif\timage.tif", "image.tif\tmask.tif\timage.tif").toString(),
			"--method", "harmonic");
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("line 2") && r.err.contains("is an input (of line 1)"), r.err);
		assertTrue(r.err.contains("line 3") && r.err.contains("of this line"), r.err);
		assertTrue(Files.exists(dir.resolve("out1.tif")), "the line without conflict ran");
		assertArrayEquals(img, Files.readAllBytes(image));
		assertArrayEquals(msk, Files.readAllBytes(mask));
	}

	@Test
	void periodicMasksAreRepaired() throws Exception {
		final FloatProcessor fp = new FloatProcessor(512, 512);
		for (int i = 0; i < 512 * 512; i++)
			fp.setf(i, (i % 512) * 0.25f + (i / 512) * 0.5f);
		final Path big = save("big.tif", fp);
		for (final String kind : new String[] { "rows2", "rows4", "checker" }) {
			final ByteProcessor m = new ByteProcessor(512, 512);
			for (int y = 0; y < 512; y++)
				for (int x = 0; x < 512; x++)
					if (kind.equals("rows2") ? y % 2 == 0 : kind.equals("rows4") ? y % 4 == 0 : (x +
						y) % 2 == 0) m.set(x, y, 255);
			final Path mp = save(kind + ".tif", m);
			final Result r = cli("--image", big.toString(), "--mask", mp.toString(), "--output", dir
				.resolve(kind + "-out.tif").toString(), "--method", "harmonic");
			assertEquals(0, r.code, kind + ": " + r.err);
		}
	}

	@Test
	void malformedLinesAndBadFilesFailAloneWithOneLineEach() throws Exception {
		final byte[] t = Files.readAllBytes(image);
		Files.write(dir.resolve("half.tif"), Arrays.copyOf(t, t.length / 2));
		// a page directory pointing to itself: used to hang the reader
		final byte[] loop = t.clone();
		final ByteBuffer b = ByteBuffer.wrap(loop).order(loop[0] == 'I' ? ByteOrder.LITTLE_ENDIAN
			: ByteOrder.BIG_ENDIAN);
		final int ifd = b.getInt(4);
		final int entries = b.getShort(ifd) & 0xffff;
		b.putInt(ifd + 2 + 12 * entries, ifd);
		Files.write(dir.resolve("loop.tif"), loop);
		Files.write(dir.resolve(" spaced.tif"), t);
		final Path m = manifest("\uFEFFimage.tif\tmask.tif\tout1.tif", "image.tif mask.tif out2.tif",
			"image.tif\tmask.tif", "half.tif\tmask.tif\tout4.tif", "loop.tif\tmask.tif\tout5.tif",
			" spaced.tif\tmask.tif\tout6.tif", "image.tif\tmask.tif\tdup.tif",
			"image.tif\tmask.tif\tdup.tif");
		final Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli("--manifest", m
			.toString(), "--method", "harmonic"));
		assertEquals(1, r.code, r.err);
		assertTrue(Files.exists(dir.resolve("out1.tif")), "BOM line 1 ran: " + r.err);
		assertTrue(Files.exists(dir.resolve("out6.tif")), "leading space kept: " + r.err);
		for (final String absent : new String[] { "out2.tif", "out4.tif", "out5.tif", "dup.tif" })
			assertFalse(Files.exists(dir.resolve(absent)), absent);
		final List<String> errors = Arrays.stream(r.err.split("\n")).filter(l -> !l.isEmpty())
			.collect(Collectors.toList());
		assertEquals(7, errors.size(), r.err); // 6 failed lines and the summary, one line each
		assertTrue(r.err.contains("line 2: needs 3 fields") && r.err.contains("use tabs"), r.err);
		assertTrue(r.err.contains("line 3: needs 3 fields"), r.err);
		assertTrue(r.err.contains("line 4") && r.err.contains("half.tif") && r.err.contains(
			"truncated"), r.err);
		assertTrue(r.err.contains("line 5") && r.err.contains("loops"), r.err);
		assertTrue(r.err.contains("Lines 7, 8 all write"), r.err);
		assertTrue(r.err.contains("6 of 8 images failed"), r.err);
	}

	/** Issue 15 item 4: each used to give a wrong output with exit status 0. */
	@Test
	void filesWhoseTypeWouldChangeAreRefusedWithWhatToConvert() throws Exception {
		final TiffBytes signed = new TiffBytes();
		signed.bits = 16;
		signed.sampleFormat = 2;
		final TiffBytes int32 = new TiffBytes();
		int32.bits = 32;
		final TiffBytes rgba = new TiffBytes();
		rgba.samples = 4;
		rgba.photometric = 2;
		rgba.extraSamples = 2;
		final TiffBytes flipped = new TiffBytes();
		flipped.bits = 8;
		flipped.data = new byte[8 * 6 * 2]; // 16-bit data under a header that says 8
		final TiffBytes[] cases = { signed, int32, rgba, flipped };
		final String[] says = { "signed 16-bit", "32-bit integers", "alpha", "damaged" };
		final ByteProcessor m = new ByteProcessor(8, 6);
		m.set(3, 3, 255);
		final Path small = save("small-mask.tif", m);
		for (int i = 0; i < cases.length; i++) {
			final Path in = Files.write(dir.resolve("case" + i + ".tif"), cases[i].build());
			final Path out = dir.resolve("case" + i + "-out.tif");
			final Result r = cli("--image", in.toString(), "--mask", small.toString(), "--output", out
				.toString(), "--method", "harmonic");
			assertEquals(1, r.code, says[i] + ": " + r.err);
			assertTrue(r.err.contains(says[i]) && r.err.contains(in.toString()), r.err);
			assertFalse(Files.exists(out));
		}
		final TiffBytes pages = new TiffBytes();
		pages.pages = 3;
		final Path mask3 = Files.write(dir.resolve("mask3.tif"), pages.build());
		final Path plain = Files.write(dir.resolve("plain.tif"), new TiffBytes().build());
		final Result r = cli("--image", plain.toString(), "--mask", mask3.toString(), "--output", dir
			.resolve("p-out.tif").toString(), "--method", "harmonic");
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("3 pages"), r.err);
	}

	/**
	 * A PNG and a GIF quantised by Pillow to 32 colours (a user's test) were repaired, their
	 * palette indices filled as intensities; now each line is refused with what to convert, and
	 * the other lines of the run go on.
	 */
	@Test
	void pillowsPaletteImagesAreRefusedWithWhatToConvert() throws Exception {
		final Path png = io.github.gsinpaint.ij.PaletteFixtures.copy("face-q32.png", dir);
		final Path gif = io.github.gsinpaint.ij.PaletteFixtures.copy("face-q32.gif", dir);
		final ByteProcessor m = new ByteProcessor(80, 60);
		m.set(40, 30, 255);
		final Path mask80 = save("mask80.tif", m);
		final ImagePlus rgb = IJ.openImage(png.toString());
		new ij.process.ImageConverter(rgb).convertToRGB();
		final Path converted = dir.resolve("rgb.tif");
		assertTrue(new FileSaver(rgb).saveAsTiff(converted.toString()));
		final Result r = cli("--manifest", manifest("face-q32.png\tmask80.tif\tpng-out.tif",
			"face-q32.gif\tmask80.tif\tgif-out.tif", "rgb.tif\tmask80.tif\trgb-out.tif").toString(),
			"--method", "harmonic");
		assertEquals(1, r.code, r.err);
		for (final Path p : new Path[] { png, gif })
			assertTrue(r.err.contains(p.toString()) && r.err.contains("indexed colour") && r.err
				.contains("Convert it to RGB"), r.err);
		assertFalse(Files.exists(dir.resolve("png-out.tif")) || Files.exists(dir.resolve(
			"gif-out.tif")));
		assertTrue(Files.exists(dir.resolve("rgb-out.tif")), r.err);
	}

	/**
	 * Issue 15 item 8: ImageJ's own messages ("Unsupported format or file not found:" and the path,
	 * "java.util.zip.DataFormatException: ...") no longer leak around the report, and the image
	 * ImageJ decoded anyway from a damaged deflate stream is not written out.
	 */
	@Test
	void imageJsOwnMessagesBecomeOneRefusalLine() throws Exception {
		final TiffBytes deflate = new TiffBytes();
		deflate.width = 48;
		deflate.height = 40;
		deflate.compression = 8;
		deflate.data = new byte[200];
		new java.util.Random(3).nextBytes(deflate.data);
		final TiffBytes j2k = new TiffBytes();
		j2k.width = 48;
		j2k.height = 40;
		j2k.compression = 34712;
		Files.write(dir.resolve("deflate.tif"), deflate.build());
		Files.write(dir.resolve("j2k.tif"), j2k.build());
		final Result r = cli("--manifest", manifest("deflate.tif\tmask.tif\to1.tif",
			"j2k.tif\tmask.tif\to2.tif", "image.tif\tmask.tif\to3.tif").toString(), "--method",
			"harmonic");
		assertEquals(1, r.code, r.err);
		assertFalse(Files.exists(dir.resolve("o1.tif")) || Files.exists(dir.resolve("o2.tif")));
		assertTrue(Files.exists(dir.resolve("o3.tif")));
		assertTrue(r.err.contains("deflate.tif: ImageJ's reader reported"), r.err);
		for (final String line : r.err.split("\n"))
			assertTrue(line.startsWith("Error on line ") || line.endsWith("images failed."), "a " +
				"line not from the report: " + line);
		for (final String line : r.out.split("\n"))
			assertTrue(line.startsWith("Method: ") || line.contains(" -> "), "a line not from the " +
				"report: " + line);
	}

	/**
	 * Folder mode: notes and thumbnail caches beside the images are passed over in one line, not
	 * failed; a damaged .tif still fails, and its error names the file, not a "line" the user never
	 * wrote.
	 */
	@Test
	void aFolderPassesOverFilesThatAreNotImagesButFailsADamagedOne() throws Exception {
		final Path images = Files.createDirectories(dir.resolve("images")), masks = Files
			.createDirectories(dir.resolve("masks")), out = dir.resolve("out");
		Files.copy(image, images.resolve("a.tif"));
		Files.copy(mask, masks.resolve("a.tif"));
		Files.writeString(images.resolve("notes.txt"), "stained on Monday");
		Files.write(images.resolve("Thumbs.db"), new byte[] { (byte) 0xd0, (byte) 0xcf, 0x11, 0,
			5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });
		Result r = cli("--images", images.toString(), "--masks", masks.toString(), "--outputs", out
			.toString(), "--method", "harmonic");
		assertEquals(0, r.code, r.err);
		assertTrue(Files.exists(out.resolve("a.tif")));
		assertEquals("Passed over 2 files that are not images: Thumbs.db, notes.txt.", r.err.trim());

		Files.write(images.resolve("b.tif"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
		Files.copy(mask, masks.resolve("b.tif"));
		r = cli("--images", images.toString(), "--masks", masks.toString(), "--outputs", out
			.toString(), "--method", "harmonic", "--overwrite");
		assertEquals(1, r.code, r.err);
		assertTrue(r.err.contains("Error (" + images.resolve("b.tif")), r.err);
		assertFalse(r.err.contains("on line"), r.err);
		assertTrue(r.err.contains("1 of 2 images failed."), r.err);
	}

	@Test
	void aMissingManifestSaysSoOnce() {
		final Path none = dir.resolve("none.tsv");
		final Result r = cli("--manifest", none.toString());
		assertEquals(2, r.code);
		assertEquals("Error: The manifest " + none + " does not exist: check the path.\n", r.err);
	}

	@Test
	void aKilledRunsTemporaryFileIsRemovedByTheNextRun() throws Exception {
		final Result first = cli("--image", image.toString(), "--mask", mask.toString(), "--output",
			dir.resolve("out/o.tif").toString(), "--method", "harmonic");
		assertEquals(0, first.code, first.err);
		final Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		final String host = new String(Files.readAllBytes(Path.of("/proc/sys/kernel/hostname")),
			StandardCharsets.UTF_8).trim();
		final Path stale = Files.write(dir.resolve("out/.o.tif.gsinpaint-" + host + "-" + gone
			.pid() + "-1.part"), new byte[] { 1 });
		final Result second = cli("--image", image.toString(), "--mask", mask.toString(),
			"--output", dir.resolve("out/p.tif").toString(), "--method", "harmonic");
		assertEquals(0, second.code, second.err);
		assertFalse(Files.exists(stale));
		try (Stream<Path> s = Files.list(dir.resolve("out"))) {
			assertEquals(List.of("o.tif", "p.tif"), s.map(p -> p.getFileName().toString()).sorted()
				.collect(Collectors.toList()));
		}
	}

	@Test
	void theDialogsMaskOptionsWorkOnTheCommandLine() throws Exception {
		final ShortProcessor cam = new ShortProcessor(40, 40);
		for (int i = 0; i < 1600; i++)
			cam.set(i, 500 + i % 40);
		cam.set(10, 10, 4095);
		cam.set(30, 30, 4095);
		final Path in = save("cam.tif", cam);
		final Path out = dir.resolve("cam-out.tif");
		final Result r = cli("--image", in.toString(), "--output", out.toString(),
			"--saturation-level", "4095", "--dilation", "1", "--method", "harmonic");
		assertEquals(0, r.code, r.err);
		final ImagePlus res = IJ.openImage(out.toString());
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 40; x++) {
				final boolean hole = Math.hypot(x - 10, y - 10) <= 1 || Math.hypot(x - 30, y - 30) <= 1;
				if (!hole) assertEquals(cam.get(x, y), res.getProcessor().get(x, y));
				else assertTrue(res.getProcessor().get(x, y) < 4095);
			}
		final FloatProcessor fp = new FloatProcessor(30, 30);
		for (int i = 0; i < 900; i++)
			fp.setf(i, i);
		fp.setf(5, 5, Float.NaN);
		final Path nan = save("nan.tif", fp);
		final Path nanOut = dir.resolve("nan-out.tif");
		assertEquals(0, cli("--image", nan.toString(), "--output", nanOut.toString(), "--nan",
			"--method", "harmonic").code);
		assertTrue(Float.isFinite(IJ.openImage(nanOut.toString()).getProcessor().getf(5, 5)));
		assertEquals(2, cli("--image", nan.toString(), "--output", nanOut.toString(), "--method",
			"harmonic").code, "no mask at all is an argument error");
	}

	/**
	 * --help against the README's command-line section: every option the README names is in the
	 * help, and so is what happens to an output that exists (the help listed both choices without
	 * saying which is the default, which differs between the command line and Spark).
	 */
	@Test
	void helpNamesEveryOptionOfTheReadmeAndTheDefaults() throws Exception {
		final String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		final int from = readme.indexOf("## Command line");
		final String section = readme.substring(from, readme.indexOf("\n## ", from + 1));
		final Result r = cli("--help");
		assertEquals(0, r.code, r.err);
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("--[a-z][a-z-]+")
			.matcher(section);
		int options = 0;
		while (m.find()) {
			if (m.group().equals("--help")) continue;
			assertTrue(r.out.contains(m.group()), m.group() + " is missing from --help:\n" + r.out);
			options++;
		}
		assertTrue(options > 15, "the README section was found: " + options);
		assertTrue(r.out.contains("default: --overwrite"), r.out);
	}

	/**
	 * An empty value (an unset shell variable: --output "$OUT" --skip-existing) is dropped, so the
	 * next option became the value: the output was written to a file named "--skip-existing" and
	 * the option was lost, with exit status 0.
	 */
	@Test
	void anOptionIsNeverTakenAsTheValueOfTheOptionBefore() {
		final String image = dir.resolve("none.tif").toString(); // never written, whatever happens
		final Result r = cli("--image", image, "--mask", image, "--output", "", "--skip-existing",
			"--method", "harmonic");
		assertEquals(2, r.code, r.err);
		assertTrue(r.err.contains("--output needs a value") && r.err.contains("--skip-existing"),
			r.err);
		assertEquals(2, cli("--image", image, "--mask", image, "--output", dir.resolve("o.tif")
			.toString(), "--method", "--verbose").code);
		assertEquals(0, cli("--value", "-5", "--help").code, "a negative number is a value");
	}

	/** The command line refused 32-bit with a level, which the dialog accepts (pixels >= level). */
	@Test
	void aSaturationLevelOn32BitIsTheDialogs() throws Exception {
		final FloatProcessor fp = new FloatProcessor(30, 30);
		for (int i = 0; i < 900; i++)
			fp.setf(i, i % 30 + 0.5f);
		fp.setf(12, 12, 1000.5f);
		final Path in = save("hot.tif", fp);
		final Path out = dir.resolve("hot-out.tif");
		final Result r = cli("--image", in.toString(), "--output", out.toString(),
			"--saturation-level", "1000.5", "--method", "harmonic");
		assertEquals(0, r.code, r.err);
		final ImageProcessor res = IJ.openImage(out.toString()).getProcessor();
		for (int i = 0; i < 900; i++)
			if (i != 12 * 30 + 12) assertEquals(fp.getf(i), res.getf(i));
		assertTrue(res.getf(12, 12) < 1000, "the pixel at the level is filled");
		final Result negative = cli("--image", in.toString(), "--output", out.toString(),
			"--saturation-level", "-1", "--method", "harmonic");
		assertEquals(2, negative.code, negative.err);
		assertTrue(negative.err.contains("--saturation-level needs a pixel value >= 0"), negative.err);
	}

	/** A rerun into the image folder would take its own outputs for images; a subfolder is safe. */
	@Test
	void rerunsNeverTakeTheirOwnOutputsForImages() throws Exception {
		final Path images = Files.createDirectories(dir.resolve("imgs"));
		final Path masks = Files.createDirectories(dir.resolve("msks"));
		final ByteProcessor img = new ByteProcessor(20, 20);
		for (int i = 0; i < 400; i++)
			img.set(i, 50 + i % 20);
		final ByteProcessor hole = new ByteProcessor(20, 20);
		hole.set(10, 10, 255);
		assertTrue(new FileSaver(new ImagePlus("a", img)).saveAsPng(images.resolve("a.png")
			.toString()));
		assertTrue(new FileSaver(new ImagePlus("a", hole)).saveAsPng(masks.resolve("a.png")
			.toString()));
		final Result same = cli("--images", images.toString(), "--masks", masks.toString(),
			"--outputs", images.toString(), "--method", "harmonic");
		assertEquals(2, same.code, same.err);
		assertEquals(1, same.err.strip().lines().count(), same.err);
		assertTrue(same.err.contains("give --outputs another folder"), same.err);
		assertFalse(Files.exists(images.resolve("a.tif")));
		final Path out = images.resolve("inpainted");
		for (int run = 0; run < 2; run++) {
			final Result r = cli("--images", images.toString(), "--masks", masks.toString(),
				"--outputs", out.toString(), "--method", "harmonic");
			assertEquals(0, r.code, r.err);
		}
		try (Stream<Path> s = Files.list(out)) {
			assertEquals(List.of(out.resolve("a.tif")), s.collect(Collectors.toList()));
		}
	}

	/** A repeated option silently took its last value (a script's default overridden or not). */
	@Test
	void anOptionGivenTwiceIsRefused() {
		final String image = dir.resolve("none.tif").toString(); // never written, whatever happens
		final Result r = cli("--image", image, "--mask", image, "--output", dir.resolve("o.tif")
			.toString(), "--method", "harmonic", "--method", "biharmonic");
		assertEquals(2, r.code, r.err);
		assertTrue(r.err.contains("--method is given twice"), r.err);
		final Result both = cli("--image", image, "--mask", image, "--output", dir.resolve("o.tif")
			.toString(), "--overwrite", "--skip-existing");
		assertEquals(2, both.code, both.err);
		assertTrue(both.err.contains("--overwrite and --skip-existing"), both.err);
	}

	/**
	 * "--output out/lnk/../image.tif" with lnk pointing into the image's folder: the system opens
	 * the image itself, but the check collapsed "lnk/.." first, and the run overwrote the input
	 * (exit status 0) and wrote outside --outputs-under.
	 */
	@Test
	void anOutputThroughALinkAndDotDotNeitherReplacesAnInputNorEscapes() throws Exception {
		Files.createDirectories(dir.resolve("sub"));
		final Path out = Files.createDirectories(dir.resolve("out"));
		try {
			Files.createSymbolicLink(out.resolve("lnk"), Path.of("../sub"));
		}
		catch (final java.io.IOException | UnsupportedOperationException e) {
			org.junit.jupiter.api.Assumptions.abort("symbolic links cannot be made here: " + e);
		}
		final byte[] img = Files.readAllBytes(image);
		final Result r = cli("--image", image.toString(), "--mask", mask.toString(), "--output", out
			.resolve("lnk/../image.tif").toString(), "--method", "harmonic");
		assertEquals(1, r.code, r.err);
		assertEquals(1, r.err.strip().lines().count(), r.err);
		assertTrue(r.err.contains("is an input (of this line)") && r.err.contains(image
			.toRealPath().toString()), r.err);
		assertArrayEquals(img, Files.readAllBytes(image));
		final Result under = cli("--image", image.toString(), "--mask", mask.toString(),
			"--output", out.resolve("lnk/../escaped.tif").toString(), "--outputs-under", out
				.toString(), "--method", "harmonic");
		assertEquals(1, under.code, under.err);
		assertEquals(1, under.err.strip().lines().count(), under.err);
		assertTrue(under.err.contains("lies outside " + out + " (--outputs-under)"), under.err);
		assertFalse(Files.exists(dir.resolve("escaped.tif")));
		// where the system puts it is where it goes, when that is allowed
		final Result allowed = cli("--image", image.toString(), "--mask", mask.toString(),
			"--output", out.resolve("lnk/../written.tif").toString(), "--outputs-under", out
				.resolve("lnk/..").toString(), "--method", "harmonic");
		assertEquals(0, allowed.code, allowed.err);
		assertTrue(Files.isRegularFile(dir.resolve("written.tif")));
		assertArrayEquals(img, Files.readAllBytes(image));
	}

	/** The writer said "Cannot write to the folder o3/sub/.. (not writable)". */
	@Test
	void anOutputSteppingOutOfAMissingFolderNamesThatFolder() throws Exception {
		final Path o3 = Files.createDirectories(dir.resolve("o3"));
		final Result r = cli("--image", image.toString(), "--mask", mask.toString(), "--output", o3
			.resolve("sub/../ok.tif").toString(), "--method", "harmonic");
		assertEquals(1, r.code, r.err);
		assertEquals("Error (" + image + "): The folder " + o3.resolve("sub") + " does not exist, " +
			"so the output " + o3.resolve("sub/../ok.tif") + " cannot step out of it with '..': " +
			"create that folder, or give the output path without '..'.\n", r.err);
		assertFalse(Files.exists(o3.resolve("sub")) || Files.exists(o3.resolve("ok.tif")));
		// a missing folder without ".." after it is made, as before
		assertEquals(0, cli("--image", image.toString(), "--mask", mask.toString(), "--output", o3
			.resolve("new/ok.tif").toString(), "--method", "harmonic").code);
		assertTrue(Files.isRegularFile(o3.resolve("new/ok.tif")));
	}

	/** "--bogus" last said "needs a value"; "--tile 99999999999" said "needs a whole number". */
	@Test
	void anUnknownLastOptionAndATooLargeNumberSaySo() {
		final String image = dir.resolve("none.tif").toString(); // never written, whatever happens
		final Result unknown = cli("--image", image, "--mask", image, "--output", dir.resolve(
			"o.tif").toString(), "--bogus");
		assertEquals(2, unknown.code, unknown.err);
		assertTrue(unknown.err.startsWith("Error: Unknown option --bogus.\n"), unknown.err);
		final Result large = cli("--image", image, "--mask", image, "--output", dir.resolve(
			"o.tif").toString(), "--tile", "99999999999");
		assertEquals(2, large.code, large.err);
		assertTrue(large.err.startsWith("Error: Option --tile got 99999999999, which is too " +
			"large: give a whole number from 1 to 2147483647.\n"), large.err);
	}

	/** A model folder with a classical method is said to be unused (it ran without a word). */
	@Test
	void aModelGivenToAClassicalMethodIsNamedUnused() {
		final Result r = cli("--image", image.toString(), "--mask", mask.toString(), "--output", dir
			.resolve("out.tif").toString(), "--method", "biharmonic", "--model", "models/x",
			"--tile", "33");
		assertEquals(0, r.code, r.err);
		assertTrue(r.err.contains("Note: The biharmonic fill uses no model: the model folder " +
			Paths.get("models/x").toAbsolutePath() + " is not used."), r.err);
		assertFalse(r.err.contains("Tile size"), "a classical fill takes any tile: " + r.err);
	}

	/**
	 * The dialog's defect finders on the command line (they were only in the dialog, so hot-pixel
	 * repair needed a macro under a display): planted hot and dead pixels and a dead column are
	 * found without a mask file and repaired; nothing else changes.
	 */
	@Test
	void outlierPixelsAndBadLinesAreFoundWithoutAMaskFile() throws Exception {
		final java.util.Random rnd = new java.util.Random(7);
		final ShortProcessor cam = new ShortProcessor(64, 48);
		for (int i = 0; i < 64 * 48; i++)
			cam.set(i, (int) Math.round(1000 + 8 * (i % 64) + 20 * rnd.nextGaussian()));
		final int[][] hot = { { 10, 10 }, { 40, 30 }, { 55, 5 } };
		for (final int[] p : hot)
			cam.set(p[0], p[1], 4000);
		cam.set(20, 40, 0);
		for (int y = 0; y < 48; y++)
			cam.set(33, y, 0);
		final Path in = save("cam.tif", cam);
		final Path out = dir.resolve("cam-out.tif");
		final Result r = cli("--image", in.toString(), "--output", out.toString(), "--outliers",
			"--bad-lines", "--method", "harmonic");
		assertEquals(0, r.code, r.err);
		final ImageProcessor res = IJ.openImage(out.toString()).getProcessor();
		int changed = 0;
		final boolean[] planted = new boolean[64 * 48];
		for (final int[] p : hot)
			planted[p[0] + 64 * p[1]] = true;
		planted[20 + 64 * 40] = true;
		for (int y = 0; y < 48; y++)
			planted[33 + 64 * y] = true;
		for (int y = 0; y < 48; y++)
			for (int x = 0; x < 64; x++) {
				if (planted[x + 64 * y]) assertTrue(Math.abs(res.get(x, y) - (1000 + 8 * x)) < 150, x + "," + y +
					": " + res.get(x, y));
				else if (res.get(x, y) != cam.get(x, y)) changed++;
			}
		assertEquals(0, changed, "pixels changed beyond the planted damage");

		Result bad = cli("--image", in.toString(), "--output", out.toString(), "--outliers",
			"--threshold", "0");
		assertEquals(2, bad.code);
		assertTrue(bad.err.contains("--threshold needs a positive number"), bad.err);
		bad = cli("--image", in.toString(), "--mask", mask.toString(), "--output", out.toString(),
			"--threshold", "4");
		assertEquals(2, bad.code);
		assertTrue(bad.err.contains("give one of them too"), bad.err);
	}

	/** A JPEG mask repairs its compression's faint ring too: said once before the run. */
	@Test
	void aJpegMaskIsNamedBeforeTheRun() throws Exception {
		final ByteProcessor m = new ByteProcessor(48, 40);
		m.setRoi(10, 12, 9, 6);
		m.setValue(255);
		m.fill();
		final Path jpeg = dir.resolve("mask.jpg");
		assertTrue(new FileSaver(new ImagePlus("m", m)).saveAsJpeg(jpeg.toString()));
		final Result r = cli("--image", image.toString(), "--mask", jpeg.toString(), "--output", dir
			.resolve("out.tif").toString(), "--method", "harmonic");
		assertEquals(0, r.code, r.err);
		assertTrue(r.err.contains("Note: The mask " + jpeg + " is a JPEG: JPEG compression leaves"),
			r.err);
		final Result png = cli("--image", image.toString(), "--mask", mask.toString(), "--output", dir
			.resolve("new/out2.tif").toString(), "--method", "harmonic");
		assertFalse(png.err.contains("JPEG"), png.err);
		assertTrue(png.err.contains("Note: the output folder " + dir.resolve("new") + " does not " +
			"exist; it is made."), "a made folder is said: " + png.err);
	}
}
