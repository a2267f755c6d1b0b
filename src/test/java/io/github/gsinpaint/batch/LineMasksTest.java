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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.ij.MaskBuilder;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * The command line's saturated pixels are the dialog's: for every image type and level the batch
 * mask ({@link LineMasks#saturated}) equals {@link MaskBuilder#saturated(ImageProcessor, double)}.
 * Before, the batch refused 32-bit images with a level and had its own RGB rule.
 */
class LineMasksTest {

	private static final int W = 16, H = 16;

	private static ImageProcessor ramp(final ImageProcessor ip, final double step) {
		for (int i = 0; i < W * H; i++)
			ip.setf(i, (float) (i * step));
		return ip;
	}

	private static ColorProcessor colours() {
		final ColorProcessor cp = new ColorProcessor(W, H);
		for (int i = 0; i < W * H; i++)
			cp.set(i, (i % 256) << 16 | (255 - i % 256) << 8 | (i * 7) % 256);
		return cp;
	}

	private static boolean[] bits(final ArrayImg<BitType, LongArray> m) {
		final boolean[] b = new boolean[W * H];
		final net.imglib2.Cursor<BitType> c = m.cursor();
		for (int i = 0; i < b.length; i++)
			b[i] = c.next().get();
		return b;
	}

	private static int count(final boolean[] b) {
		int n = 0;
		for (final boolean x : b)
			if (x) n++;
		return n;
	}

	@Test
	void everyTypeAndLevelGivesTheDialogsMask() {
		final ImageProcessor[] images = { ramp(new ByteProcessor(W, H), 1), ramp(new ShortProcessor(W,
			H), 257), ramp(new FloatProcessor(W, H), 0.37), colours() };
		final double[] levels = { 0, 1, 100, 200.5, 254.9, 255, 300, 4095, 65535, 70000 };
		for (final ImageProcessor ip : images)
			for (final double level : levels) {
				if (ip instanceof FloatProcessor && level == 0) continue; // refused, below
				final boolean[] batch = bits(LineMasks.saturated(ip, level));
				assertArrayEquals(bits(MaskBuilder.saturated(ip, level)), batch, ip.getClass()
					.getSimpleName() + " at " + level);
			}
		// the levels do select: a 32-bit ramp of 0..94.35 at 50, an RGB image at 300 (any channel 255)
		assertEquals(120, count(bits(LineMasks.saturated(images[2], 50)))); // i * 0.37 >= 50: i >= 136
		assertTrue(count(bits(LineMasks.saturated(images[3], 300))) > 0);
	}

	@Test
	void noLevelIsTheTypesMaximum() {
		final ImageProcessor b = ramp(new ByteProcessor(W, H), 1);
		assertArrayEquals(bits(MaskBuilder.saturated(b)), bits(LineMasks.saturated(b, Double.NaN)));
		assertEquals(1, count(bits(LineMasks.saturated(b, Double.NaN))));
		assertArrayEquals(bits(LineMasks.saturated(b, Double.NaN)), bits(LineMasks.saturated(b, 0)));
	}

	@Test
	void aFloatImageWithoutALevelIsRefusedInTheCommandLinesWords() {
		final FloatProcessor f = (FloatProcessor) ramp(new FloatProcessor(W, H), 1);
		for (final double level : new double[] { Double.NaN, 0 }) {
			final InpaintException e = assertThrows(InpaintException.class, () -> LineMasks
				.saturated(f, level));
			assertTrue(e.getMessage().contains("--saturation-level N"), e.getMessage());
		}
	}
}
