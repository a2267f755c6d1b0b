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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.TestModels;
import io.github.gsinpaint.core.classical.BiharmonicFiller;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A long fill reports progress and polls cancellation through all of its steps: cancelled at any
 * report, it stops at once with {@link InpaintCancelledException}, does no further work (no tile
 * is started, nothing more is reported) and leaves the input as it was. Counted in reports and
 * calls, not in time, so it holds on a busy machine too.
 */
class CancellationTest {

	/** Records every report; cancels from the {@code cancelAt}-th report on (never when 0). */
	private static final class Recorder implements Progress {

		final int cancelAt;
		final List<String> messages = new ArrayList<>();
		final List<Double> fractions = new ArrayList<>();

		Recorder(final int cancelAt) {
			this.cancelAt = cancelAt;
		}

		@Override
		public void report(final double fraction, final String message) {
			fractions.add(fraction);
			messages.add(message);
		}

		@Override
		public boolean isCancelled() {
			return cancelAt > 0 && messages.size() >= cancelAt;
		}
	}

	/** Counts the method's tile calls and the reports made inside each. */
	private static final class Counting extends ForwardingTileFiller {

		final Recorder recorder;
		final List<Integer> reportsInside = new ArrayList<>();
		int callsAfterCancel;

		Counting(final TileFiller inner, final Recorder recorder) {
			super(inner);
			this.recorder = recorder;
		}

		@Override
		public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
			final int height, final Progress progress)
		{
			return count(() -> inner.fill(tile, hole, width, height, progress));
		}

		@Override
		public float[][] fill(final float[][] tile, final boolean[] hole, final float[][] prior,
			final int width, final int height, final Progress progress)
		{
			return count(() -> inner.fill(tile, hole, prior, width, height, progress));
		}

		private float[][] count(final java.util.function.Supplier<float[][]> call) {
			if (recorder.isCancelled()) callsAfterCancel++;
			final int before = recorder.messages.size();
			final float[][] out = call.get();
			reportsInside.add(recorder.messages.size() - before);
			return out;
		}
	}

	private static final int SIZE = 560, SIDE = 300, X0 = 130;

	/**
	 * The package's 256 px tile, set, so that the hole's region is cut into several tiles (left to
	 * choose, the model takes one tile of 368 px for it, {@link TileChoice}).
	 */
	private static InpaintSettings settings() {
		return InpaintSettings.defaults().withTileSize(256);
	}

	private static Img<UnsignedByteType> image() {
		return LargeHoleTest.image(ArrayImgs.unsignedBytes(SIZE, SIZE), (x, y) -> 128 + 70 * Math
			.sin(0.01 * x + 0.3) * Math.cos(0.013 * y) + 20 * Math.sin(x / 9.0));
	}

	private static Img<BitType> hole() {
		return LargeHoleTest.mask(SIZE, SIZE, LargeHoleTest.square(X0, X0, SIDE));
	}

	/**
	 * The model (v2 when in the checkout) on a hole deeper than a quarter tile: the coarse-to-fine
	 * guide, the prior of the band, then the tiles. The method reports inside every tile (before
	 * and after its network, while rendering), and a cancel at a report in each long step (the
	 * guide's measuring, its solves, the prior's solve, a tile's network, a tile's rendering)
	 * stops the fill there.
	 */
	@Test
	void theModelsFillStopsAtACancelInAnyOfItsSteps() {
		try (TileFiller model = TestModels.open("2dgs", TestModels.gsOptions())) {
			final Recorder whole = new Recorder(0);
			final Counting counting = new Counting(model, whole);
			Inpainting.inpaint(image(), hole(), counting, settings(), whole);
			assertEquals(1.0, whole.fractions.get(whole.fractions.size() - 1), 0);
			for (int i = 1; i < whole.fractions.size(); i++)
				assertTrue(whole.fractions.get(i) >= whole.fractions.get(i - 1), "went back at " + i);
			assertTrue(counting.reportsInside.size() >= 4, "tiles: " + counting.reportsInside);
			for (final int inside : counting.reportsInside)
				assertTrue(inside >= 2, "reports inside each tile: " + counting.reportsInside);

			final Set<Integer> cancelAt = new LinkedHashSet<>();
			for (final String step : new String[] { "Measuring the depth", "Choosing the hole's coarse fill: ",
				"Solving the hole's coarse fill: ", "Solving the hole of a region", "running the network",
				"rendering" })
			{
				final List<Integer> at = new ArrayList<>();
				for (int i = 0; i < whole.messages.size(); i++)
					if (whole.messages.get(i).contains(step)) at.add(i + 1);
				assertTrue(!at.isEmpty(), "no report of the step \"" + step + "\" in " + whole.messages);
				cancelAt.add(at.get(at.size() / 2)); // the middle one of its reports
			}
			for (final int k : cancelAt)
				assertCancelsAt(model, k, whole.messages);
		}
	}

	/** The biharmonic fill of the same hole, cancelled at every tenth of its reports. */
	@Test
	void theBiharmonicFillStopsAtACancelAnywhere() {
		try (TileFiller biharmonic = new BiharmonicFiller()) {
			final Recorder whole = new Recorder(0);
			Inpainting.inpaint(image(), hole(), biharmonic, InpaintSettings.defaults(), whole);
			final int n = whole.messages.size();
			assertTrue(n > 20, "reports: " + n);
			for (int k = 1; k < n; k += Math.max(1, n / 10))
				assertCancelsAt(biharmonic, k, whole.messages);
		}
	}

	private static void assertCancelsAt(final TileFiller method, final int k,
		final List<String> uncancelled)
	{
		final Img<UnsignedByteType> image = image();
		final Img<BitType> mask = hole();
		final Img<UnsignedByteType> before = image.copy();
		final Img<BitType> maskBefore = mask.copy();
		final Recorder r = new Recorder(k);
		final Counting counting = new Counting(method, r);
		final String where = "cancelled at report " + k + " (\"" + uncancelled.get(k - 1) + "\")";
		assertThrows(InpaintCancelledException.class, () -> Inpainting.inpaint(image, mask, counting,
			settings(), r), where);
		assertEquals(k, r.messages.size(), where + ": reports after the cancel: " + r.messages
			.subList(k - 1, r.messages.size()));
		assertEquals(0, counting.callsAfterCancel, where + ": tiles started after the cancel");
		assertTrue(!r.messages.contains("Done"), where + ": it finished");
		assertArrayEquals(bytes(before), bytes(image), where + ": the input changed");
		assertArrayEquals(bits(maskBefore), bits(mask), where + ": the mask changed");
	}

	private static byte[] bytes(final Img<UnsignedByteType> img) {
		final byte[] b = new byte[SIZE * SIZE];
		int i = 0;
		for (final UnsignedByteType t : img)
			b[i++] = (byte) t.get();
		return b;
	}

	private static boolean[] bits(final Img<BitType> img) {
		final boolean[] b = new boolean[SIZE * SIZE];
		int i = 0;
		for (final BitType t : img)
			b[i++] = t.get();
		return b;
	}
}
