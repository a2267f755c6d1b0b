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
package io.github.gsinpaint.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.PointRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.core.InpaintException;
import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

class MaskBuilderTest {

	@Test
	void bitLayoutMatchesImgLib2() {
		final ArrayImg<BitType, LongArray> m = MaskBuilder.fromRoi(new Roi(3, 5, 70, 2), 100, 40);
		final RandomAccess<BitType> ra = m.randomAccess();
		for (int y = 0; y < 40; y++)
			for (int x = 0; x < 100; x++) {
				ra.setPosition(new int[] { x, y });
				final boolean expected = x >= 3 && x < 73 && y >= 5 && y < 7;
				assertEquals(expected, ra.get().get(), x + "," + y);
				assertEquals(expected, MaskBuilder.get(m, x, y));
			}
		assertEquals(140, MaskBuilder.count(m));
	}

	@Test
	void ovalAndPolygonFollowContains() {
		for (final Roi roi : new Roi[] { new OvalRoi(10, 12, 23, 17), new PolygonRoi(new int[] { 5,
			40, 20 }, new int[] { 5, 10, 35 }, 3, Roi.POLYGON) })
		{
			final ArrayImg<BitType, LongArray> m = MaskBuilder.fromRoi(roi, 50, 50);
			final ByteProcessor ref = new ByteProcessor(50, 50);
			ref.setColor(255);
			ref.fill(roi);
			for (int y = 0; y < 50; y++)
				for (int x = 0; x < 50; x++)
					assertEquals(ref.get(x, y) != 0, MaskBuilder.get(m, x, y), roi + " " + x + "," + y);
		}
	}

	@Test
	void compositeSelectionIsTheUnion() {
		final ShapeRoi a = new ShapeRoi(new Roi(2, 2, 5, 5));
		final ShapeRoi b = new ShapeRoi(new Roi(20, 20, 4, 3));
		final Roi both = a.or(b);
		final ArrayImg<BitType, LongArray> m = MaskBuilder.fromRoi(both, 40, 40);
		assertEquals(25 + 12, MaskBuilder.count(m));
		assertTrue(MaskBuilder.get(m, 2, 2));
		assertTrue(MaskBuilder.get(m, 23, 22));
		assertFalse(MaskBuilder.get(m, 10, 10));
	}

	@Test
	void linesThinAndWide() {
		final Line thin = new Line(5, 20, 45, 20);
		final ArrayImg<BitType, LongArray> m1 = MaskBuilder.fromRoi(thin, 60, 40);
		assertTrue(MaskBuilder.get(m1, 25, 20));
		assertFalse(MaskBuilder.get(m1, 25, 22));
		assertTrue(MaskBuilder.count(m1) >= 40 && MaskBuilder.count(m1) <= 42);

		final Line wide = new Line(5, 20, 45, 20);
		wide.setStrokeWidth(7);
		final ArrayImg<BitType, LongArray> m7 = MaskBuilder.fromRoi(wide, 60, 40);
		assertTrue(MaskBuilder.get(m7, 25, 20));
		assertTrue(MaskBuilder.get(m7, 25, 18));
		assertTrue(MaskBuilder.get(m7, 25, 22));
		assertFalse(MaskBuilder.get(m7, 25, 26));
		assertFalse(MaskBuilder.get(m7, 25, 14));
		assertTrue(MaskBuilder.count(m7) >= 6 * 40, "count " + MaskBuilder.count(m7));

		final PolygonRoi polyline = new PolygonRoi(new int[] { 5, 30, 30 }, new int[] { 5, 5, 30 },
			3, Roi.POLYLINE);
		polyline.setStrokeWidth(3);
		final ArrayImg<BitType, LongArray> mp = MaskBuilder.fromRoi(polyline, 40, 40);
		assertTrue(MaskBuilder.get(mp, 15, 5));
		assertTrue(MaskBuilder.get(mp, 30, 20));
		assertFalse(MaskBuilder.get(mp, 15, 20));
	}

	@Test
	void pointsArePixels() {
		final PointRoi p = new PointRoi(new int[] { 3, 10 }, new int[] { 4, 11 }, 2);
		final ArrayImg<BitType, LongArray> m = MaskBuilder.fromRoi(p, 20, 20);
		assertEquals(2, MaskBuilder.count(m));
		assertTrue(MaskBuilder.get(m, 3, 4));
		assertTrue(MaskBuilder.get(m, 10, 11));
	}

	@Test
	void selectionsAreClippedAndChecked() {
		final ArrayImg<BitType, LongArray> m = MaskBuilder.fromRoi(new Roi(-5, -5, 10, 10), 20, 20);
		assertEquals(25, MaskBuilder.count(m));
		final InpaintException outside = assertThrows(InpaintException.class, () -> MaskBuilder
			.fromRoi(new Roi(30, 30, 5, 5), 20, 20));
		assertTrue(outside.getMessage().contains("outside"));
		final InpaintException none = assertThrows(InpaintException.class, () -> MaskBuilder
			.fromRoi(null, 20, 20));
		assertTrue(none.getMessage().contains("no selection"));
	}

