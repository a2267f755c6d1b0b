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

import static io.github.gsinpaint.core.gs.GaussianField.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.Progress;

/**
 * The plain-Java rasterizer against the contract, on two threads with rounds of four patches (so
 * rounds are split between threads, and the last round is short), and what only it has.
 */
class JavaRasterizerTest extends RasterizerContractTest {

	@Override
	protected Rasterizer rasterizer() {
		return new JavaRasterizer(2, 2);
	}

	/** How the patches are split among threads and rounds changes no bit of the result. */
	@Test
	void threadsAndRoundsDoNotChangeTheResult() {
		final int h = 48, w = 40;
		final float[] field = RasterizerAgreementTest.randomField(h, w, 7);
		final int[] patches = allPatches(h, w);
		final float[] one = new JavaRasterizer(1, 1).render(field, h, w, patches, Progress.NONE);
		assertArrayEquals(one, new JavaRasterizer(3, 2).render(field, h, w, patches,
			Progress.NONE), 0f);
		assertArrayEquals(one, new JavaRasterizer(2, 64).render(field, h, w, patches,
			Progress.NONE), 0f);
	}

	@Test
	void refusesPatchesOutsideTheField() {
		final float[] field = RasterizerAgreementTest.randomField(8, 16, 1);
		final JavaRasterizer r = new JavaRasterizer();
		assertThrows(IllegalArgumentException.class, () -> r.render(field, 8, 16, new int[] { 2 },
			Progress.NONE));
		assertThrows(IllegalArgumentException.class, () -> r.render(field, 8, 12, new int[] { 0 },
			Progress.NONE));
		assertThrows(IllegalArgumentException.class, () -> r.render(new float[CHANNELS * 8 * 8],
			8, 16, new int[] { 0 }, Progress.NONE));
	}

	@Test
	void keepsToTheThreadShareGivenToLibtorch() {
		final String key = "ai.djl.pytorch.num_threads", before = System.getProperty(key);
		try {
			System.setProperty(key, "1");
			assertEquals(1, JavaRasterizer.defaultThreads());
			System.setProperty(key, "not a number");
			assertEquals(Runtime.getRuntime().availableProcessors(), JavaRasterizer.defaultThreads());
		}
		finally {
			if (before == null) System.clearProperty(key);
			else System.setProperty(key, before);
		}
	}
}
