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

import io.github.gsinpaint.TestModels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.classical.HarmonicFiller;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * An 8k x 8k image with a few small defects: the work done (pixels handed to the method) and the
 * working memory follow the damage, not the image. The test JVM runs with a 1 GB heap (pom), so
 * anything that allocated per-image float buffers (8k x 8k x 4 B x several) would fail here.
 */
class LargeImageTest {

	/** Counts the tile pixels the method sees, then delegates to a real method. */
	private static final class CountingFiller implements TileFiller {

		final TileFiller inner;
		long pixels;
		int tiles;

		CountingFiller(final TileFiller inner) {
			this.inner = inner;
		}

		@Override
		public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
			final int height, final Progress progress)
		{
			pixels += (long) width * height;
			tiles++;
			return inner.fill(tile, hole, width, height, progress);
		}

		@Override
		public int preferredTileSize() {
			return 256;
		}

		@Override
		public int tileMultiple() {
			return 16;
		}

		@Override
		public int minimumTileSize() {
			return inner.minimumTileSize();
		}

		@Override
		public BorderBand borderBand() {
			return inner.borderBand();
		}

		@Override
		public int maxJointChannels() {
			return 1;
		}

		@Override
		public String identity() {
			return "counting " + inner.identity();
		}

		@Override
		public void close() {
			inner.close();
		}
	}

	@Test
	void eightKImageWithFewDefectsCostsLittle() {
		repairEightK(new HarmonicFiller());
	}

	/** The same with the 2DGS model: native (libtorch) memory is only needed per small tile. */
	@Test
	void eightKImageWithTheModel() {
		try (TileFiller model = TestModels.open("2dgs",
			io.github.gsinpaint.TestModels.gsOptions()))
		{
			repairEightK(model);
		}
	}

	private static void repairEightK(final TileFiller method) {
		final int size = 8192;
		final byte[] pixels = new byte[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				pixels[y * size + x] = (byte) ((x / 64 + y / 64) & 0xff);
		final Img<UnsignedByteType> image = ArrayImgs.unsignedBytes(pixels, size, size);
		final Img<BitType> mask = ArrayImgs.bits(size, size);
		final RandomAccess<BitType> m = mask.randomAccess();
		final int[][] defects = { { 100, 100 }, { 4000, 4000 }, { 8190, 10 }, { 7000, 8191 }, { 10,
			6000 } };
		long masked = 0;
		for (final int[] d : defects)
			for (int dy = -3; dy <= 3; dy++)
				for (int dx = -3; dx <= 3; dx++) {
					final int x = d[0] + dx, y = d[1] + dy;
					if (x < 0 || y < 0 || x >= size || y >= size) continue;
					m.setPosition(x, 0);
					m.setPosition(y, 1);
					m.get().set(true);
					masked++;
				}
		final CountingFiller filler = new CountingFiller(method);
		final Img<UnsignedByteType> out = Inpainting.inpaint(image, mask, filler, InpaintSettings
			.defaults(), Progress.NONE);

		assertEquals(defects.length, filler.tiles, "one small tile per isolated defect");
		assertTrue(filler.pixels < 100_000, "tile pixels: " + filler.pixels);
		// Outside the mask: bit-identical. Inside: changed to the local (smooth) value.
		// Every defect lies inside one flat 64 px block, so its fill must be that block's value.
		final Cursor<UnsignedByteType> o = out.cursor();
		final Cursor<BitType> mc = mask.cursor();
		long changedOutside = 0, holes = 0;
		int worstInside = 0;
		int i = 0;
		while (o.hasNext()) {
			final int v = o.next().get();
			final boolean hole = mc.next().get();
			if (!hole && v != (pixels[i] & 0xff)) changedOutside++;
			if (hole) {
				holes++;
				worstInside = Math.max(worstInside, Math.abs(v - (pixels[i] & 0xff)));
			}
			i++;
		}
		assertEquals(0, changedOutside);
		assertEquals(masked, holes);
		assertTrue(worstInside <= 1, "largest error inside the defects: " + worstInside);
	}
}
