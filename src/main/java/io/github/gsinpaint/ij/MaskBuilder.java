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

import java.awt.Point;
import java.awt.Rectangle;

import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.LineDilation;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * Builds inpainting masks (true = fill) for one plane, without any user interface: from a
 * selection, from a mask image, from NaN pixels, from pixels equal to a value, or from saturated
 * pixels; then grows them by a square or disk.
 * <p>
 * Masks are {@link BitType} images of one bit per pixel (an 8k x 8k plane costs 8 MB); this class
 * reads and writes their {@code long[]} storage directly: pixel (x, y) is bit {@code y * width + x}.
 */
public final class MaskBuilder {

	/** Dilation shapes. */
	public static final String DISK = InpaintOptions.DISK, SQUARE = InpaintOptions.SQUARE;

	private MaskBuilder() {}

	// -- Selections --

	/**
	 * Every pixel of the selection: areas (rectangles, ovals, polygons, freehand, composite
	 * selections) by their mask, lines by their pixels (lines wider than one pixel as the area they
	 * cover), points as single pixels. Parts outside the image are ignored.
	 *
	 * @throws InpaintException if there is no selection or it lies outside the image
	 */
	public static ArrayImg<BitType, LongArray> fromRoi(final Roi roi, final int width,
		final int height)
	{
		if (roi == null) throw new InpaintException(
			"There is no selection: select the damaged pixels first, or choose another mask source.");
		final ArrayImg<BitType, LongArray> mask = ArrayImgs.bits(width, height);
		addRoi(bits(mask), roi, width, height);
		if (count(mask) == 0) throw new InpaintException(
			"The selection lies outside the image (or covers no pixel): nothing to fill.");
		return mask;
	}

	/**
	 * Every pixel of the ROIs (as {@link #fromRoi}) that lie on a plane: a ROI without a position
	 * lies on every plane; one with a position (ROI Manager "Associate with slice", or a
	 * hyperstack position where 0 means any) only on the planes it names.
	 *
	 * @param imp the image the plane belongs to (for its channel, slice and frame)
	 * @param index 1-based stack index, or 0 to take only the ROIs without a position
	 */
	public static ArrayImg<BitType, LongArray> fromRois(final Roi[] rois, final int width,
		final int height, final ImagePlus imp, final int index)
	{
		final ArrayImg<BitType, LongArray> mask = ArrayImgs.bits(width, height);
		final long[] bits = bits(mask);
		final int[] czt = index > 0 ? imp.convertIndexToPosition(index) : null;
		for (final Roi r : rois) {
			if (r.hasHyperStackPosition()) {
				if (czt == null || !matches(r.getCPosition(), czt[0]) || !matches(r.getZPosition(),
					czt[1]) || !matches(r.getTPosition(), czt[2])) continue;
			}
			else if (r.getPosition() > 0 && r.getPosition() != index) continue;
			addRoi(bits, r, width, height);
		}
		return mask;
	}

	private static boolean matches(final int roiPosition, final int planePosition) {
		return roiPosition == 0 || roiPosition == planePosition;
	}

	private static void addRoi(final long[] bits, final Roi roi, final int width,
		final int height)
	{
		Roi area = roi;
		if (roi.isLine()) {
			if (roi.getStrokeWidth() > 1) area = Roi.convertLineToArea(roi);
			else area = null;
			if (area == null) setPoints(bits, roi.getContainedPoints(), width, height);
		}
		else if (roi instanceof PointRoi) {
			setPoints(bits, roi.getContainedPoints(), width, height);
			area = null;
		}
		if (area != null) {
			final Rectangle b = area.getBounds();
			final ImageProcessor m = area.getMask(); // null: the whole bounding rectangle
			final int x0 = Math.max(0, b.x), y0 = Math.max(0, b.y);
			final int x1 = Math.min(width, b.x + b.width), y1 = Math.min(height, b.y + b.height);
			for (int y = y0; y < y1; y++)
				for (int x = x0; x < x1; x++)
					if (m == null || m.get(x - b.x, y - b.y) != 0) set(bits, (long) y * width + x);
		}
	}

	private static void setPoints(final long[] bits, final Point[] points, final int width,
		final int height)
	{
		if (points == null) return;
		for (final Point p : points)
			if (p.x >= 0 && p.y >= 0 && p.x < width && p.y < height) set(bits, (long) p.y * width +
				p.x);
	}

