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

import java.util.Arrays;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * Finds detector damage without a hand-made mask, so a learned fill can repair it where no peer
 * finds it: single hot or dead pixels and small bright specks (cosmic rays), and dead or stuck
 * rows and columns. Both compare each pixel (row, column) with its own neighbourhood and call it
 * damaged when it differs by more than {@code threshold} robust standard deviations, the scale
 * being the median absolute deviation of those differences over the whole plane (1.4826 MAD), so
 * the rule adapts to the image's own noise and does not depend on the type's range.
 * <p>
 * Each channel of a colour plane is searched on its own and the finds are combined.
 */
public final class DefectFinder {

	/** Default threshold in robust standard deviations: rare in Gaussian noise (~1e-9). */
	public static final double DEFAULT_THRESHOLD = 6;
	private static final int RADIUS = 2; // 5 x 5 neighbourhood: a speck of up to 3 x 3 pixels is
	// still a minority of its 24 neighbours, so their median is the background
	private static final double MAD_TO_SIGMA = 1.4826;

	private DefectFinder() {}

	/**
	 * Pixels that differ from the median of their 5 x 5 neighbourhood (centre excluded) by more
	 * than {@code threshold} robust standard deviations: hot and dead pixels and specks up to about
	 * 3 x 3 pixels; their fainter rim (above three quarters of the threshold, next to a find) is
	 * taken too.
	 */
	public static ArrayImg<BitType, LongArray> outlierPixels(final ImageProcessor ip,
		final double threshold)
	{
		final int w = ip.getWidth(), h = ip.getHeight();
		final ArrayImg<BitType, LongArray> mask = ArrayImgs.bits(w, h);
		final long[] bits = mask.update(null).getCurrentStorageArray();
		for (int c = 0; c < ip.getNChannels(); c++) {
			final float[] px = (float[]) ip.toFloat(c, null).getPixels();
			final float[] residual = residuals(px, w, h);
			final double sigma = robustSigma(residual, floor(ip, px));
			final double strong = threshold * sigma, weak = 0.75 * strong;
			final boolean[] found = new boolean[w * h];
			for (int i = 0; i < found.length; i++)
				found[i] = Math.abs(residual[i]) > strong;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final int i = y * w + x;
					if (found[i] || Math.abs(residual[i]) > weak && touches(found, x, y, w, h))
						bits[i >>> 6] |= 1L << (i & 63);
				}
		}
		return mask;
	}

	/**
	 * Whole rows and columns whose median difference to the mean of their two neighbours is more
	 * than {@code threshold} robust standard deviations of that profile: dead (dark), hot or stuck
	 * lines of a sensor, and lines lost in transfer.
	 */
	public static ArrayImg<BitType, LongArray> badLines(final ImageProcessor ip,
		final double threshold)
	{
		final int w = ip.getWidth(), h = ip.getHeight();
		final ArrayImg<BitType, LongArray> mask = ArrayImgs.bits(w, h);
		final long[] bits = mask.update(null).getCurrentStorageArray();
		for (int c = 0; c < ip.getNChannels(); c++) {
			final float[] px = (float[]) ip.toFloat(c, null).getPixels();
			final double floor = floor(ip, px);
			final boolean[] rows = lines(px, w, h, true, threshold, floor);
			final boolean[] cols = lines(px, w, h, false, threshold, floor);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					if (rows[y] || cols[x]) {
						final int i = y * w + x;
						bits[i >>> 6] |= 1L << (i & 63);
					}
		}
		return mask;
	}

	/** value - median of the 5 x 5 neighbours (clipped at the borders), per pixel */
	private static float[] residuals(final float[] px, final int w, final int h) {
		final float[] out = new float[px.length];
		final float[] nb = new float[(2 * RADIUS + 1) * (2 * RADIUS + 1)];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int n = 0;
				for (int dy = -RADIUS; dy <= RADIUS; dy++) {
					final int yy = y + dy;
					if (yy < 0 || yy >= h) continue;
					for (int dx = -RADIUS; dx <= RADIUS; dx++) {
						final int xx = x + dx;
						if (xx < 0 || xx >= w || dx == 0 && dy == 0) continue;
						nb[n++] = px[yy * w + xx];
					}
				}
				out[y * w + x] = n == 0 ? 0 : px[y * w + x] - median(nb, n);
			}
		return out;
	}

	/**
	 * Finds bad lines one at a time, worst first. A line's deviation is the median over its pixels
	 * of (pixel - the prediction from the nearest good lines: the median of two on each side, or a
	 * straight-line extrapolation at the image border); a line is bad when that deviation exceeds
	 * {@code threshold} robust standard deviations of the per-pixel differences (the image's noise
	 * as seen by this comparison). Once a line is found bad it is no longer used to predict its
	 * neighbours, so the good lines beside one or several adjacent bad lines are not found too.
	 */
	private static boolean[] lines(final float[] px, final int w, final int h, final boolean rows,
		final double threshold, final double floor)
	{
		final int count = rows ? h : w, length = rows ? w : h;
		final boolean[] bad = new boolean[count];
		if (count < 4) return bad;
		final float[] profile = new float[count];
		final float[] all = new float[count * length];
		for (int k = 0; k < count; k++)
			profile[k] = deviation(px, w, rows, count, length, k, bad, all, k * length);
		final double limit = threshold * robustSigma(all, floor);
		for (int round = 0; round < count / 4; round++) { // a plane of mostly bad lines is no image
			int worst = -1;
			for (int k = 0; k < count; k++)
				if (!bad[k] && (worst < 0 || Math.abs(profile[k]) > Math.abs(profile[worst]))) worst = k;
			if (worst < 0 || Math.abs(profile[worst]) <= limit) break;
			bad[worst] = true;
			for (int k = Math.max(0, worst - 4); k <= Math.min(count - 1, worst + 4); k++)
				if (!bad[k]) profile[k] = deviation(px, w, rows, count, length, k, bad, null, 0);
		}
		return bad;
	}

	/** The median over line k of (pixel - prediction from good lines); fills d into {@code out}. */
	private static float deviation(final float[] px, final int w, final boolean rows,
		final int count, final int length, final int k, final boolean[] bad, final float[] out,
		final int offset)
	{
		final int[] below = new int[2], above = new int[2];
		int nb = 0, na = 0;
		for (int l = k - 1; l >= 0 && nb < 2; l--)
			if (!bad[l]) below[nb++] = l;
		for (int l = k + 1; l < count && na < 2; l++)
			if (!bad[l]) above[na++] = l;
		final float[] d = new float[length];
		final float[] nv = new float[4];
		for (int j = 0; j < length; j++) {
			final float v = at(px, w, rows, k, j);
			final float predicted;
			if (nb > 0 && na > 0) {
				int n = 0;
				for (int i = 0; i < nb; i++)
					nv[n++] = at(px, w, rows, below[i], j);
				for (int i = 0; i < na; i++)
					nv[n++] = at(px, w, rows, above[i], j);
				predicted = median(nv, n);
			}
			else {
				// at the border: a straight line through the two nearest good lines on one side
				final int[] side = nb > 0 ? below : above;
				final int n = nb > 0 ? nb : na;
				if (n < 2) predicted = at(px, w, rows, side[0], j);
				else {
					final float a = at(px, w, rows, side[0], j), b = at(px, w, rows, side[1], j);
					predicted = a + (a - b) * (k - side[0]) / (float) (side[0] - side[1]);
				}
			}
			d[j] = v - predicted;
			if (out != null) out[offset + j] = d[j];
		}
		return median(d, length);
	}

	private static float at(final float[] px, final int w, final boolean rows, final int line,
		final int j)
	{
		return px[rows ? line * w + j : j * w + line];
	}

	/**
	 * 1.4826 x the median absolute value (the residuals' median is ~0 by construction), at least
	 * {@code floor}, so a noise-free image still needs a visible difference.
	 */
	private static double robustSigma(final float[] residual, final double floor) {
		final int step = Math.max(1, residual.length / 200_000); // a sample is enough for a scale
		final float[] abs = new float[(residual.length + step - 1) / step];
		int n = 0;
		for (int i = 0; i < residual.length; i += step)
			abs[n++] = Math.abs(residual[i]);
		final double mad = median(abs, n) * MAD_TO_SIGMA;
		return Math.max(mad, floor);
	}

	/**
	 * Half a grey level for integer types; a thousandth of the finite range for 32-bit planes (one
	 * infinite pixel would make the floor infinite and hide every defect of the plane).
	 */
	private static double floor(final ImageProcessor ip, final float[] px) {
		if (!(ip instanceof FloatProcessor)) return 0.5;
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float v : px)
			if (Float.isFinite(v)) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		return max > min ? 1e-3 * (max - min) : 1e-12;
	}

	private static boolean touches(final boolean[] found, final int x, final int y, final int w,
		final int h)
	{
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++) {
				final int xx = x + dx, yy = y + dy;
				if (xx >= 0 && yy >= 0 && xx < w && yy < h && found[yy * w + xx]) return true;
			}
		return false;
	}

	/** The median of the first n values (reorders them). */
	private static float median(final float[] v, final int n) {
		Arrays.sort(v, 0, n);
		return (n & 1) == 1 ? v[n / 2] : 0.5f * (v[n / 2 - 1] + v[n / 2]);
	}
}
