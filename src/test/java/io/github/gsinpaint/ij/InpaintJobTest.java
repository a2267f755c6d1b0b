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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.IndexColorModel;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.Progress;

/** The shared job on every image kind, with the classical method (no native engine needed). */
class InpaintJobTest {

	private static InpaintOptions harmonic() {
		return InpaintOptions.defaults().withMethod("harmonic");
	}

	private static ImagePlus run(final InpaintOptions o, final ImagePlus imp) {
		return new InpaintJob(o).run(imp, Progress.NONE);
	}

	private static ImageProcessor smooth(final ImageProcessor ip, final long seed) {
		final Random rnd = new Random(seed);
		for (int y = 0; y < ip.getHeight(); y++)
			for (int x = 0; x < ip.getWidth(); x++)
				ip.putPixelValue(x, y, 40 + x + 0.5 * y + rnd.nextInt(3));
		return ip;
	}

	private static Object copy(final ImageProcessor ip) {
		return ip.duplicate().getPixels();
	}

	/** Pixels differ only inside {@code roi}; the input is unchanged. */
	private static void assertOnlyInside(final ImagePlus in, final Object[] before,
		final ImagePlus out, final Roi roi, final int[] changedPlanes)
	{
		assertEquals(in.getStackSize(), out.getStackSize());
		for (int p = 1; p <= in.getStackSize(); p++) {
			final ImageProcessor a = in.getStack().getProcessor(p);
			assertPixelsEqual(before[p - 1], a.getPixels());
			final ImageProcessor b = out.getStack().getProcessor(p);
			boolean chosen = false;
			for (final int c : changedPlanes)
				chosen |= c == p;
			int changed = 0;
			for (int y = 0; y < a.getHeight(); y++)
				for (int x = 0; x < a.getWidth(); x++) {
					final boolean inside = roi.contains(x, y);
					final boolean same = a instanceof ColorProcessor ? ((int[]) a.getPixels())[y * a
						.getWidth() + x] == ((int[]) b.getPixels())[y * b.getWidth() + x] : a.getPixel(x,
							y) == b.getPixel(x, y);
					if (!inside || !chosen) assertTrue(same, a.getClass().getSimpleName() + " plane " + p + " pixel " + x + "," + y + ": " + a.getPixel(x, y) + " vs " + b.getPixel(x, y));
					else if (!same) changed++;
				}
			if (chosen) assertTrue(changed > 0, "plane " + p + " was not repaired");
		}
	}

	private static void assertPixelsEqual(final Object a, final Object b) {
		if (a instanceof byte[]) assertArrayEquals((byte[]) a, (byte[]) b);
		else if (a instanceof short[]) assertArrayEquals((short[]) a, (short[]) b);
		else if (a instanceof float[]) assertArrayEquals((float[]) a, (float[]) b);
		else assertArrayEquals((int[]) a, (int[]) b);
	}

	private static Object[] snapshot(final ImagePlus imp) {
		final Object[] s = new Object[imp.getStackSize()];
		for (int p = 1; p <= s.length; p++)
			s[p - 1] = copy(imp.getStack().getProcessor(p));
		return s;
	}

