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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * End to end, the README's first command: the sample photograph and its mask in, through the
 * command line with every default (2dgs, the bundled model, device auto), against the output saved
 * in {@code src/test/resources/golden/}. Pixels outside the mask must be identical. Inside, the
 * network's float sums depend on libtorch's thread count (the command line picks it from the
 * cores), which moves a value across a rounding boundary now and then: every channel of every hole
 * pixel may differ by at most {@value #TOLERANCE} grey level, and at most {@value #SHARE_OFF} of
 * them may differ at all.
 * <p>
 * A new default model changes the output: check it by eye, then run this test with
 * {@code -Dgolden.update=true} to save the new expected output.
 */
class GoldenTest {

	static final int TOLERANCE = 1;
	static final double SHARE_OFF = 0.01;
	private static final Path SAMPLES = Paths.get("src", "test", "resources", "samples");
	private static final Path EXPECTED = Paths.get("src", "test", "resources", "golden",
		"face-inpainted.tif");

	@Test
	void readmeSampleGivesTheSavedOutput(@TempDir final Path dir) throws Exception {
		final Path out = dir.resolve("face-inpainted.tif");
		assertEquals(0, InpaintCli.run(new String[] { "--image", SAMPLES.resolve("face.png")
			.toString(), "--mask", SAMPLES.resolve("face-mask.png").toString(), "--output", out
				.toString() }));
		if (Boolean.getBoolean("golden.update")) Files.copy(out, Files.createDirectories(EXPECTED
			.getParent()).resolve(EXPECTED.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		final ImageProcessor got = IJ.openImage(out.toString()).getProcessor();
		final ImageProcessor want = IJ.openImage(EXPECTED.toString()).getProcessor();
		final ImagePlus mask = IJ.openImage(SAMPLES.resolve("face-mask.png").toString());
		final ImageProcessor m = mask.getProcessor();
		assertEquals(want.getClass(), got.getClass());
		assertEquals(want.getWidth(), got.getWidth());
		assertEquals(want.getHeight(), got.getHeight());
		final int channels = want instanceof ColorProcessor ? 3 : 1;
		long holeValues = 0, off = 0;
		int worst = 0;
		for (int i = 0; i < want.getPixelCount(); i++) {
			final int a = want.get(i), b = got.get(i);
			if (m.get(i) == 0) {
				assertEquals(a & 0xffffff, b & 0xffffff, "outside the mask at pixel " + i);
				continue;
			}
			for (int shift = 0; shift < 8 * channels; shift += 8) {
				final int d = Math.abs((a >> shift & 0xff) - (b >> shift & 0xff));
				worst = Math.max(worst, d);
				if (d > 0) off++;
				holeValues++;
			}
		}
		System.out.println("GoldenTest: " + off + " of " + holeValues +
			" hole values differ from the saved output, by at most " + worst);
		assertTrue(holeValues > 1000, "hole values: " + holeValues);
		assertTrue(worst <= TOLERANCE, "largest difference in the hole: " + worst);
		assertTrue(off <= SHARE_OFF * holeValues, off + " of " + holeValues + " hole values differ");
	}
}
