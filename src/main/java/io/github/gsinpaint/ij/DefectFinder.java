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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * Finds detector damage without a hand-made mask, so a learned fill can repair it where no peer
 * finds it: single hot or dead pixels and small specks (cosmic rays), and dead or stuck rows and
 * columns. Each channel of a colour plane is searched on its own and the finds are combined.
 * <p>
 * <b>Scale.</b> {@code threshold} counts robust standard deviations of the plane's own noise:
 * 1.4826 x the median absolute difference of a pixel to the median of its neighbours, taken over
 * the pixels that are not in a flat area (a clipped black sky or a padded border holds no noise to
 * measure: there the median would be 0 and every detail an outlier). The scale is at least the
 * plane's quantum, the step between its common values (1 for 8 and 16-bit data, 257 for 8-bit
 * data scaled to 16 bits; a thousandth of the finite range at least for 32-bit planes), so a
 * quantised image does not count its own rounding as noise.
 * <p>
 * <b>Specks.</b> Real detail can be as far from its neighbourhood as damage (stars, edges,
 * texture); what damage has and detail has not is a cliff all around. A candidate speck peaks
 * more than {@code threshold} SDs above (below) the median of its 5 x 5 neighbourhood; its core
 * is the pixels around the peak above half that height, at most 3 x 3; it is damage if the core's
 * lowest pixel stands above every pixel around it by at least 60% of the height: sharper than the
 * image's own point spread (a star spreads over its neighbours, a hot pixel does not). Only where
 * the plane's own detail is itself made of such specks (undersampled star fields, speckled
 * textures: more than one almost sharp speck, a step of a quarter to 60% of its height, of a sign
 * per 2,000 pixels, or as many sharp specks of both signs) must a speck also be three times as
 * high as the median of those almost sharp specks of its sign: the crowd sets the scale, and
 * damage, being sharper, cannot raise it. Only the core is marked.
 * <p>
 * <b>Lines.</b> A row (column) is bad when it holds one value along 90% of its length (where other
 * bad lines cross it, it does not) while the nearest lines within three on each side vary and it
 * differs from them by more than two quanta along most of its length (a dead or stuck line; a
 * flat margin, whose neighbours do not vary, is not one), or when its pixels differ from the lines
 * on both sides, in the same direction, by a median of more than {@code threshold} SDs of the
 * line-to-line differences (a hot or dark line with noise; an edge, equal to one side, is not).
 * <p>
 * docs/FIJI.md ("Masks") and docs/BENCHMARKS.md (section 6: the finders on the development
 * images, clean and with planted damage) give the figures.
 */
public final class DefectFinder {

	/** Default threshold in robust standard deviations: rare in Gaussian noise (~1e-9). */
	public static final double DEFAULT_THRESHOLD = 6;
	private static final int RADIUS = 2; // 5 x 5 neighbourhood: a speck of up to 3 x 3 pixels is
	// still a minority of its 24 neighbours, so their median is the background
	private static final double MAD_TO_SIGMA = 1.4826;
	/** the largest core of a speck (3 x 3) */
	private static final int MAX_CORE = 9;
	/** a speck's core must stand above all around it by this share of its height */
	private static final float SHARP = 0.6f;
	/** an almost sharp speck (evidence of speckled detail) stands at least this share above */
	private static final float ALMOST = 0.25f;
	/** speckled: more almost sharp specks of a sign than this share of the pixels */
	private static final double CROWD = 5e-4;
	/** in a speckled plane a speck must be this many times the crowd's median height ... */
	private static final double ABOVE_CROWD = 3;
	/** ... or, with too few almost sharp specks to tell, this many times the sharp ones' step */
	private static final double ABOVE_SHARP = 4;
	private static final int MIN_CROWD = 8;
	/** a constant line: at least this share of its pixels at one value */
	private static final double CONSTANT = 0.9;
	/** how far (lines) to look for the varying neighbours of a constant line */
	private static final int REACH = 3;

	private DefectFinder() {}

