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

import io.github.gsinpaint.core.classical.BiharmonicFiller;

import org.junit.jupiter.api.Test;

public class BiharmonicFillerContractTest extends InpaintingContractTest {

	@Override
	protected TileFiller createFiller() {
		return new BiharmonicFiller();
	}

	@Test
	public void reproducesALinearRamp() {
		assertEquals(0, maxHoleError(new BiharmonicFiller(), 24, 18, rect(4, 3, 20, 15), (x,
			y) -> 0.2 + 0.03 * x - 0.02 * y), 1e-4);
	}

	@Test
	public void reproducesAQuadratic() {
		// Its Laplacian is constant, so its bilaplacian vanishes: exactly biharmonic.
		assertEquals(0, maxHoleError(new BiharmonicFiller(), 26, 20, rect(5, 4, 21, 16), (x,
			y) -> 0.1 + 0.002 * x * x - 0.001 * y * y + 0.0015 * x * y + 0.01 * y), 1e-4);
	}

	@Test
	public void allHoleTileGivesMidGrey() {
		FillerTestSupport.assertAllHoleGivesHalf(new BiharmonicFiller());
	}

	@Test
	public void cancels() {
		FillerTestSupport.assertCancels(new BiharmonicFiller());
	}
}
