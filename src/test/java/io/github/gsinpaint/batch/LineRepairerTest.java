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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.classical.HarmonicFiller;

/** The per-line code shared by the command line and the Spark executors. */
class LineRepairerTest {

	@TempDir
	Path dir;

	private String save(final String name, final ij.process.ImageProcessor ip) {
		final String p = dir.resolve(name).toString();
		assertTrue(new FileSaver(new ImagePlus(name, ip)).saveAsTiff(p));
		return p;
	}

	@Test
	void writesThenSkipsAnExistingOutputUnlessAskedToOverwrite() throws Exception {
		final ByteProcessor ip = new ByteProcessor(40, 30);
		for (int i = 0; i < 40 * 30; i++)
			ip.set(i, i % 251);
		final ByteProcessor m = new ByteProcessor(40, 30);
		m.set(10, 10, 255);
		final String image = save("i.tif", ip), mask = save("m.tif", m);
		final Path out = dir.resolve("out").resolve("o.tif");
		final RepairLine line = new RepairLine(1, image, mask, out.toString());
		final RepairOptions resume = RepairOptions.builder().method("harmonic").overwrite(false)
			.build();
		final RepairOptions overwrite = RepairOptions.builder().method("harmonic").build();
		try (TileFiller f = new HarmonicFiller()) {
			assertEquals(LineResult.Status.REPAIRED, LineRepairer.repair(line, f, resume).status());
			final byte[] first = Files.readAllBytes(out);
			final FileTime old = FileTime.fromMillis(1_000_000_000_000L);
			Files.setLastModifiedTime(out, old);
			assertEquals(LineResult.Status.SKIPPED, LineRepairer.repair(line, f, resume).status());
			assertEquals(old, Files.getLastModifiedTime(out));
			assertEquals(LineResult.Status.REPAIRED, LineRepairer.repair(line, f, overwrite)
				.status());
			assertArrayEquals(first, Files.readAllBytes(out));
			final LineResult missing = LineRepairer.repair(new RepairLine(2, dir.resolve("none.tif")
				.toString(), mask, dir.resolve("x.tif").toString()), f, resume);
			assertEquals(LineResult.Status.FAILED, missing.status());
			assertTrue(missing.message().contains("Cannot read the image"), missing.message());
		}
	}

	/** Issue 15 item 3: an OutOfMemoryError ends the line, not the batch. */
	@Test
	void runningOutOfMemoryFailsOnlyThatLine() throws Exception {
		final ByteProcessor ip = new ByteProcessor(40, 30);
		ip.add(100);
		final ByteProcessor m = new ByteProcessor(40, 30);
		m.set(5, 5, 255);
		final String image = save("i.tif", ip), mask = save("m.tif", m);
		final TileFiller harmonic = new HarmonicFiller();
		final TileFiller exhausted = new TileFiller() {

			@Override
			public float[][] fill(final float[][] tile, final boolean[] hole, final int w,
				final int h, final Progress p)
			{
				throw new OutOfMemoryError("Java heap space");
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
				return "out of memory";
			}
		};
		final LineResult r = LineRepairer.repair(new RepairLine(1, image, mask, dir.resolve(
			"o.tif").toString()), exhausted, RepairOptions.defaults());
		assertEquals(LineResult.Status.FAILED, r.status());
		assertTrue(r.message().contains("memory") && r.message().contains(image), r.message());
		assertFalse(Files.exists(dir.resolve("o.tif")));
		try (TileFiller f = new HarmonicFiller()) {
			assertEquals(LineResult.Status.REPAIRED, LineRepairer.repair(new RepairLine(2, image,
				mask, dir.resolve("o2.tif").toString()), f, RepairOptions.defaults()).status());
		}
	}

	/** Issue 14: the dialog's mask sources on the command line, with a settable saturation. */
	@Test
	void pixelMasksFollowTheRecipe() throws Exception {
		final ShortProcessor cam = new ShortProcessor(48, 40);
		for (int i = 0; i < 48 * 40; i++)
			cam.set(i, 1000 + i % 37);
		cam.set(20, 20, 4095); // a 12-bit camera's saturated pixel
		cam.set(30, 10, 4095);
		cam.set(5, 30, 777);
		final String image = save("cam.tif", cam);
		final Path out = dir.resolve("cam-out.tif");
		final RepairOptions o = RepairOptions.builder().method("harmonic").mask(MaskRecipe
			.fileOnly().withSaturated(4095).withValue(777).withDilation(1, MaskRecipe.Shape.SQUARE))
			.build();
		try (TileFiller f = new HarmonicFiller()) {
			assertEquals(LineResult.Status.REPAIRED, LineRepairer.repair(new RepairLine(1, image,
				null, out.toString()), f, o).status());
		}
		final ImagePlus res = IJ.openImage(out.toString());
		int changed = 0;
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 48; x++) {
				final boolean hole = Math.abs(x - 20) <= 1 && Math.abs(y - 20) <= 1 || Math.abs(x -
					30) <= 1 && Math.abs(y - 10) <= 1 || Math.abs(x - 5) <= 1 && Math.abs(y - 30) <= 1;
				final int a = cam.get(x, y), b = res.getProcessor().get(x, y);
				if (!hole) assertEquals(a, b, "outside the mask at " + x + "," + y);
				else if (a != b) changed++;
				if (hole) assertTrue(b < 4095 && b != 777, "filled at " + x + "," + y + ": " + b);
			}
		assertTrue(changed >= 3, "the saturated and value pixels are filled");

		final FloatProcessor fp = new FloatProcessor(32, 32);
		for (int i = 0; i < 32 * 32; i++)
			fp.setf(i, i * 0.5f);
		fp.setf(10, 10, Float.NaN);
		final Path fout = dir.resolve("nan-out.tif");
		try (TileFiller f = new HarmonicFiller()) {
			assertEquals(LineResult.Status.REPAIRED, LineRepairer.repair(new RepairLine(1, save(
				"nan.tif", fp), null, fout.toString()), f, RepairOptions.builder().mask(MaskRecipe
					.fileOnly().withNan(true)).build()).status());
		}
		final float[] px = (float[]) IJ.openImage(fout.toString()).getProcessor().getPixels();
		for (int i = 0; i < px.length; i++)
			if (i != 10 * 32 + 10) assertEquals(Float.floatToRawIntBits(fp.getf(i)), Float
				.floatToRawIntBits(px[i]));
			else assertTrue(Float.isFinite(px[i]));
	}

	@Test
	void anEmptyPixelMaskIsAClearFailure() throws Exception {
		final ByteProcessor ip = new ByteProcessor(20, 20);
		final LineResult r;
		try (TileFiller f = new HarmonicFiller()) {
			r = LineRepairer.repair(new RepairLine(1, save("flat.tif", ip), null, dir.resolve("o.tif")
				.toString()), f, RepairOptions.builder().mask(MaskRecipe.fileOnly().withNan(true))
					.build());
		}
		assertEquals(LineResult.Status.FAILED, r.status());
		assertTrue(r.message().contains("empty"), r.message());
	}
}