	/**
	 * Hot and dead pixels and specks up to 3 x 3 pixels that stand more than {@code threshold}
	 * robust SDs above (below) their surroundings and are sharper than any detail of the image:
	 * the rule is in the class description. Infinite pixels are always found; NaN pixels are
	 * left to the source "NaN pixels".
	 */
	public static ArrayImg<BitType, LongArray> outlierPixels(final ImageProcessor ip,
		final double threshold)
	{
		final int w = ip.getWidth(), h = ip.getHeight();
		final ArrayImg<BitType, LongArray> mask = ArrayImgs.bits(w, h);
		final long[] bits = mask.update(null).getCurrentStorageArray();
		for (int c = 0; c < ip.getNChannels(); c++) {
			final float[] px = (float[]) ip.toFloat(c, null).getPixels();
			final boolean[] found = outliers(px, w, h, threshold, floor(ip, px));
			for (int i = 0; i < found.length; i++)
				if (found[i]) bits[i >>> 6] |= 1L << (i & 63);
		}
		return mask;
	}

	/**
	 * Whole rows and columns that are dead (dark), hot or stuck: constant between varying lines,
	 * or consistently more than {@code threshold} robust SDs off both sides (the class
	 * description).
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

	/** A sharp speck: its core pixels, its step down to the highest pixel around and its height. */
	private static final class Speck {

		final int[] pixels;
		final float step, height;

		Speck(final int[] pixels, final float step, final float height) {
			this.pixels = pixels;
			this.step = step;
			this.height = height;
		}
	}

	private static boolean[] outliers(final float[] px, final int w, final int h,
		final double threshold, final double floor)
	{
		final int n = w * h;
		final boolean[] found = new boolean[n];
		final float[] residual = residuals(px, w, h);
		final double strong = threshold * noiseSigma(residual, px, w, h, floor);
		int finite = 0;
		for (int i = 0; i < n; i++)
			if (Float.isFinite(px[i])) finite++;
			else if (!Float.isNaN(px[i])) found[i] = true; // an infinite pixel is always damage
		final boolean[] taken = new boolean[n];
		final int[] core = new int[MAX_CORE];
		@SuppressWarnings("unchecked")
		final List<Speck>[] sharp = new List[] { new ArrayList<>(), new ArrayList<>() };
		final float[][] almost = { new float[16], new float[16] };
		final int[] na = new int[2];
		for (int s = 0; s < 2; s++) {
			final int sign = s == 0 ? 1 : -1; // bright specks, then dark ones
			// the peaks beyond the threshold, strongest first, so that each speck grows from its
			// own peak
			int np = 0;
			long[] peaks = new long[64];
			for (int p = 0; p < n; p++)
				if (Float.isFinite(px[p]) && sign * residual[p] > strong && peak(px, w, h, p, sign)) {
					if (np == peaks.length) peaks = Arrays.copyOf(peaks, 2 * np);
					// a positive float's bits order like its value
					peaks[np++] = (long) Float.floatToIntBits(sign * residual[p]) << 32 | p;
				}
			Arrays.sort(peaks, 0, np);
			for (int k = np - 1; k >= 0; k--) {
				final int p = (int) peaks[k];
				if (taken[p]) continue;
				final int[] object = core(px, residual, w, h, p, sign, core, taken);
				if (object == null) continue;
				final float height = sign * residual[p];
				final float step = step(px, w, h, object, sign);
				if (step >= SHARP * height) sharp[s].add(new Speck(object, step, height));
				else if (step >= ALMOST * height) {
					if (na[s] == almost[s].length) almost[s] = Arrays.copyOf(almost[s], 2 * na[s]);
					almost[s][na[s]++] = height;
				}
			}
		}
		final double cap = Math.max(MIN_CROWD, CROWD * finite);
		final boolean bothSigns = sharp[0].size() > cap && sharp[1].size() > cap;
		for (int s = 0; s < 2; s++) {
			double minHeight = 0, minStep = 0;
			if (na[s] > cap || bothSigns) {
				// speckled detail: the crowd sets the scale
				final double k = threshold / DEFAULT_THRESHOLD;
				if (na[s] >= MIN_CROWD) minHeight = k * ABOVE_CROWD * median(almost[s], na[s]);
				else {
					final float[] steps = new float[sharp[s].size()];
					for (int i = 0; i < steps.length; i++)
						steps[i] = sharp[s].get(i).step;
					minStep = k * ABOVE_SHARP * median(steps, steps.length);
				}
			}
			for (final Speck speck : sharp[s])
				if (speck.height > minHeight && speck.step > minStep) for (final int i : speck.pixels)
					found[i] = true;
		}
		return found;
	}

