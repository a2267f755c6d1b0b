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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A method that asks for its prior as training solved it ({@link TileFiller#priorSweeps()}) gets
 * {@link CascadicSor}'s fill from the pipeline, and one that does not gets the exact fill (the two
 * differ by some 1e-5 in this test's box, enough to tell them apart).
 */
class PriorSweepsTest {

	/** Records the largest difference between the prior it is given and training's prior. */
	private static final class Recording implements TileFiller {

		final int sweeps;
		double fromSweeps = -1;

		Recording(final int sweeps) {
			this.sweeps = sweeps;
		}

		@Override
		public Prior prior() {
			return Prior.HARMONIC;
		}

		@Override
		public int priorSweeps() {
			return sweeps;
		}

		@Override
		public float[][] fill(final float[][] tile, final boolean[] hole, final float[][] prior,
			final int width, final int height, final Progress progress)
		{
			// the pipeline clips the prior to the window's known range; the window is this tile
			final float[][] expected = KnownRange.clampInPlace(tile, hole, CascadicSor.harmonic(tile,
				hole, width, height, 40, Progress.NONE));
			fromSweeps = 0;
			for (int c = 0; c < tile.length; c++)
				for (int p = 0; p < hole.length; p++)
					if (hole[p]) fromSweeps = Math.max(fromSweeps, Math.abs(prior[c][p] -
						expected[c][p]));
			return prior;
		}

		@Override
		public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
			final int height, final Progress progress)
		{
			throw new AssertionError("the pipeline gives a prior");
		}

		@Override
		public int preferredTileSize() {
			return 64;
		}

		@Override
		public int tileMultiple() {
			return 1;
		}

		@Override
		public int maxJointChannels() {
			return Integer.MAX_VALUE;
		}

		@Override
		public String identity() {
			return "recording prior, " + sweeps + " sweeps";
		}

		@Override
		public void close() {}
	}

	private static double run(final Recording filler) {
		final int w = 64, h = 64;
		final ArrayImg<FloatType, FloatArray> image = ArrayImgs.floats(w, h);
		final ArrayImg<BitType, LongArray> mask = ArrayImgs.bits(w, h);
		final net.imglib2.RandomAccess<FloatType> a = image.randomAccess();
		final net.imglib2.RandomAccess<BitType> m = mask.randomAccess();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				a.setPositionAndGet(x, y).set((float) (Math.sin(x / 5.0) * Math.cos(y / 7.0) + 0.01 *
					((x * 31 + y * 17) % 13)));
				m.setPositionAndGet(x, y).set(x >= 6 && x < 58 && y >= 10 && y < 54);
			}
		Inpainting.inpaint(image, mask, filler, InpaintSettings.defaults(), Progress.NONE);
		return filler.fromSweeps;
	}

	@Test
	void thePipelineSolvesThePriorTheWayTheMethodAsks() {
		final double sweeps = run(new Recording(40)), exact = run(new Recording(0));
		// the same arithmetic on the same numbers; the exact solve ends some 1e-5 away
		assertTrue(sweeps >= 0 && sweeps < 1e-7, "with sweeps: " + sweeps);
		assertTrue(exact > 2e-6, "the exact prior differs from training's in a 52 x 44 box: " + exact);
	}

	/** A forwarding filler that forgot a method would hide it from the pipeline (benchmarks). */
	@Test
	void theForwardingFillerForwardsEveryMethod() throws NoSuchMethodException {
		for (final Method method : TileFiller.class.getMethods()) {
			if (Modifier.isStatic(method.getModifiers())) continue;
			final Method own = ForwardingTileFiller.class.getMethod(method.getName(), method
				.getParameterTypes());
			assertEquals(ForwardingTileFiller.class, own.getDeclaringClass(), method.getName());
		}
	}
}