	// -- Masks from pixel values --

	/** Non-zero pixels of a mask plane (any type; RGB: any non-black pixel). */
	public static ArrayImg<BitType, LongArray> nonZero(final ImageProcessor ip) {
		final boolean rgb = ip instanceof ColorProcessor;
		return fromPredicate(ip, i -> rgb ? (ip.get(i) & 0xffffff) != 0 : ip.getf(i) != 0);
	}

	/** NaN pixels (only 32-bit planes can hold them; other planes give an empty mask). */
	public static ArrayImg<BitType, LongArray> nan(final ImageProcessor ip) {
		if (!(ip instanceof FloatProcessor)) return ArrayImgs.bits(ip.getWidth(), ip.getHeight());
		final float[] px = (float[]) ip.getPixels();
		return fromPredicate(ip, i -> Float.isNaN(px[i]));
	}

	/**
	 * Pixels equal to {@code value}. RGB: pixels whose red, green and blue all equal the value
	 * (255 = white). 32-bit: exact float comparison ({@code value} is rounded to float).
	 */
	public static ArrayImg<BitType, LongArray> equalTo(final ImageProcessor ip,
		final double value)
	{
		if (ip instanceof ColorProcessor) {
			final int v = (int) value;
			if (v != value || v < 0 || v > 255) return ArrayImgs.bits(ip.getWidth(), ip.getHeight());
			final int packed = (v << 16) | (v << 8) | v;
			return fromPredicate(ip, i -> (ip.get(i) & 0xffffff) == packed);
		}
		final float f = (float) value;
		return fromPredicate(ip, i -> ip.getf(i) == f);
	}

	/** Saturated pixels at the type's maximum ({@link #saturated(ImageProcessor, double)} with 0). */
	public static ArrayImg<BitType, LongArray> saturated(final ImageProcessor ip) {
		return saturated(ip, 0);
	}

	/**
	 * Saturated pixels: at or above {@code level}, or at the type's maximum for level 0 (8-bit 255,
	 * 16-bit 65535; RGB: any channel at the level). A camera of 12 bits inside a 16-bit image
	 * saturates at 4095, which only the user knows. A level above the type's range (over 255 for
	 * 8-bit and RGB) matches no pixel.
	 *
	 * @throws InpaintException for 32-bit planes without a level (no saturation value exists)
	 */
	public static ArrayImg<BitType, LongArray> saturated(final ImageProcessor ip,
		final double level)
	{
		if (ip instanceof FloatProcessor) {
			// NaN too: it would otherwise compare false everywhere and give a silently empty mask
			if (!(level > 0)) throw new InpaintException(
				"Saturated pixels are not defined for 32-bit images: give a saturation level, or use " +
					"the mask source 'value' or 'NaN pixels' instead.");
			final float f = (float) level;
			return fromPredicate(ip, i -> ip.getf(i) >= f);
		}
		final boolean rgb = ip instanceof ColorProcessor;
		final int typeMax = rgb || ip.getBitDepth() == 8 ? 255 : 65535;
		// Whole-number pixels reach a level at its next whole value; rounding the level to float
		// instead would put 65535 "at or above" 65535.001. An RGB channel is not clamped to 255 either:
		// a level it cannot reach matches nothing, as it does for 8-bit.
		final double atLeast = level > 0 ? Math.ceil(level) : typeMax;
		if (atLeast > typeMax) return ArrayImgs.bits(ip.getWidth(), ip.getHeight());
		final int v = (int) atLeast;
		if (rgb) return fromPredicate(ip, i -> {
			final int c = ip.get(i);
			return (c & 0xff) >= v || ((c >> 8) & 0xff) >= v || ((c >> 16) & 0xff) >= v;
		});
		return fromPredicate(ip, i -> ip.get(i) >= v);
	}

	interface IndexPredicate {

		boolean test(int index);
	}

	private static ArrayImg<BitType, LongArray> fromPredicate(final ImageProcessor ip,
		final IndexPredicate p)
	{
		final int n = ip.getWidth() * ip.getHeight();
		final ArrayImg<BitType, LongArray> mask = ArrayImgs.bits(ip.getWidth(), ip.getHeight());
		final long[] bits = bits(mask);
		for (int i = 0; i < n; i++)
			if (p.test(i)) set(bits, i);
		return mask;
	}

	// -- Combining and growing --