	/** p is at least as far out (bright for sign 1, dark for -1) as each of its 8 neighbours */
	private static boolean peak(final float[] px, final int w, final int h, final int p,
		final int sign)
	{
		final int x = p % w, y = p / w;
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++) {
				final int xx = x + dx, yy = y + dy;
				if (xx >= 0 && yy >= 0 && xx < w && yy < h && sign * px[yy * w + xx] > sign * px[p])
					return false;
			}
		return true;
	}

	/**
	 * The core of the speck peaking at p: the 8-connected pixels from p above half its height over
	 * its 5 x 5 median, marked taken; null if it has more than MAX_CORE pixels (not a speck).
	 */
	private static int[] core(final float[] px, final float[] residual, final int w, final int h,
		final int p, final int sign, final int[] core, final boolean[] taken)
	{
		final float half = sign * (px[p] - residual[p]) + 0.5f * sign * residual[p];
		int size = 0;
		core[size++] = p;
		taken[p] = true;
		for (int q = 0; q < size; q++) {
			final int x = core[q] % w, y = core[q] / w;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					final int xx = x + dx, yy = y + dy;
					if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
					final int j = yy * w + xx;
					if (taken[j] || !Float.isFinite(px[j]) || sign * px[j] < half) continue;
					taken[j] = true;
					if (size == MAX_CORE) return null; // too large; what it reached stays taken
					core[size++] = j;
				}
		}
		return Arrays.copyOf(core, size);
	}

	/** The core's lowest pixel less the highest finite pixel around it (in sign's direction). */
	private static float step(final float[] px, final int w, final int h, final int[] core,
		final int sign)
	{
		float low = Float.POSITIVE_INFINITY, around = Float.NEGATIVE_INFINITY;
		for (final int i : core)
			low = Math.min(low, sign * px[i]);
		for (final int i : core) {
			final int x = i % w, y = i / w;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					final int xx = x + dx, yy = y + dy;
					if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
					final int j = yy * w + xx;
					if (Float.isFinite(px[j]) && !contains(core, j)) around = Math.max(around, sign *
						px[j]);
				}
		}
		return low - around;
	}

	private static boolean contains(final int[] list, final int j) {
		for (final int k : list)
			if (k == j) return true;
		return false;
	}

	/** value - median of the finite 5 x 5 neighbours (clipped at the borders), per pixel */
	private static float[] residuals(final float[] px, final int w, final int h) {
		final float[] out = new float[px.length];
		final float[] nb = new float[(2 * RADIUS + 1) * (2 * RADIUS + 1)];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				if (!Float.isFinite(px[y * w + x])) continue;
				int n = 0;
				for (int dy = -RADIUS; dy <= RADIUS; dy++) {
					final int yy = y + dy;
					if (yy < 0 || yy >= h) continue;
					for (int dx = -RADIUS; dx <= RADIUS; dx++) {
						final int xx = x + dx;
						if (xx < 0 || xx >= w || dx == 0 && dy == 0) continue;
						final float v = px[yy * w + xx];
						if (Float.isFinite(v)) nb[n++] = v;
					}
				}
				out[y * w + x] = n == 0 ? 0 : px[y * w + x] - median(nb, n);
			}
		return out;
	}

	/**
	 * 1.4826 x the median absolute residual over the finite pixels that differ from some
	 * 8-neighbour (a flat area holds no noise to measure), at least {@code floor}.
	 */
	private static double noiseSigma(final float[] residual, final float[] px, final int w,
		final int h, final double floor)
	{
		final int step = Math.max(1, px.length / 200_000); // a sample is enough for a scale
		final float[] abs = new float[(px.length + step - 1) / step];
		int n = 0;
		for (int i = 0; i < px.length; i += step)
			if (Float.isFinite(px[i]) && !flat(px, w, h, i)) abs[n++] = Math.abs(residual[i]);
		return Math.max(n == 0 ? 0 : median(abs, n) * MAD_TO_SIGMA, floor);
	}

	private static boolean flat(final float[] px, final int w, final int h, final int i) {
		final int x = i % w, y = i / w;
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++) {
				final int xx = x + dx, yy = y + dy;
				if (xx >= 0 && yy >= 0 && xx < w && yy < h && px[yy * w + xx] != px[i]) return false;
			}
		return true;
	}

	/**
	 * Bad lines of one direction. First the offset lines, one at a time, worst first: a line's
	 * deviation is the median over its pixels of the smaller of its differences to the good lines
	 * on either side where both have the same sign (0 where not; at the image border, the
	 * difference to a straight line through the two nearest good lines); it is bad when that
	 * exceeds {@code threshold} robust SDs of the per-pixel differences to the median of the four
	 * nearest good lines. A bad line no longer predicts its neighbours, so the good lines beside
	 * one or several adjacent bad lines are not found too; an edge (a line equal to one side) is
	 * not an offset. Then the constant lines between varying ones.
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
			if (worst < 0 || !(Math.abs(profile[worst]) > limit)) break;
			bad[worst] = true;
			for (int k = Math.max(0, worst - 4); k <= Math.min(count - 1, worst + 4); k++)
				if (!bad[k]) profile[k] = deviation(px, w, rows, count, length, k, bad, null, 0);
		}
		final double[] mean = new double[count], share = new double[count];
		for (int k = 0; k < count; k++)
			variation(px, w, rows, length, k, floor, mean, share);
		final boolean[] constant = new boolean[count];
		final float[] d = new float[length];
		for (int k = 1; k < count - 1; k++) {
			if (bad[k] || share[k] < CONSTANT) continue;
			final int below = varying(mean, share, bad, k, -1, floor), above = varying(mean, share,
				bad, k, 1, floor);
			if (below < 0 || above < 0) continue;
			int n = 0;
			for (int j = 0; j < length; j++) {
				final float v = at(px, w, rows, k, j), a = at(px, w, rows, below, j), b = at(px, w, rows,
					above, j);
				if (Float.isFinite(v) && Float.isFinite(a) && Float.isFinite(b)) d[n++] = Math.abs(v -
					0.5f * (a + b));
			}
			// it differs from its neighbours along most of its length
			constant[k] = n > 0 && median(d, n) > 2 * floor;
		}
		for (int k = 0; k < count; k++)
			bad[k] |= constant[k];
		return bad;
	}

	/**
	 * The nearest line on that side within REACH that is not bad and varies along its length: at
	 * most half of it at one value and a mean step of at least two quanta; or -1.
	 */
	private static int varying(final double[] mean, final double[] share, final boolean[] bad,
		final int k, final int dir, final double floor)
	{
		for (int l = k + dir, n = 0; l >= 0 && l < mean.length && n < REACH; l += dir, n++)
			if (!bad[l] && share[l] <= 0.5 && mean[l] >= 2 * floor) return l;
		return -1;
	}

	/**
	 * The mean absolute step between successive finite pixels along line k (into mean), and the
	 * share of its finite pixels within half a quantum of its median (into share: 1 for a constant
	 * line, a little less where other bad lines cross it).
	 */
	private static void variation(final float[] px, final int w, final boolean rows,
		final int length, final int k, final double floor, final double[] mean,
		final double[] share)
	{
		final float[] values = new float[length];
		double sum = 0;
		int n = 0, steps = 0;
		for (int j = 0; j < length; j++) {
			final float v = at(px, w, rows, k, j);
			if (!Float.isFinite(v)) continue;
			if (j > 0 && Float.isFinite(at(px, w, rows, k, j - 1))) {
				sum += Math.abs(v - at(px, w, rows, k, j - 1));
				steps++;
			}
			values[n++] = v;
		}
		mean[k] = steps == 0 ? 0 : sum / steps;
		if (n == 0) return;
		final float m = median(values, n);
		int near = 0;
		for (int i = 0; i < n; i++)
			if (Math.abs(values[i] - m) <= 0.5 * floor) near++;
		share[k] = near / (double) n;
	}

	/**
	 * The median over line k of its difference to the good lines on both sides where both agree
	 * in sign (the smaller; 0 where they disagree); fills the plain difference to the median of
	 * the four nearest good lines into {@code out} (the scale).
	 */
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
		final float[] e = new float[length];
		final float[] nv = new float[4];
		for (int j = 0; j < length; j++) {
			final float v = at(px, w, rows, k, j);
			if (nb > 0 && na > 0) {
				int n = 0;
				float sb = 0, sa = 0;
				for (int i = 0; i < nb; i++) {
					nv[n] = at(px, w, rows, below[i], j);
					sb += nv[n++];
				}
				for (int i = 0; i < na; i++) {
					nv[n] = at(px, w, rows, above[i], j);
					sa += nv[n++];
				}
				final float d1 = v - sb / nb, d2 = v - sa / na;
				e[j] = d1 > 0 && d2 > 0 ? Math.min(d1, d2) : d1 < 0 && d2 < 0 ? Math.max(d1, d2) : 0;
				if (out != null) out[offset + j] = v - median(nv, n);
			}
			else {
				// at the border: a straight line through the two nearest good lines on one side
				final int[] side = nb > 0 ? below : above;
				final int n = nb > 0 ? nb : na;
				final float predicted;
				if (n < 2) predicted = at(px, w, rows, side[0], j);
				else {
					final float a = at(px, w, rows, side[0], j), b = at(px, w, rows, side[1], j);
					predicted = a + (a - b) * (k - side[0]) / (float) (side[0] - side[1]);
				}
				e[j] = v - predicted;
				if (out != null) out[offset + j] = e[j];
			}
		}
		return median(e, length);
	}

	private static float at(final float[] px, final int w, final boolean rows, final int line,
		final int j)
	{
		return px[rows ? line * w + j : j * w + line];
	}

	/** 1.4826 x the median absolute value of the finite values, at least {@code floor} */
	private static double robustSigma(final float[] values, final double floor) {
		final int step = Math.max(1, values.length / 200_000); // a sample is enough for a scale
		final float[] abs = new float[(values.length + step - 1) / step];
		int n = 0;
		for (int i = 0; i < values.length; i += step)
			if (Float.isFinite(values[i])) abs[n++] = Math.abs(values[i]);
		return Math.max(n == 0 ? 0 : median(abs, n) * MAD_TO_SIGMA, floor);
	}

	/**
	 * The plane's quantum: the smallest gap between successive distinct values that each hold at
	 * least 1% of the pixels (a few odd values, such as a stuck line's, do not set it), failing
	 * that the smallest gap; at least 1 for integer types; for 32-bit planes at least a thousandth
	 * of the finite range (one infinite pixel would make a range-based floor infinite).
	 */
	private static double floor(final ImageProcessor ip, final float[] px) {
		final int stride = Math.max(1, px.length / 200_000);
		final float[] v = new float[(px.length + stride - 1) / stride];
		int n = 0;
		for (int i = 0; i < px.length; i += stride)
			if (Float.isFinite(px[i])) v[n++] = px[i];
		Arrays.sort(v, 0, n);
		double quantum = Double.POSITIVE_INFINITY, smallest = Double.POSITIVE_INFINITY;
		final int common = Math.max(2, n / 100);
		int start = 0, before = 0;
		for (int i = 1; i <= n; i++)
			if (i == n || v[i] > v[i - 1]) { // v[start .. i) hold one value
				if (start > 0) {
					final double gap = v[start] - v[start - 1];
					smallest = Math.min(smallest, gap);
					if (i - start >= common && before >= common) quantum = Math.min(quantum, gap);
				}
				before = i - start;
				start = i;
			}
		if (Double.isInfinite(quantum)) quantum = Double.isInfinite(smallest) ? 0 : smallest;
		if (!(ip instanceof FloatProcessor)) return Math.max(1, quantum);
		final double range = n == 0 ? 0 : v[n - 1] - v[0];
		final double f = Math.max(quantum, 1e-3 * range);
		return f > 0 ? f : 1e-12;
	}

	/** The median of the first n values (reorders them). */
	private static float median(final float[] v, final int n) {
		Arrays.sort(v, 0, n);
		return (n & 1) == 1 ? v[n / 2] : 0.5f * (v[n / 2 - 1] + v[n / 2]);
	}
}