	@Test
	void everyPlaneTypeWithASelection() {
		final ImageProcessor[] kinds = { new ByteProcessor(64, 48), new ShortProcessor(64, 48),
			new FloatProcessor(64, 48), new ColorProcessor(64, 48) };
		for (final ImageProcessor ip : kinds) {
			final ImagePlus imp = new ImagePlus("kind.tif", smooth(ip, 1));
			imp.getCalibration().pixelWidth = 0.25;
			imp.getCalibration().setUnit("mm");
			imp.setProperty("Info", "acquired today");
			// the image's own damage: a bright blob inside the selection
			for (int y = 20; y < 26; y++)
				for (int x = 30; x < 36; x++)
					ip.putPixelValue(x, y, 250);
			final Roi roi = new OvalRoi(27, 17, 12, 12);
			imp.setRoi(roi);
			final Object[] before = snapshot(imp);
			final ImagePlus out = run(harmonic(), imp);
			assertEquals("kind-inpainted", out.getTitle());
			assertEquals(imp.getType(), out.getType());
			assertEquals(0.25, out.getCalibration().pixelWidth);
			assertEquals("mm", out.getCalibration().getUnit());
			assertTrue(out.getInfoProperty().startsWith("acquired today"));
			assertTrue(out.getInfoProperty().contains("harmonic"), out.getInfoProperty());
			assertTrue(out.getInfoProperty().contains("mask_source=[selection]"));
			assertNull(out.getOverlay(), "no outline unless asked for");
			assertOnlyInside(imp, before, out, roi, new int[] { 1 });
			// the blob is gone
			assertTrue(out.getProcessor().getPixelValue(32, 22) < 200, ip.getClass().getSimpleName());
		}
	}

	/**
	 * All 32 bits of an RGB pixel outside the mask come back, and the top byte inside too: it was
	 * zeroed on every repaired plane (ImageJ's own readers set it to 0xff).
	 */
	@Test
	void rgbKeepsTheTopByte() {
		final ColorProcessor cp = new ColorProcessor(60, 50);
		final int[] px = (int[]) cp.getPixels();
		final Random rnd = new Random(7);
		final int[] tops = { 0x00, 0xff, 0x80, 0x01, 0x7f };
		for (int i = 0; i < px.length; i++)
			px[i] = tops[i % tops.length] << 24 | 0x406080 + rnd.nextInt(8) * 0x010101;
		final ImagePlus imp = new ImagePlus("alpha", cp);
		final Roi roi = new OvalRoi(20, 15, 14, 12);
		imp.setRoi(roi);
		final int[] before = px.clone();
		final int[] after = (int[]) run(harmonic(), imp).getProcessor().getPixels();
		assertArrayEquals(before, px, "the input is unchanged");
		int inside = 0;
		for (int y = 0; y < 50; y++)
			for (int x = 0; x < 60; x++) {
				final int i = y * 60 + x;
				if (!roi.contains(x, y)) assertEquals(before[i], after[i], "pixel " + x + "," + y);
				else {
					assertEquals(before[i] >>> 24, after[i] >>> 24, "top byte at " + x + "," + y);
					inside++;
				}
			}
		assertTrue(inside > 100);
	}

	@Test
	void wideLineSelection() {
		final ImagePlus imp = new ImagePlus("line", smooth(new ByteProcessor(80, 60), 2));
		final Line line = new Line(10, 30, 70, 30);
		line.setStrokeWidth(5);
		imp.setRoi(line);
		final Object[] before = snapshot(imp);
		final ImagePlus out = run(harmonic(), imp);
		assertOnlyInside(imp, before, out, Roi.convertLineToArea(line), new int[] { 1 });
	}

	private static ImagePlus hyperstack() {
		final ImageStack stack = new ImageStack(48, 40);
		for (int i = 0; i < 2 * 3 * 2; i++)
			stack.addSlice("p" + i, smooth(new ShortProcessor(48, 40), i));
		final ImagePlus imp = new ImagePlus("hyper.tif", stack);
		imp.setDimensions(2, 3, 2);
		imp.setOpenAsHyperStack(true);
		final CompositeImage ci = new CompositeImage(imp, CompositeImage.COMPOSITE);
		return ci;
	}