	/** {@code into |= other}; both of the same size. */
	public static void or(final ArrayImg<BitType, LongArray> into,
		final ArrayImg<BitType, LongArray> other)
	{
		final long[] a = bits(into), b = bits(other);
		for (int i = 0; i < a.length; i++)
			a[i] |= b[i];
	}

	/**
	 * Grows the mask by {@code radius} pixels: a disk (every pixel within Euclidean distance
	 * {@code radius}) or a square ((2 radius + 1)^2). Cost follows the masked rows, not the image.
	 *
	 * @return a new mask, or {@code mask} itself for radius 0
	 */
	public static ArrayImg<BitType, LongArray> dilate(final ArrayImg<BitType, LongArray> mask,
		final int radius, final String shape)
	{
		if (radius < 0) throw new InpaintException("The mask dilation must be 0 or more pixels, got " +
			radius + ".");
		if (radius == 0) return mask;
		final boolean disk;
		if (DISK.equalsIgnoreCase(shape)) disk = true;
		else if (SQUARE.equalsIgnoreCase(shape)) disk = false;
		else throw new InpaintException("Unknown dilation shape '" + shape +
			"': choose disk or square.");
		final int w = (int) mask.dimension(0), h = (int) mask.dimension(1);
		final long[] in = bits(mask);
		final ArrayImg<BitType, LongArray> out = ArrayImgs.bits(w, h);
		final long[] o = bits(out);
		final int[] halfWidth = new int[2 * radius + 1];
		for (int dy = -radius; dy <= radius; dy++)
			halfWidth[dy + radius] = disk ? (int) Math.floor(Math.sqrt((double) radius * radius -
				(double) dy * dy) + 1e-9) : radius;
		final boolean[] row = new boolean[w];
		final boolean[] grown = new boolean[w];
		for (int y = 0; y < h; y++) {
			int min = w, max = -1;
			final long base = (long) y * w;
			for (int x = 0; x < w; x++) {
				row[x] = get(in, base + x);
				if (row[x]) {
					if (min == w) min = x;
					max = x;
				}
			}
			if (max < 0) continue;
			for (int dy = -radius; dy <= radius; dy++) {
				final int ty = y + dy;
				if (ty < 0 || ty >= h) continue;
				final int r = halfWidth[dy + radius];
				final int lo = Math.max(0, min - r), hi = Math.min(w - 1, max + r);
				LineDilation.dilate(row, grown, 0, 1, w, r, lo, hi);
				final long tbase = (long) ty * w;
				for (int x = lo; x <= hi; x++)
					if (grown[x]) set(o, tbase + x);
			}
		}
		return out;
	}

	// -- Outline --

	/**
	 * The outline of the mask as one (composite) selection, traced by ImageJ's own
	 * {@link ThresholdToSelection} from a byte copy written straight from the mask's words.
	 *
	 * @return null for an empty mask
	 */
	public static Roi outline(final ArrayImg<BitType, LongArray> mask) {
		final int w = (int) mask.dimension(0), h = (int) mask.dimension(1);
		final long[] in = bits(mask);
		final byte[] px = new byte[w * h];
		for (int word = 0; word < in.length; word++) {
			long v = in[word];
			while (v != 0) {
				final int bit = Long.numberOfTrailingZeros(v);
				final int i = (word << 6) + bit;
				if (i < px.length) px[i] = (byte) 255;
				v &= v - 1;
			}
		}
		final ByteProcessor bp = new ByteProcessor(w, h, px);
		bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		return new ThresholdToSelection().convert(bp);
	}

	// -- Bits --

	/** @return the number of true pixels */
	public static long count(final ArrayImg<BitType, LongArray> mask) {
		long n = 0;
		for (final long v : bits(mask))
			n += Long.bitCount(v);
		return n;
	}

	/** @return whether pixel (x, y) is set */
	public static boolean get(final ArrayImg<BitType, LongArray> mask, final int x, final int y) {
		return get(bits(mask), (long) y * mask.dimension(0) + x);
	}

	static long[] bits(final ArrayImg<BitType, LongArray> mask) {
		return mask.update(null).getCurrentStorageArray();
	}

	private static boolean get(final long[] bits, final long i) {
		return (bits[(int) (i >>> 6)] & (1L << (i & 63))) != 0;
	}

	private static void set(final long[] bits, final long i) {
		bits[(int) (i >>> 6)] |= 1L << (i & 63);
	}
}
