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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every inpainting method must keep when run through {@link Inpainting#inpaint}:
 * pixels outside the mask are copied bit for bit, the input is never written, masked pixels are
 * finite and inside the type's range, cancellation and user errors are reported, and a smooth
 * image is filled plausibly. A method's test extends this class and provides
 * {@link #createFiller()}; it may tune {@link #smoothFillTolerance()} and
 * {@link #settings()}.
 */
public abstract class InpaintingContractTest {

	/** @return a fresh filler; it is closed after each test */
	protected abstract TileFiller createFiller();

	/**
	 * @return the largest acceptable mean absolute error inside the hole of a smooth image, as a
	 *         fraction of the image's intensity range
	 */
	protected double smoothFillTolerance() {
		return 0.05;
	}

	/** @return the settings of most tests (the tiling tests override the tile size) */
	protected InpaintSettings settings() {
		return InpaintSettings.defaults();
	}

	private TileFiller filler;

	@BeforeEach
	public void openFiller() {
		filler = createFiller();
		assertNotNull(filler);
	}

	@AfterEach
	public void closeFiller() {
		if (filler != null) filler.close();
	}

	// -- The filler's self-description --

	@Test
	public void describesItself() {
		assertTrue(filler.tileMultiple() >= 1);
		assertTrue(filler.preferredTileSize() >= filler.tileMultiple());
		assertEquals(0, filler.preferredTileSize() % filler.tileMultiple());
		assertTrue(filler.maxJointChannels() >= 1);
		assertFalse(filler.identity() == null || filler.identity().trim().isEmpty());
	}

	// -- Every pixel type --

	@Test
	public void unsignedByte() {
		checkType(new UnsignedByteType(), 20, 200);
	}

	@Test
	public void unsignedShort() {
		checkType(new UnsignedShortType(), 1000, 60000);
	}

	@Test
	public void signedShort() {
		checkType(new ShortType(), -20000, 30000);
	}

	@Test
	public void signedInt() {
		checkType(new IntType(), -2_000_000, 3_000_000);
	}

	@Test
	public void floatWithNegativesAndNaNOutsideTheMask() {
		final int w = 80, h = 60;
		final Img<FloatType> image = image(new FloatType(), w, h, 1, (x, y, c) -> -5 + 10 * smooth(
			x, y, c));
		final Img<BitType> mask = mask(w, h, (x, y) -> blob(x, y, 40, 30, 9) || x >= 5 && x < 15 &&
			y == 50);
		// NaN and infinite pixels in the context: not masked, so they must come out as they went in.
		final RandomAccess<FloatType> ra = image.randomAccess();
		for (final int[] p : new int[][] { { 30, 30 }, { 52, 28 }, { 0, 0 }, { 79, 59 }, { 10,
			49 } })
		{
			ra.setPosition(p[0], 0);
			ra.setPosition(p[1], 1);
			ra.get().set(Float.NaN);
		}
		ra.setPosition(41, 0);
		ra.setPosition(18, 1);
		ra.get().set(Float.intBitsToFloat(0x7fc00123)); // a NaN with a payload
		ra.setPosition(60, 0);
		ra.get().set(Float.NEGATIVE_INFINITY);
		checkContract(image, mask, settings());
	}

	@Test
	public void doubleType() {
		checkType(new DoubleType(), -1e-3, 2e-3);
	}

	@Test
	public void threeChannels() {
		final int w = 70, h = 50;
		final Img<UnsignedByteType> image = image(new UnsignedByteType(), w, h, 3, (x, y,
			c) -> 255 * smooth(x, y, c));
		final Img<BitType> mask = mask(w, h, (x, y) -> blob(x, y, 30, 25, 8) || x == 69);
		checkContract(image, mask, settings());
		checkContract(image, mask, settings().withJointChannels(true));
	}

	// -- Mask and image geometry --

	@Test
	public void masksTouchingEveryBorderAndCorner() {
		final int w = 90, h = 70;
		final Img<FloatType> image = image(new FloatType(), w, h, 1, (x, y, c) -> 100 * smooth(x, y,
			c));
		final Img<BitType> mask = mask(w, h, (x, y) -> (x < 4 || x >= w - 4) && (y < 4 ||
			y >= h - 4) || x == 0 && y > 20 && y < 50 || y == h - 1 && x > 30 && x < 60 || y == 0 &&
				x > 40 && x < 45 || x > w - 3 && y > 30 && y < 34);
		checkContract(image, mask, settings());
	}

	@Test
	public void singlePixelMasks() {
		final int w = 64, h = 40;
		final Img<UnsignedShortType> image = image(new UnsignedShortType(), w, h, 1, (x, y,
			c) -> 30000 * smooth(x, y, c));
		checkContract(image, mask(w, h, (x, y) -> x == 33 && y == 17), settings());
		checkContract(image, mask(w, h, (x, y) -> x == 0 && y == 0), settings());
		checkContract(image, mask(w, h, (x, y) -> x == w - 1 && y == h - 1), settings());
	}

	@Test
	public void fillStaysWithinTheKnownRange() {
		// a ridge whose crest lies in the hole: a biharmonic fill (or a network) continuing both
		// slopes would rise above every known value; the shared tile loop clips it
		final int w = 64, h = 24;
		final Img<FloatType> image = image(new FloatType(), w, h, 1, (x, y, c) -> 1 - Math.abs(x -
			31.5) / 32);
		final Img<BitType> mask = mask(w, h, (x, y) -> x >= 24 && x < 40);
		final Img<FloatType> out = checkContract(image, mask, settings());
		final float knownMax = (float) (1 - 8.5 / 32), knownMin = (float) (1 - 31.5 / 32);
		final Cursor<FloatType> c = out.localizingCursor();
		while (c.hasNext()) {
			final float v = c.next().get();
			final int x = c.getIntPosition(0);
			if (x < 24 || x >= 40) continue;
			assertTrue(v <= knownMax + 1e-5f && v >= knownMin - 1e-5f, "outside the known range at " +
				x + ": " + v);
		}
	}

	@Test
	public void imageSmallerThanOneTile() {
		final int w = 20, h = 13;
		final Img<FloatType> image = image(new FloatType(), w, h, 1, (x, y, c) -> smooth(x, y, c));
		checkContract(image, mask(w, h, (x, y) -> blob(x, y, 9, 6, 3)), settings());
		checkContract(image, mask(w, h, (x, y) -> x < 3), settings());
	}

	@Test
	public void sizeNotAMultipleOf16() {
		final int w = 300, h = 170;
		final Img<ShortType> image = image(new ShortType(), w, h, 1, (x, y, c) -> -1000 + 3000 *
			smooth(x, y, c));
		final Img<BitType> mask = mask(w, h, (x, y) -> blob(x, y, 295, 165, 7) || blob(x, y, 150, 80,
			12) || x > 20 && x < 25 && y > 160);
		checkContract(image, mask, settings());
	}

	@Test
	public void largeRegionSpanningSeveralTiles() {
		final int w = 700, h = 300;
		final int bx0 = 100, by0 = 120, bx1 = 600, by1 = 180;
		final Img<FloatType> image = image(new FloatType(), w, h, 1, (x, y, c) -> 1000 * lowFrequency(
			x, y));
		final Img<BitType> mask = mask(w, h, (x, y) -> x >= bx0 && x < bx1 && y >= by0 && y < by1);
		final int tile = Math.max(filler.tileMultiple(), 128 / filler.tileMultiple() * filler
			.tileMultiple());
		final InpaintSettings tiled = settings().withTileSize(tile).withOverlap(32);
		final AtomicInteger reports = new AtomicInteger();
		final Progress counting = progress(reports, Integer.MAX_VALUE);
		final Img<FloatType> out = checkContract(image, mask, tiled, counting);
		// "Pipeline: start + one report per tile + done": more than 3 means the band was tiled.
		assertTrue(reports.get() > 3, "expected several tiles, got " + reports.get() + " reports");
		assertTrue(meanAbsErrorInHole(image, mask, out) < smoothFillTolerance() * 1000,
			"tiled fill of a smooth image is too far off");
	}

	// -- Cancellation and user errors --

	@Test
	public void cancellationIsHonoured() {
		final int w = 120, h = 90;
		final Img<UnsignedByteType> image = image(new UnsignedByteType(), w, h, 1, (x, y,
			c) -> 255 * smooth(x, y, c));
		final Img<BitType> mask = mask(w, h, (x, y) -> blob(x, y, 60, 45, 20));
		final long before = checksum(image);
		final AtomicInteger reports = new AtomicInteger();
		assertThrows(InpaintCancelledException.class, () -> Inpainting.inpaint(image, mask, filler,
			settings(), progress(reports, 1)));
		assertEquals(before, checksum(image), "input was written to");
	}

	@Test
	public void emptyMaskIsAUserError() {
		final Img<FloatType> image = image(new FloatType(), 30, 20, 1, (x, y, c) -> smooth(x, y, c));
		final InpaintException e = assertThrows(InpaintException.class, () -> Inpainting.inpaint(
			image, mask(30, 20, (x, y) -> false), filler, settings(), Progress.NONE));
		assertTrue(e.getMessage().toLowerCase().contains("empty"), e.getMessage());
	}

	@Test
	public void fullMaskIsAUserError() {
		final Img<FloatType> image = image(new FloatType(), 30, 20, 1, (x, y, c) -> smooth(x, y, c));
		final InpaintException e = assertThrows(InpaintException.class, () -> Inpainting.inpaint(
			image, mask(30, 20, (x, y) -> true), filler, settings(), Progress.NONE));
		assertTrue(e.getMessage().toLowerCase().contains("whole image"), e.getMessage());
	}

	@Test
	public void maskOfAnotherSizeIsAUserError() {
		final Img<FloatType> image = image(new FloatType(), 30, 20, 1, (x, y, c) -> smooth(x, y, c));
		assertThrows(InpaintException.class, () -> Inpainting.inpaint(image, mask(31, 20, (x,
			y) -> x == 3), filler, settings(), Progress.NONE));
	}

	// -- Quality on easy input --

	@Test
	public void smoothImageIsFilledWell() {
		final int w = 128, h = 96;
		final Img<FloatType> image = image(new FloatType(), w, h, 1, (x, y, c) -> lowFrequency(x,
			y));
		final Img<BitType> mask = mask(w, h, (x, y) -> blob(x, y, 50, 40, 14) || x >= 85 &&
			x < 100 && y >= 20 && y < 80);
		final Img<FloatType> out = checkContract(image, mask, settings());
		final double error = meanAbsErrorInHole(image, mask, out);
		assertTrue(error < smoothFillTolerance(), "mean abs error " + error + " of range 1");
	}

	@Test
	public void linearRampIsFilledWell() {
		final int w = 100, h = 80;
		final Img<UnsignedShortType> image = image(new UnsignedShortType(), w, h, 1, (x, y,
			c) -> 100 + 600 * x + 100 * y);
		final Img<BitType> mask = mask(w, h, (x, y) -> blob(x, y, 45, 40, 16));
		final Img<UnsignedShortType> out = checkContract(image, mask, settings());
		final double range = 600 * (w - 1) + 100 * (h - 1);
		final double error = meanAbsErrorInHole(image, mask, out) / range;
		assertTrue(error < smoothFillTolerance(), "mean abs error " + error + " of the range");
	}

	// -- Helpers --

	/** A value per pixel and channel. */
	protected interface Field {

		double at(int x, int y, int c);
	}

	protected interface Shape {

		boolean contains(int x, int y);
	}

	/** A smooth field in [0, 1] plus a little deterministic texture, different per channel. */
	protected static double smooth(final int x, final int y, final int c) {
		final double base = 0.5 + 0.3 * Math.sin(0.07 * x + 0.9 * c) * Math.cos(0.05 * y - 0.4 * c);
		final int hash = (x * 73856093) ^ (y * 19349663) ^ (c * 83492791);
		return base + 0.04 * ((hash & 0xff) / 255.0 - 0.5);
	}

	/** A low-frequency field in [0, 1] without texture. */
	protected static double lowFrequency(final int x, final int y) {
		return 0.5 + 0.25 * Math.sin(0.03 * x + 0.3) + 0.2 * Math.cos(0.025 * y - 0.2);
	}

	protected static boolean blob(final int x, final int y, final int cx, final int cy,
		final int r)
	{
		return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
	}

	protected static <T extends RealType<T> & NativeType<T>> Img<T> image(final T type,
		final int w, final int h, final int channels, final Field f)
	{
		final Img<T> img = channels == 1 ? new ArrayImgFactory<>(type).create(w, h)
			: new ArrayImgFactory<>(type).create(w, h, channels);
		final Cursor<T> c = img.localizingCursor();
		while (c.hasNext()) {
			final T t = c.next();
			final int ch = channels == 1 ? 0 : c.getIntPosition(2);
			double v = f.at(c.getIntPosition(0), c.getIntPosition(1), ch);
			if (t instanceof IntegerType) v = Math.rint(v);
			t.setReal(Math.max(t.getMinValue(), Math.min(t.getMaxValue(), v)));
		}
		return img;
	}

	protected static Img<BitType> mask(final int w, final int h, final Shape s) {
		final Img<BitType> m = ArrayImgs.bits(w, h);
		final Cursor<BitType> c = m.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.get().set(s.contains(c.getIntPosition(0), c.getIntPosition(1)));
		}
		return m;
	}

	/** Reports are counted; cancelled once {@code cancelAfter} reports have been seen. */
	private static Progress progress(final AtomicInteger reports, final int cancelAfter) {
		return new Progress() {

			@Override
			public void report(final double fraction, final String message) {
				assertTrue(fraction >= 0 && fraction <= 1, "fraction " + fraction);
				reports.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return reports.get() >= cancelAfter;
			}
		};
	}

	private <T extends RealType<T> & NativeType<T>> void checkType(final T type, final double low,
		final double high)
	{
		final int w = 64, h = 48;
		final Img<T> image = image(type, w, h, 1, (x, y, c) -> low + (high - low) * smooth(x, y,
			c));
		final Img<BitType> mask = mask(w, h, (x, y) -> blob(x, y, 30, 22, 7) || y == 40 && x > 10 &&
			x < 50);
		checkContract(image, mask, settings());
	}

	protected <T extends RealType<T> & NativeType<T>> Img<T> checkContract(final Img<T> image,
		final RandomAccessibleInterval<BitType> mask, final InpaintSettings s)
	{
		return checkContract(image, mask, s, Progress.NONE);
	}

	/** Runs the pipeline and checks everything that must hold for any input. */
	protected <T extends RealType<T> & NativeType<T>> Img<T> checkContract(final Img<T> image,
		final RandomAccessibleInterval<BitType> mask, final InpaintSettings s,
		final Progress progress)
	{
		final long before = checksum(image);
		final Img<T> out = Inpainting.inpaint(image, mask, filler, s, progress);
		assertEquals(before, checksum(image), "input was written to");
		assertEquals(image.numDimensions(), out.numDimensions());
		for (int d = 0; d < image.numDimensions(); d++)
			assertEquals(image.dimension(d), out.dimension(d), "size of dimension " + d);
		assertEquals(image.firstElement().getClass(), out.firstElement().getClass());
		final Cursor<T> in = Views.flatIterable(image).localizingCursor();
		final Cursor<T> o = Views.flatIterable(out).cursor();
		final RandomAccess<BitType> m = mask.randomAccess();
		while (in.hasNext()) {
			final T a = in.next();
			final T b = o.next();
			m.setPosition(in.getIntPosition(0), 0);
			m.setPosition(in.getIntPosition(1), 1);
			if (!m.get().get()) {
				assertEquals(raw(a), raw(b), () -> "pixel outside the mask changed at " + position(
					in) + ": " + a + " -> " + b);
				continue;
			}
			final double v = b.getRealDouble();
			assertTrue(Double.isFinite(v), () -> "not finite at " + position(in));
			assertTrue(v >= b.getMinValue() && v <= b.getMaxValue(), () -> "out of range at " +
				position(in) + ": " + v);
		}
		return out;
	}

	private static String position(final Cursor<?> c) {
		final StringBuilder sb = new StringBuilder("(");
		for (int d = 0; d < c.numDimensions(); d++)
			sb.append(d > 0 ? ", " : "").append(c.getIntPosition(d));
		return sb.append(')').toString();
	}

	/** The stored bits of a pixel: NaN payloads and -0.0 count. */
	private static long raw(final RealType<?> t) {
		if (t instanceof FloatType) return Float.floatToRawIntBits(((FloatType) t).get());
		if (t instanceof DoubleType) return Double.doubleToRawLongBits(((DoubleType) t).get());
		if (t instanceof IntegerType) return ((IntegerType<?>) t).getIntegerLong();
		return Double.doubleToRawLongBits(t.getRealDouble());
	}

	private static long checksum(final RandomAccessibleInterval<? extends RealType<?>> img) {
		long sum = 17;
		for (final RealType<?> t : Views.flatIterable(img))
			sum = sum * 31 + raw(t);
		return sum;
	}

	private static <T extends RealType<T>> double meanAbsErrorInHole(final Img<T> truth,
		final RandomAccessibleInterval<BitType> mask, final Img<T> out)
	{
		final Cursor<T> a = Views.flatIterable(truth).localizingCursor();
		final Cursor<T> b = Views.flatIterable(out).cursor();
		final RandomAccess<BitType> m = mask.randomAccess();
		double sum = 0;
		long n = 0;
		while (a.hasNext()) {
			a.fwd();
			b.fwd();
			m.setPosition(a.getIntPosition(0), 0);
			m.setPosition(a.getIntPosition(1), 1);
			if (!m.get().get()) continue;
			sum += Math.abs(a.get().getRealDouble() - b.get().getRealDouble());
			n++;
		}
		return sum / Math.max(1, n);
	}
}