	@Test
	void hyperstackAllPlanesCurrentPlaneAndCurrentChannel() {
		final ImagePlus imp = hyperstack();
		final Roi roi = new Roi(10, 10, 8, 6);
		imp.setRoi(roi);
		final Object[] before = snapshot(imp);

		final ImagePlus out = run(harmonic().withPlanes(InpaintOptions.ALL_PLANES), imp);
		assertTrue(out.isComposite());
		assertEquals(2, out.getNChannels());
		assertEquals(3, out.getNSlices());
		assertEquals(2, out.getNFrames());
		final int[] every = new int[12];
		for (int i = 0; i < 12; i++)
			every[i] = i + 1;
		assertOnlyInside(imp, before, out, roi, every);

		imp.setPositionWithoutUpdate(2, 2, 1);
		final ImagePlus one = run(harmonic().withPlanes(InpaintOptions.CURRENT_PLANE), imp);
		assertOnlyInside(imp, before, one, roi, new int[] { imp.getStackIndex(2, 2, 1) });

		final ImagePlus ch = run(harmonic().withPlanes(InpaintOptions.CURRENT_CHANNEL), imp);
		final int[] ch2 = new int[6];
		int k = 0;
		for (int t = 1; t <= 2; t++)
			for (int z = 1; z <= 3; z++)
				ch2[k++] = imp.getStackIndex(2, z, t);
		assertOnlyInside(imp, before, ch, roi, ch2);
	}

	@Test
	void nanMasksArePerPlane() {
		final ImageStack stack = new ImageStack(40, 30);
		for (int i = 0; i < 3; i++)
			stack.addSlice(smooth(new FloatProcessor(40, 30), i));
		stack.getProcessor(1).setf(5, 5, Float.NaN);
		stack.getProcessor(3).setf(20, 20, Float.NaN);
		stack.getProcessor(3).setf(21, 20, Float.NaN);
		final ImagePlus imp = new ImagePlus("nan", stack);
		final Object[] before = snapshot(imp);
		final ImagePlus out = run(harmonic().withMaskSource(InpaintOptions.NAN).withPlanes(
			InpaintOptions.ALL_PLANES).withOutline(true), imp);
		for (int p = 1; p <= 3; p++) {
			assertPixelsEqual(before[p - 1], imp.getStack().getProcessor(p).getPixels());
			final float[] a = (float[]) before[p - 1];
			final float[] b = (float[]) out.getStack().getProcessor(p).getPixels();
			for (int i = 0; i < a.length; i++) {
				assertTrue(Float.isFinite(b[i]));
				if (!Float.isNaN(a[i])) assertEquals(Float.floatToRawIntBits(a[i]), Float
					.floatToRawIntBits(b[i]), "plane " + p + " index " + i);
			}
		}
		assertTrue(out.getInfoProperty().contains("(2 of 3 repaired)"), out.getInfoProperty());
		assertEquals(2, out.getOverlay().size()); // one outline per repaired plane
	}

	@Test
	void saturatedValueAndMaskImageWithDilation() {
		final ImagePlus imp = new ImagePlus("sat", smooth(new ByteProcessor(50, 40), 4));
		imp.getProcessor().set(25, 20, 255);
		final Object[] before = snapshot(imp);
		final ImagePlus out = run(harmonic().withMaskSource(InpaintOptions.SATURATED).withDilation(1)
			.withShape("square"), imp);
		assertOnlyInside(imp, before, out, new Roi(24, 19, 3, 3), new int[] { 1 });

		assertOnlyInside(imp, before, run(harmonic().withMaskSource(InpaintOptions.VALUE).withValue(
			255), imp), new Roi(25, 20, 1, 1),
			new int[] { 1 });

		final ByteProcessor m = new ByteProcessor(50, 40);
		m.setRoi(new Roi(5, 6, 4, 3));
		m.setValue(1);
		m.fill();
		final InpaintJob mi = new InpaintJob(harmonic().withMaskSource(InpaintOptions.MASK_IMAGE),
			new ImagePlus("mask", m), null);
		assertOnlyInside(imp, before, mi.run(imp, Progress.NONE), new Roi(5, 6, 4, 3), new int[] {
			1 });
	}