	/** A level the type cannot reach matches nothing, RGB as 8-bit; whole-number pixels exactly. */
	@Test
	void saturationLevelsOutsideTheTypeOrBetweenWholeValues() {
		final ColorProcessor cp = new ColorProcessor(2, 1);
		cp.set(0, 0xffffffff);
		final ByteProcessor bp = new ByteProcessor(2, 1);
		bp.set(0, 255);
		assertEquals(0, MaskBuilder.count(MaskBuilder.saturated(bp, 300)));
		assertEquals(0, MaskBuilder.count(MaskBuilder.saturated(cp, 300)));
		assertEquals(1, MaskBuilder.count(MaskBuilder.saturated(cp, 254.5)));
		final ShortProcessor sp = new ShortProcessor(2, 1);
		sp.set(0, 65535);
		sp.set(1, 4095);
		assertEquals(0, MaskBuilder.count(MaskBuilder.saturated(sp, 65535.001)));
		assertEquals(1, MaskBuilder.count(MaskBuilder.saturated(sp, 4095.0001)));
		assertEquals(2, MaskBuilder.count(MaskBuilder.saturated(sp, 4094.5)));
		assertThrows(InpaintException.class, () -> MaskBuilder.saturated(new FloatProcessor(2, 1),
			Double.NaN));
	}

	@Test
	void valueMasks() {
		final FloatProcessor fp = new FloatProcessor(4, 3);
		fp.setf(1, 1, Float.NaN);
		fp.setf(2, 2, 7.5f);
		assertEquals(1, MaskBuilder.count(MaskBuilder.nan(fp)));
		assertTrue(MaskBuilder.get(MaskBuilder.nan(fp), 1, 1));
		assertEquals(1, MaskBuilder.count(MaskBuilder.equalTo(fp, 7.5)));
		assertThrows(InpaintException.class, () -> MaskBuilder.saturated(fp));

		final ShortProcessor sp = new ShortProcessor(4, 3);
		sp.set(0, 0, 65535);
		sp.set(3, 2, 4095);
		assertEquals(1, MaskBuilder.count(MaskBuilder.saturated(sp)));
		assertEquals(1, MaskBuilder.count(MaskBuilder.equalTo(sp, 4095)));
		assertEquals(0, MaskBuilder.count(MaskBuilder.nan(sp)));
		assertEquals(2, MaskBuilder.count(MaskBuilder.nonZero(sp)));

		final ByteProcessor bp = new ByteProcessor(4, 3);
		bp.set(2, 1, 255);
		assertTrue(MaskBuilder.get(MaskBuilder.saturated(bp), 2, 1));
		assertEquals(1, MaskBuilder.count(MaskBuilder.saturated(bp)));

		final ColorProcessor cp = new ColorProcessor(4, 3);
		cp.set(0, 0, 0xffffff);
		cp.set(1, 0, 0xff0000);
		cp.set(2, 0, 0x102030);
		assertEquals(2, MaskBuilder.count(MaskBuilder.saturated(cp)));
		assertEquals(1, MaskBuilder.count(MaskBuilder.equalTo(cp, 255)));
		assertEquals(3, MaskBuilder.count(MaskBuilder.nonZero(cp)));
	}

	@Test
	void dilationShapes() {
		final ArrayImg<BitType, LongArray> one = MaskBuilder.fromRoi(new PointRoi(10, 10), 21, 21);
		assertSame(one, MaskBuilder.dilate(one, 0, "disk"));
		assertEquals(13, MaskBuilder.count(MaskBuilder.dilate(one, 2, "disk")));
		assertEquals(25, MaskBuilder.count(MaskBuilder.dilate(one, 2, "square")));
		assertEquals(29, MaskBuilder.count(MaskBuilder.dilate(one, 3, "disk")));
		final ArrayImg<BitType, LongArray> corner = MaskBuilder.fromRoi(new PointRoi(0, 0), 21, 21);
		assertEquals(9, MaskBuilder.count(MaskBuilder.dilate(corner, 2, "square")));
		assertThrows(InpaintException.class, () -> MaskBuilder.dilate(one, 1, "star"));
		assertThrows(InpaintException.class, () -> MaskBuilder.dilate(one, -1, "disk"));
	}

	@Test
	void dilationMatchesBruteForce() {
		final Random rnd = new Random(3);
		final int w = 67, h = 45;
		for (final String shape : new String[] { "disk", "square" }) {
			for (final int r : new int[] { 1, 2, 4, 7 }) {
				final ArrayImg<BitType, LongArray> m = ArrayImgs.bits(w, h);
				final RandomAccess<BitType> ra = m.randomAccess();
				for (int k = 0; k < 30; k++) {
					ra.setPosition(new int[] { rnd.nextInt(w), rnd.nextInt(h) });
					ra.get().set(true);
				}
				final ArrayImg<BitType, LongArray> d = MaskBuilder.dilate(m, r, shape);
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++) {
						boolean expected = false;
						for (int dy = -r; dy <= r && !expected; dy++)
							for (int dx = -r; dx <= r && !expected; dx++) {
								final int sx = x + dx, sy = y + dy;
								if (sx < 0 || sy < 0 || sx >= w || sy >= h) continue;
								if (shape.equals("disk") && dx * dx + dy * dy > r * r) continue;
								expected = MaskBuilder.get(m, sx, sy);
							}
						assertEquals(expected, MaskBuilder.get(d, x, y), shape + " r=" + r + " at " + x +
							"," + y);
					}
			}
		}
	}
}
