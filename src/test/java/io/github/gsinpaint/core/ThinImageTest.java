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
package io.github.gsinpaint.core;

import static io.github.gsinpaint.core.LargeHoleTest.image;
import static io.github.gsinpaint.core.LargeHoleTest.mask;
import static io.github.gsinpaint.core.LargeHoleTest.maxError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.TestModels;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Images thinner than the model's smallest tile (line scans, strips, a few rows of a kymograph):
 * the tile reaches beyond the image, and what it holds there decides the fill.
 */
class ThinImageTest {

	@Test
	void aTileBeyondTheFrameMirrorsItAtTheBorder() {
		// the border pixel repeats once, then the frame runs backwards, again and again
		final int[] three = new int[9];
		for (int i = -3; i < 6; i++)
			three[i + 3] = Frame.mirror(i, 3);
		assertArrayEquals(new int[] { 2, 1, 0, 0, 1, 2, 2, 1, 0 }, three);
		for (int i = -70; i < 70; i++)
			assertTrue(Frame.mirror(i, 1) == 0, "a frame 1 px long maps everything to its pixel");
	}

	@Test
	void theModelContinuesARampAcrossStripsOneToEightPixelsHigh() {
		final TileFiller f = TestModels.open("2dgs", TestModels.gsOptions());
		// x = 0..39 along the strip, a 10 px hole in the middle (x 20..29), across every row
		for (final int rows : new int[] { 1, 3, 8 }) {
			for (final boolean across : new boolean[] { false, true }) {
				final int w = across ? rows : 40, h = across ? 40 : rows;
				final LargeHoleTest.Field ramp = (x, y) -> across ? y : x;
				final Img<FloatType> img = image(ArrayImgs.floats(w, h), ramp);
				final Img<BitType> hole = mask(w, h, (x, y) -> {
					final int t = across ? y : x;
					return t >= 20 && t < 30;
				});
				final double e = maxError(Inpainting.inpaint(img, hole, f, InpaintSettings
					.defaults(), Progress.NONE), hole, ramp);
				// padding the tile with holes left waves of 7.2-7.7 units (of the ramp's 39) in 1 px
				// strips; mirrored, 1.0-3.6, about what the trained model does on a 64 px wide image
				// (1.7 along the rows, 2.75 along the columns: it sharpens a ramp a little)
				final String what = (across ? rows + " x 40" : "40 x " + rows) + " px";
				assertTrue(e < 4.5, what + ": the fill strays " + e + " from the ramp");
			}
		}
	}
}
