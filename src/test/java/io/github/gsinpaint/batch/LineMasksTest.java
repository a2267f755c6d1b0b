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

import org.junit.jupiter.api.Test;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.ij.MaskBuilder;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/** The command line's saturated pixels are the dialog's, for every image type and level. */
class LineMasksTest {

	private static final int W = 16, H = 16;

	@Test
	void saturatedAtALevelIsThePluginsMaskForEveryType() {
		final ByteProcessor bp = new ByteProcessor(W, H);
		final ShortProcessor sp = new ShortProcessor(W, H);
		final FloatProcessor fp = new FloatProcessor(W, H);
		final ColorProcessor cp = new ColorProcessor(W, H);
		for (int i = 0; i < W * H; i++) {
			bp.set(i, i % 256);
			sp.set(i, i * 257 % 65536);
			fp.setf(i, (i - 100) * 0.1f);
			cp.set(i, 0xff000000 | (i * 7 % 256) << 16 | (i * 13 % 256) << 8 | i * 29 % 256);
		}
		sp.set(0, 65535);
		sp.set(1, 4095);
		bp.set(2, 255);
		final double[] levels = { Double.NaN, 0, 0.5, 1, 99.5, 200, 254.2, 255, 255.5, 300, 4095,
			4095.0001, 65535, 65535.001, 70000 };
		for (final ImageProcessor ip : new ImageProcessor[] { bp, sp, cp })
			for (final double level : levels)
				assertAgree(ip, level, MaskBuilder.saturated(ip, Double.isNaN(level) ? 0 : level));
		for (final double level : new double[] { 0.7, 1e-3, 2.5, 13.3, 1e30 })
			assertAgree(fp, level, MaskBuilder.saturated(fp, level));
		assertTrue(MaskBuilder.count(LineMasks.saturated(fp, 0.7)) > 0);
		assertTrue(MaskBuilder.count(LineMasks.saturated(cp, 200)) > 0);
	}

	private static void assertAgree(final ImageProcessor ip, final double level,
		final ArrayImg<BitType, LongArray> plugin)
	{
		final ArrayImg<BitType, LongArray> batch = LineMasks.saturated(ip, level);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				assertEquals(MaskBuilder.get(plugin, x, y), MaskBuilder.get(batch, x, y), ip.getClass()
					.getSimpleName() + " level " + level + " pixel " + x + "," + y);
	}
}
