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
package io.github.gsinpaint.reliability;

import io.github.gsinpaint.methods.Method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.gsinpaint.TestModels;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.Inpainting;
import io.github.gsinpaint.methods.MethodOptions;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.reliability.RandomCase.Content;
import io.github.gsinpaint.reliability.RandomCase.MaskKind;
import io.github.gsinpaint.reliability.RandomCase.PixelKind;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based tests of the core's promises, for every method, over random images (every pixel
 * type, NaN with payloads, infinities, sizes from 1 x 1 to long thin strips and non-multiples of
 * the tile size) and random masks (empty, full, one pixel, touching every border, speckle of many
 * tiny components, one huge component, rectangles, scratches):
 * <ul>
 * <li>every pixel outside the mask comes out bit-identical;</li>
 * <li>the input (image and mask) is never written;</li>
 * <li>every filled pixel is finite (a failed run instead reports that no finite context exists,
 * which can only happen when the image holds non-finite values);</li>
 * <li>the same input gives the same output, bit for bit;</li>
 * <li>an empty and a full mask give the documented error.</li>
 * </ul>
 * The 2dgs method gets fewer tries: each costs a model evaluation.
 */
public class InpaintPropertiesTest {

	private static final Map<String, TileFiller> FILLERS = new LinkedHashMap<>();

	static synchronized TileFiller filler(final String method) {
		return FILLERS.computeIfAbsent(method, m -> TestModels.open(m, m.equals(
			"2dgs") ? TestModels.gsOptions() : MethodOptions.defaults()));
	}

	@AfterContainer
	static synchronized void closeFillers() {
		for (final TileFiller f : FILLERS.values())
			f.close();
		FILLERS.clear();
	}

	// -- Properties --

	@Property(tries = 2000)
	void harmonicKeepsItsPromises(@ForAll("cases") final RandomCase c) {
		check("harmonic", c);
	}

	@Property(tries = 1000)
	void biharmonicKeepsItsPromises(@ForAll("cases") final RandomCase c) {
		check("biharmonic", c);
	}

	@Property(tries = 200)
	void gaussianSplattingKeepsItsPromises(@ForAll("cases") final RandomCase c) {
		check("2dgs", c);
	}

	@Property(tries = 300)
	void emptyAndFullMasksAreClearErrors(@ForAll("cases") final RandomCase c,
		@ForAll("methods") final String method)
	{
		check(method, c.withMask(MaskKind.EMPTY));
		check(method, c.withMask(MaskKind.FULL));
	}

	// -- Generators --

	@Provide
	Arbitrary<String> methods() {
		return Arbitraries.of(Method.keys());
	}

