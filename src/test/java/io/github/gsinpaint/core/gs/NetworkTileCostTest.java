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
package io.github.gsinpaint.core.gs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.TileCost;

/** The measured network cost that regions choose their tiles by has the shape it was measured with. */
class NetworkTileCostTest {

	private final TileCost cost = NetworkTileCost.V2_ON_CPU;

	@Test
	void costRisesWithThePixels() {
		double last = 0;
		for (int side = 48; side <= 640; side += 16) {
			final double c = cost.of(side, side);
			assertTrue(c >= last, side + " px: " + c + " ms after " + last);
			last = c;
		}
	}

	@Test
	void oneLargeTileCostsSeveralSmallOnesButLessThanTheNineThatCoverIt() {
		final double small = cost.of(256, 256), large = cost.of(512, 512);
		assertTrue(large > 3 * small, large + " against " + small);
		assertTrue(large < 9 * small, large + " against " + small);
	}

	@Test
	void shapeCountsOnlyByItsPixels() {
		assertEquals(cost.of(512, 128), cost.of(256, 256), 1e-9);
		assertEquals(cost.of(128, 512), cost.of(512, 128), 1e-9);
	}
}