	@Test
	void valueIsTheCalibratedValueImageJShows() {
		// a 16-bit camera image calibrated as value = 5 + 0.2 x raw: raw 0 shows as 5
		final ImagePlus imp = new ImagePlus("cal", smooth(new ShortProcessor(40, 30), 7));
		imp.getProcessor().set(10, 10, 0);
		imp.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] { 5, 0.2 },
			"Gray Value");
		final Object[] before = snapshot(imp);
		assertOnlyInside(imp, before, run(harmonic().withMaskSource(InpaintOptions.VALUE).withValue(5),
			imp), new Roi(10, 10, 1, 1), new int[] { 1 });
		// a value no raw pixel shows is said with the raw value it stands for
		assertMessage(harmonic().withMaskSource(InpaintOptions.VALUE).withValue(5.1), imp,
			"No pixel equals 5.1 (raw 0.5)");
		// (25 - 5) / 0.2 is 100.00000000000001 in doubles: still the level 100
		imp.getProcessor().set(20, 12, 100);
		assertEquals(100, PlaneMasks.rawValue(imp, 25));
		assertOnlyInside(imp, snapshot(imp), run(harmonic().withMaskSource(InpaintOptions.VALUE)
			.withValue(25), imp), new Roi(20, 12, 1, 1), new int[] { 1 });
		// ImageJ shows a level rounded: an 8-bit image calibrated 0..1 shows raw 100 as 0.3922
		// (100 / 255 = 0.392157...), which was refused as "raw 100.011"
		final ImagePlus od = new ImagePlus("od", smooth(new ByteProcessor(40, 30), 5));
		od.getCalibration().setFunction(Calibration.STRAIGHT_LINE, new double[] { 0, 1 / 255.0 },
			"OD");
		assertEquals(100, PlaneMasks.rawValue(od, 0.3922));
		assertEquals(100, PlaneMasks.rawValue(od, 0.392));
		assertTrue(PlaneMasks.rawValue(od, 0.3935) % 1 != 0, "half-way to 101 is neither level");
	}

	/** One all-NaN plane of a stack stopped the repair without naming the plane. */
	@Test
	void aPlaneThatCannotBeRepairedIsNamed() {
		final ij.ImageStack s = new ij.ImageStack(20, 16);
		for (int i = 0; i < 3; i++)
			s.addSlice(smooth(new FloatProcessor(20, 16), 3));
		s.getProcessor(1).setf(5, 5, Float.NaN);
		s.getProcessor(2).set(Double.NaN);
		final ImagePlus imp = new ImagePlus("n3", s);
		assertMessage(harmonic().withMaskSource(InpaintOptions.NAN).withPlanes(InpaintOptions.ALL_PLANES),
			imp, "Plane 2 of 3 (z=2): The mask covers the whole image");
	}

	/** It said "it needs 1 (for every plane) or 1 (one per plane)" for a one-plane image. */
	@Test
	void aMaskStackForOnePlaneSaysSoPlainly() {
		final ImagePlus imp = new ImagePlus("one", smooth(new ByteProcessor(40, 30), 5));
		final ij.ImageStack s = new ij.ImageStack(40, 30);
		for (int i = 0; i < 3; i++)
			s.addSlice(new ByteProcessor(40, 30));
		assertMessage(new InpaintJob(harmonic().withMaskSource(InpaintOptions.MASK_IMAGE),
			new ImagePlus("stkmask", s), null), imp,
			"has 3 planes; the image has one, so the mask needs one plane too.");
	}

	@Test
	void badInputGivesClearMessagesAndNoOutput() {
		final ImagePlus imp = new ImagePlus("bad", smooth(new ByteProcessor(40, 30), 5));
		final Object[] before = snapshot(imp);
		assertMessage(harmonic(), null, "no image open");
		assertMessage(harmonic(), imp, "no selection");
		imp.setRoi(new Roi(100, 100, 5, 5));
		assertMessage(harmonic(), imp, "outside");
		imp.setRoi(new Roi(0, 0, 40, 30));
		assertMessage(harmonic(), imp, "whole image");
		imp.deleteRoi();
		assertMessage(harmonic().withMaskSource(InpaintOptions.NAN), imp, "No NaN pixels");
		final InpaintOptions mask = harmonic().withMaskSource(InpaintOptions.MASK_IMAGE);
		assertMessage(new InpaintJob(mask), imp, "No mask image");
		assertMessage(new InpaintJob(mask, new ImagePlus("empty", new ByteProcessor(40, 30)), null),
			imp, "is empty");
		assertMessage(new InpaintJob(mask, new ImagePlus("small", new ByteProcessor(4, 3)), null),
			imp, "4 x 3");
		assertMessage(new InpaintJob(harmonic().withMaskSource(InpaintOptions.ROI_MANAGER)), imp,
			"ROI Manager is empty");
		imp.setRoi(new Roi(5, 5, 5, 5));
		final InpaintException method = assertThrows(InpaintException.class, () -> harmonic()
			.withMethod("magic"));
		assertTrue(method.getMessage().contains("Unknown inpainting method"), method.getMessage());
		final InpaintException device = assertThrows(InpaintException.class, () -> harmonic()
			.withDevice("tpu"));
		assertTrue(device.getMessage().contains("Unknown device"), device.getMessage());
		final InpaintOptions model = InpaintOptions.defaults().withModel("no/such/model-folder")
			.withDevice("cpu");
		assertThrows(InpaintException.class, () -> run(model, imp));
		final ByteProcessor lut = (ByteProcessor) imp.getProcessor().duplicate();
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			r[i] = (byte) i;
			g[i] = (byte) (255 - i);
		}
		lut.setColorModel(new IndexColorModel(8, 256, r, g, b));
		final ImagePlus indexed = new ImagePlus("indexed", lut);
		indexed.setRoi(new Roi(5, 5, 5, 5));
		if (indexed.getType() == ImagePlus.COLOR_256) assertMessage(harmonic(), indexed,
			"not supported");
		final ImagePlus nanOnly = new ImagePlus("nan-only", new FloatProcessor(40, 30, new float[40 *
			30]));
		((FloatProcessor) nanOnly.getProcessor()).set(Float.NaN);
		nanOnly.setRoi(new Roi(5, 5, 5, 5));
		assertThrows(InpaintException.class, () -> run(harmonic(), nanOnly));
		assertPixelsEqual(before[0], imp.getProcessor().getPixels());
	}

	private static void assertMessage(final InpaintOptions o, final ImagePlus imp,
		final String part)
	{
		assertMessage(new InpaintJob(o), imp, part);
	}

	private static void assertMessage(final InpaintJob job, final ImagePlus imp,
		final String part)
	{
		final InpaintException e = assertThrows(InpaintException.class, () -> job.run(imp,
			Progress.NONE));
		assertTrue(e.getMessage().toLowerCase().contains(part.toLowerCase()), e.getMessage());
	}

	@Test
	void cancelLeavesNoOutputAndNoChange() {
		final ImagePlus imp = new ImagePlus("cancel", smooth(new ShortProcessor(300, 200), 6));
		imp.setRoi(new Roi(20, 20, 250, 150));
		final Object[] before = snapshot(imp);
		final int[] reports = { 0 };
		final Progress cancelSoon = new Progress() {

			@Override
			public void report(final double fraction, final String message) {
				reports[0]++;
			}

			@Override
			public boolean isCancelled() {
				return reports[0] >= 2;
			}
		};
		final InpaintJob job = new InpaintJob(harmonic().withTileSize(64));
		assertThrows(InpaintCancelledException.class, () -> job.run(imp, cancelSoon));
		assertPixelsEqual(before[0], imp.getProcessor().getPixels());
		assertFalse(reports[0] > 3, "kept working after cancel: " + reports[0]);
	}

	@Test
	void compositeDefaultRepairsEveryChannelOfTheShownPosition() {
		final ImagePlus imp = hyperstack(); // 2 channels, 3 slices, 2 frames
		final Roi roi = new Roi(10, 10, 8, 6);
		imp.setRoi(roi);
		imp.setPositionWithoutUpdate(1, 2, 2);
		final Object[] before = snapshot(imp);
		final InpaintJob job = new InpaintJob(harmonic());
		final ImagePlus out = job.run(imp, Progress.NONE);
		assertOnlyInside(imp, before, out, roi, new int[] { imp.getStackIndex(1, 2, 2), imp
			.getStackIndex(2, 2, 2) });
		assertEquals("all 2 channels at z=2, t=2", job.summary());

		final ImageStack rgb48 = new ImageStack(30, 20);
		for (int c = 0; c < 3; c++)
			rgb48.addSlice(smooth(new ShortProcessor(30, 20), 20 + c));
		final ImagePlus colour = new CompositeImage(new ImagePlus("rgb48.tif", rgb48),
			CompositeImage.COMPOSITE);
		colour.setDimensions(3, 1, 1);
		colour.setRoi(new Roi(5, 5, 4, 4));
		final InpaintJob c3 = new InpaintJob(harmonic());
		c3.run(colour, Progress.NONE);
		assertEquals("all 3 channels", c3.summary());
	}

	@Test
	void outlineOnlyWhenAskedAndFromTheMask() {
		final ImagePlus imp = new ImagePlus("o", smooth(new ByteProcessor(40, 30), 7));
		imp.setRoi(new OvalRoi(10, 10, 8, 6));
		final ImagePlus plain = run(harmonic(), imp);
		assertNull(plain.getOverlay());
		final ImagePlus outlined = run(harmonic().withOutline(true), imp);
		assertEquals(1, outlined.getOverlay().size());
		assertEquals(imp.getRoi().getBounds(), outlined.getOverlay().get(0).getBounds());
		final ImagePlus grown = run(harmonic().withOutline(true).withDilation(2).withShape("square"),
			imp);
		final java.awt.Rectangle b = grown.getOverlay().get(0).getBounds();
		assertEquals(new java.awt.Rectangle(8, 8, 12, 10), b);
	}

	@Test
	void roiManagerRoisWithAndWithoutPosition() {
		final ImageStack stack = new ImageStack(40, 30);
		for (int i = 0; i < 3; i++)
			stack.addSlice(smooth(new ByteProcessor(40, 30), 30 + i));
		final ImagePlus imp = new ImagePlus("rois", stack);
		final Object[] before = snapshot(imp);
		final Roi everywhere = new Roi(2, 2, 3, 3);
		final Roi onTwo = new Roi(20, 10, 4, 4);
		onTwo.setPosition(2);
		final InpaintJob job = new InpaintJob(harmonic().withMaskSource(InpaintOptions.ROI_MANAGER)
			.withPlanes(InpaintOptions.ALL_PLANES), null, new Roi[] { everywhere, onTwo });
		final ImagePlus out = job.run(imp, Progress.NONE);
		for (int p = 1; p <= 3; p++) {
			final ImageProcessor a = imp.getStack().getProcessor(p), b = out.getStack().getProcessor(p);
			assertPixelsEqual(before[p - 1], a.getPixels());
			for (int y = 0; y < 30; y++)
				for (int x = 0; x < 40; x++)
					if (!everywhere.contains(x, y) && !(p == 2 && onTwo.contains(x, y))) assertEquals(a
						.get(x, y), b.get(x, y), "plane " + p + " " + x + "," + y);
		}
		assertTrue(out.getInfoProperty().contains("(3 of 3 repaired)"), out.getInfoProperty());
	}

	@Test
	void saturationLevelForACameraBelowTheTypesRange() {
		final ImagePlus imp = new ImagePlus("12bit", smooth(new ShortProcessor(40, 30), 8));
		imp.getProcessor().set(20, 15, 4095);
		final Object[] before = snapshot(imp);
		final InpaintOptions sat = harmonic().withMaskSource(InpaintOptions.SATURATED);
		assertMessage(sat, imp, "No saturated pixels");
		final ImagePlus out = run(sat.withSaturationLevel(4095), imp);
		assertOnlyInside(imp, before, out, new Roi(20, 15, 1, 1), new int[] { 1 });
		assertTrue(out.getInfoProperty().contains("saturation_level=4095"), out.getInfoProperty());
	}

	/**
	 * A palette's index values are not intensities, and ImageJ keeps such images as GRAY8 (only
	 * Image > Type sets COLOR_256), so the type alone let them through: they came out with the
	 * hole filled in random colours. Pseudo-colour and inverted LUTs show intensities and are
	 * repaired.
	 */
	@Test
	void palettesAreRefusedButPseudoColourAndInvertedLutsAreRepaired() {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		final Random rnd = new Random(5);
		rnd.nextBytes(r);
		rnd.nextBytes(g);
		rnd.nextBytes(b);
		final ImagePlus palette = new ImagePlus("palette", smooth(new ByteProcessor(40, 30), 1));
		palette.getProcessor().setColorModel(new IndexColorModel(8, 256, r, g, b));
		palette.setRoi(new Roi(5, 5, 5, 5));
		assertMessage(harmonic(), palette, "indexed colour");
		final ImagePlus green = new ImagePlus("green", smooth(new ByteProcessor(40, 30), 1));
		green.setLut(ij.process.LUT.createLutFromColor(java.awt.Color.GREEN));
		final ImagePlus inverted = new ImagePlus("inverted", smooth(new ByteProcessor(40, 30), 1));
		inverted.getProcessor().invertLut();
		for (final ImagePlus imp : new ImagePlus[] { green, inverted }) {
			imp.setRoi(new Roi(5, 5, 5, 5));
			final Object[] before = snapshot(imp);
			final ImagePlus out = run(harmonic(), imp);
			assertOnlyInside(imp, before, out, imp.getRoi(), new int[] { 1 });
			assertEquals(imp.isInvertedLut(), out.isInvertedLut(), imp.getTitle());
			assertEquals(imp.getProcessor().getColorModel().getRGB(200), out.getProcessor()
				.getColorModel().getRGB(200), imp.getTitle());
		}
	}

	/** Properties set with Property.set (Image > Properties..., saved in TIFFs) were dropped. */
	@Test
	void imagePropertiesAreKept() {
		final ImagePlus imp = new ImagePlus("props", smooth(new ShortProcessor(40, 30), 2));
		imp.setProp("sample", "A7");
		imp.setProp("exposure_ms", 12.5);
		imp.setRoi(new Roi(5, 5, 5, 5));
		final ImagePlus out = run(harmonic(), imp);
		assertEquals("A7", out.getProp("sample"));
		assertEquals(12.5, out.getNumericProp("exposure_ms"));
	}

	/**
	 * A line scan or a 1-D profile (1 x N or N x 1) has neighbours along its length: the core and
	 * the command line repair it, so the plugin must too; a single pixel still gets a message.
	 */
	@Test
	void longThinImagesAreRepaired() {
		final ImageProcessor[] strips = { new ByteProcessor(1, 300), new FloatProcessor(300, 1) };
		for (final ImageProcessor ip : strips) {
			final ImagePlus imp = new ImagePlus("strip", smooth(ip, 3));
			final Roi roi = ip.getWidth() == 1 ? new Roi(0, 100, 1, 5) : new Roi(100, 0, 5, 1);
			ip.setRoi(roi);
			ip.setValue(250); // the damage: a repair must change it
			ip.fill();
			ip.resetRoi();
			imp.setRoi(roi);
			final Object[] before = snapshot(imp);
			assertOnlyInside(imp, before, run(harmonic(), imp), roi, new int[] { 1 });
		}
		final ImagePlus one = new ImagePlus("one", new ByteProcessor(1, 1));
		one.setRoi(new Roi(0, 0, 1, 1));
		assertMessage(harmonic(), one, "whole image");
	}
}
