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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.gsinpaint.TestModels;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.Inpainting;
import io.github.gsinpaint.core.Progress;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DJL arrays live in native memory that the JVM's garbage collector does not see: an array that
 * is not closed is a leak until the model is closed. Repeating the repair many times, also with
 * cancels and failures in the middle of a tile, must leave the number of open arrays under the
 * model and the process's resident memory flat.
 */
public class NativeMemoryTest {

	/**
	 * The tiny fixture model: what is tested is that the plugin's code frees every native array,
	 * which does not depend on the weights, and hundreds of repairs stay fast with it.
	 */
	private static final io.github.gsinpaint.methods.MethodOptions FIXTURE =
		io.github.gsinpaint.methods.MethodOptions.defaults().withDevice("cpu").withModelPath(TestModels
			.fixture());

	private static GaussianSplattingFiller filler;
	private static Img<FloatType> image;
	private static Img<BitType> mask;
	/** A tile size that cuts the image into several tiles, so one repair runs the model often. */
	private static final InpaintSettings SETTINGS = InpaintSettings.defaults().withTileSize(64)
		.withOverlap(16);

	@BeforeAll
	static void open() {
		filler = (GaussianSplattingFiller) TestModels.open("2dgs",
			FIXTURE);
		final int w = 160, h = 120;
		image = ArrayImgs.floats(w, h);
		mask = ArrayImgs.bits(w, h);
		final net.imglib2.RandomAccess<FloatType> ra = image.randomAccess();
		final net.imglib2.RandomAccess<BitType> m = mask.randomAccess();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				ra.setPositionAndGet(x, y).set((float) (100 + 50 * Math.sin(x * 0.1) * Math.cos(y *
					0.07)));
				// a scratch across the image and a blob: damage in many tiles
				m.setPositionAndGet(x, y).set(Math.abs(y - 0.6 * x - 10) < 2 || (x - 120) * (x - 120) +
					(y - 40) * (y - 40) < 150);
			}
	}

	@AfterAll
	static void close() {
		if (filler != null) filler.close();
	}

	static int openArrays() {
		return ((BaseNDManager) filler.manager()).getManagedArrays().size();
	}

	/** Fails with a non-cancellation error on the n-th poll: a fault in the middle of a tile. */
	private static Progress failingAt(final int n, final boolean cancel) {
		final AtomicInteger polls = new AtomicInteger();
		return new Progress() {

			@Override
			public void report(final double fraction, final String message) {}

			@Override
			public boolean isCancelled() {
				if (polls.incrementAndGet() < n) return false;
				if (cancel) return true;
				throw new IllegalStateException("injected fault");
			}
		};
	}

	private static void repair(final int i) {
		switch (i % 4) {
			case 1: // cancelled at some poll, often inside a tile (after the model, before rendering)
				assertThrows(InpaintCancelledException.class, () -> Inpainting.inpaint(image, mask,
					filler, SETTINGS, failingAt(2 + i % 7, true)));
				break;
			case 3: // failed the same way
				assertThrows(IllegalStateException.class, () -> Inpainting.inpaint(image, mask, filler,
					SETTINGS, failingAt(2 + i % 5, false)));
				break;
			default:
				Inpainting.inpaint(image, mask, filler, SETTINGS, Progress.NONE);
		}
	}

	@Test
	public void openArraysStayFlatOverRepairsCancelsAndFailures() {
		final int before = openArrays();
		for (int i = 0; i < 40; i++) {
			repair(i);
			assertEquals(before, openArrays(), "arrays left open after repair " + i + " (kind " + i %
				4 + ")");
		}
	}

	@Test
	public void closingTheFillerReleasesTheModel() {
		final GaussianSplattingFiller other = (GaussianSplattingFiller) TestModels.open(
			"2dgs", FIXTURE);
		final NDManager scope = other.manager();
		Inpainting.inpaint(image, mask, other, SETTINGS, Progress.NONE);
		assertThrows(InpaintCancelledException.class, () -> Inpainting.inpaint(image, mask, other,
			SETTINGS, failingAt(3, true)));
		other.close();
		assertTrue(!scope.isOpen(), "the model's memory scope is still open after close()");
	}

	@Test
	public void theProbeSeesALeak() {
		final int before = openArrays();
		final NDManager leaky = filler.manager().newSubManager();
		final NDArray a = leaky.zeros(new Shape(4, 4));
		assertEquals(before + 1, openArrays());
		leaky.close();
		assertTrue(a.isReleased());
		assertEquals(before, openArrays());
	}

	@Test
	public void residentMemoryStaysFlat() throws IOException {
		if (!Files.isReadable(Paths.get("/proc/self/status"))) return; // Linux only
		for (int i = 0; i < 40; i++)
			repair(i); // warm-up: heap, allocator pools, libtorch caches
		final long base = rssKb();
		final int repairs = 200;
		for (int i = 0; i < repairs; i++)
			repair(i);
		final long grown = rssKb() - base;
		System.out.println("NativeMemoryTest: RSS " + base / 1024 + " MB, grew " + grown / 1024 +
			" MB over " + repairs + " repairs");
		// A leaked tile scope costs MBs per tile and many tiles run per repair: hundreds of MB.
		assertTrue(grown < 50 * 1024, "resident memory grew by " + grown / 1024 + " MB over " +
			repairs + " repairs");
	}

	static long rssKb() throws IOException {
		System.gc();
		for (final String line : Files.readAllLines(Paths.get("/proc/self/status"),
			StandardCharsets.US_ASCII))
			if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
		throw new IOException("no VmRSS in /proc/self/status");
	}
}
