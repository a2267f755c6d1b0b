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

import static io.github.gsinpaint.core.FillerTestSupport.maxHoleError;
import static io.github.gsinpaint.core.FillerTestSupport.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gsinpaint.core.classical.HarmonicFiller;

import org.junit.jupiter.api.Test;

public class HarmonicFillerContractTest extends InpaintingContractTest {

	@Override
	protected TileFiller createFiller() {
		return new HarmonicFiller();
	}

	@Test
	public void reproducesALinearRamp() {
		assertEquals(0, maxHoleError(new HarmonicFiller(), 24, 18, rect(4, 3, 20, 15), (x,
			y) -> 0.2 + 0.03 * x - 0.02 * y), 1e-4);
	}

	@Test
	public void reproducesALinearRampAcrossAReflectingEdge() {
		// A ramp along the edge has no normal derivative there, so Neumann keeps it exact.
		assertEquals(0, maxHoleError(new HarmonicFiller(), 30, 20, rect(5, 0, 25, 12), (x,
			y) -> 0.1 + 0.025 * x), 1e-4);
	}

	@Test
	public void staysBetweenTheBoundaryValues() {
		// Maximum principle: a harmonic fill never overshoots its boundary.
		final float[][] tile = new float[1][20 * 20];
		final boolean[] hole = new boolean[20 * 20];
		for (int i = 0; i < hole.length; i++) {
			final int x = i % 20, y = i / 20;
			hole[i] = x > 3 && x < 16 && y > 3 && y < 16;
			tile[0][i] = hole[i] ? 0 : ((x * 7 + y * 3) % 5 == 0 ? 1f : 0.2f);
		}
		final float[][] out = new HarmonicFiller().fill(tile, hole, 20, 20, Progress.NONE);
		for (int i = 0; i < hole.length; i++)
			if (hole[i]) assertTrue(out[0][i] >= 0.2f - 1e-5f && out[0][i] <= 1f + 1e-5f);
	}

	@Test
	public void fillsEveryChannelAndTreatsNonFiniteContextAsHole() {
		final float[][] tile = { { 1, 1, 1, 1, 0, 1, 1, 1, 1 }, { 2, 2, 2, 2, 0, 2, 2, 2, Float.NaN } };
		final boolean[] hole = { false, false, false, false, true, false, false, false, false };
		final float[][] out = new HarmonicFiller().fill(tile, hole, 3, 3, Progress.NONE);
		assertEquals(1f, out[0][4], 1e-5f);
		assertEquals(2f, out[1][4], 1e-5f);
		assertTrue(Float.isFinite(out[1][8]));
		assertEquals(2f, out[1][8], 1e-5f);
	}

	@Test
	public void allHoleTileGivesMidGrey() {
		FillerTestSupport.assertAllHoleGivesHalf(new HarmonicFiller());
	}

	@Test
	public void cancels() {
		FillerTestSupport.assertCancels(new HarmonicFiller());
	}
}