	@Provide
	Arbitrary<RandomCase> cases() {
		final Arbitrary<PixelKind> kinds = Arbitraries.of(PixelKind.class);
		final Arbitrary<Integer> channels = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(
			1)), Tuple.of(2, Arbitraries.integers().between(2, 4)));
		final Arbitrary<int[]> sizes = Arbitraries.frequencyOf(
			// tiny, including 1 x 1
			Tuple.of(3, Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries
				.integers().between(1, 20)).as((w, h) -> new int[] { w, h })),
			// around and across tile sizes, mostly not multiples of 16
			Tuple.of(4, Combinators.combine(Arbitraries.integers().between(10, 90), Arbitraries
				.integers().between(10, 90)).as((w, h) -> new int[] { w, h })),
			// long and thin, both ways
			Tuple.of(2, Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries
				.integers().between(40, 260), Arbitraries.of(true, false)).as((a, b,
					flip) -> flip ? new int[] { b, a } : new int[] { a, b })));
		final Arbitrary<int[]> tiling = Combinators.combine(Arbitraries.of(0, 16, 24, 32, 48),
			Arbitraries.integers().between(0, 24), Arbitraries.integers().between(1, 40)).as((t, o,
				m) -> new int[] { t, o, m });
		final Arbitrary<MaskKind> masks = Arbitraries.of(MaskKind.ONE_PIXEL, MaskKind.BORDER_FRAME,
			MaskKind.CORNERS, MaskKind.SPECKLE, MaskKind.HUGE, MaskKind.RECTANGLES,
			MaskKind.SCRATCHES);
		return Combinators.combine(kinds, channels, sizes, Arbitraries.of(Content.class), masks,
			Arbitraries.longs(), tiling).as((k, c, s, content, m, seed, t) -> new RandomCase(k, c,
				s[0], s[1], content, m, seed, t));
	}

	// -- The check --

	static void check(final String method, final RandomCase c) {
		final TileFiller filler = filler(method);
		final Img<? extends RealType<?>> image = c.image();
		final Img<BitType> mask = c.mask();
		final long[] imageBefore = RandomCase.bits(image);
		final long[] maskBefore = RandomCase.bits(mask);
		final long masked = count(mask);
		Statistics.label("mask").collect(c.maskKind);
		if (masked == 0 || masked == mask.size()) {
			final InpaintException e = assertThrows(InpaintException.class, () -> run(image, mask,
				filler, c));
			assertTrue(e.getMessage().startsWith(masked == 0 ? "The mask is empty"
				: "The mask covers the whole image"), e.getMessage());
			assertArrayEquals(imageBefore, RandomCase.bits(image), "input written");
			Statistics.label("outcome").collect(masked == 0 ? "empty-mask error" : "full-mask error");
			return;
		}
		final Img<? extends RealType<?>> out;
		try {
			out = run(image, mask, filler, c);
		}
		catch (final InpaintException e) {
			assertTrue(e.getMessage().startsWith("No usable context"), e.getMessage());
			assertTrue(hasNonFinite(image), "no usable context in an image of finite pixels: " + e
				.getMessage());
			assertArrayEquals(imageBefore, RandomCase.bits(image), "input written");
			Statistics.label("outcome").collect("no finite context");
			return;
		}
		Statistics.label("outcome").collect("filled");
		assertArrayEquals(imageBefore, RandomCase.bits(image), "input written");
		assertArrayEquals(maskBefore, RandomCase.bits(mask), "mask written");
		assertEquals(image.getClass(), out.getClass());
		for (int d = 0; d < image.numDimensions(); d++)
			assertEquals(image.dimension(d), out.dimension(d));

		final long[] outBits = RandomCase.bits(out);
		final Cursor<? extends RealType<?>> o = Views.flatIterable(out).cursor();
		final RandomAccess<BitType> m = mask.randomAccess();
		for (int i = 0; o.hasNext(); i++) {
			final RealType<?> v = o.next();
			m.setPosition(o.getIntPosition(0), 0);
			m.setPosition(o.getIntPosition(1), 1);
			if (!m.get().get()) {
				if (outBits[i] != imageBefore[i]) fail("outside the mask at (" + o.getIntPosition(0) +
					", " + o.getIntPosition(1) + "): " + Long.toHexString(imageBefore[i]) + " became " +
					Long.toHexString(outBits[i]));
			}
			else if (!Double.isFinite(v.getRealDouble())) fail("filled pixel at (" + o
				.getIntPosition(0) + ", " + o.getIntPosition(1) + ") is " + v);
		}
		// Determinism: a second run of the same input is bit-identical.
		assertArrayEquals(outBits, RandomCase.bits(run(image, mask, filler, c)), "not deterministic");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Img<? extends RealType<?>> run(final Img<? extends RealType<?>> image,
		final Img<BitType> mask, final TileFiller filler, final RandomCase c)
	{
		return Inpainting.inpaint((Img) image, mask, filler, c.settings(), Progress.NONE);
	}

	private static long count(final Img<BitType> mask) {
		long n = 0;
		for (final BitType b : mask)
			if (b.get()) n++;
		return n;
	}

	private static boolean hasNonFinite(final Img<? extends RealType<?>> image) {
		for (final RealType<?> t : image)
			if (!Double.isFinite(t.getRealDouble())) return true;
		return false;
	}
}
