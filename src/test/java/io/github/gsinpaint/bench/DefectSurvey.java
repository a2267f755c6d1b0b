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
package io.github.gsinpaint.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.ij.DefectFinder;
import io.github.gsinpaint.ij.MaskBuilder;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * How {@link DefectFinder} does on real images at a threshold (the default unless given): on the
 * clean images (the share of pixels marked as outliers, the rows and columns marked), and on the
 * same images with planted damage (the share found of 10 hot and 10 dead pixels, 5 bright 2 x 2
 * and 5 bright 3 x 3 specks at the type's maximum or 0, each placed where it stands at least a
 * fifth of the image's range (0.5 to 99.5 percentile) above or below everything within 2 px; and
 * of one dead row (0) and one stuck column (the plane's mean), also counted where the line
 * visibly changed: a median change of at least 5% of the range). Each image is taken as read
 * (RGB, 8 or 16-bit) and as 8-bit grey (16-bit scaled from its minimum and maximum), 16-bit
 * (8-bit x 257) and 32-bit (16-bit / 65535). Prints a markdown table by image kind and type, one
 * by kind (every type together), then the clean images with the most marks. Run: {@code java -cp
 * target/test-classes:target/classes:<test classpath> io.github.gsinpaint.bench.DefectSurvey
 * folder [threshold] [images per kind] [seed]}; the folder holds the images (the kind is the name
 * up to the first '_', as in data/dev/images) or one folder per kind (as data/train); larger
 * images are cut to their central 512 x 512. docs/BENCHMARKS.md section 6 has its figures.
 */
public final class DefectSurvey {

	private static final String[] DEFECTS = { "hot", "dead", "2x2", "3x3" };
	private static final int[] SIZES = { 1, 1, 2, 3 };
	private static final int[] COUNTS = { 10, 10, 5, 5 };
	private static final int MAX_SIDE = 512;

	private DefectSurvey() {}

	/** The figures of one image kind and type. */
	private static final class Tally {

		int images, cleanAny, cleanLineImages, cleanLines, plantedLineExtra;
		double cleanSum, cleanMax;
		final long[] planted = new long[4], found = new long[4];
		long extra, pixels;
		int rows, rowsFound, rowsSeen, rowsSeenFound, cols, colsFound, colsSeen, colsSeenFound;
	}

	public static void main(final String[] args) {
		final File folder = new File(args[0]);
		final double threshold = args.length > 1 ? Double.parseDouble(args[1])
			: DefectFinder.DEFAULT_THRESHOLD;
		final int perKind = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
		final long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
		final Map<String, List<File>> byKind = new TreeMap<>();
		final File[] entries = folder.listFiles();
		if (entries == null) throw new IllegalArgumentException("Not a folder: " + folder);
		Arrays.sort(entries);
		for (final File f : entries)
			if (f.isDirectory()) {
				final File[] inside = f.listFiles((d, n) -> n.matches("(?i).*\\.(png|jpe?g|tiff?)"));
				Arrays.sort(inside);
				for (final File g : inside)
					byKind.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(g);
			}
			else if (f.getName().matches("(?i).*\\.(png|jpe?g|tiff?)")) byKind.computeIfAbsent(f
				.getName().split("_")[0], k -> new ArrayList<>()).add(f);
		final Map<String, Tally> tallies = new TreeMap<>();
		final List<String> worst = new ArrayList<>();
		for (final Map.Entry<String, List<File>> e : byKind.entrySet()) {
			final List<File> files = e.getValue();
			final int step = Math.max(1, files.size() / Math.min(perKind, files.size()));
			for (int i = 0, taken = 0; i < files.size() && taken < perKind; i += step, taken++) {
				final ImagePlus imp = IJ.openImage(files.get(i).getPath());
				if (imp == null) continue;
				final ImageProcessor original = crop(imp.getProcessor());
				final ImageProcessor[] versions = versions(original);
				for (int v = 0; v < versions.length; v++) {
					final String name = type(versions[v]) + (type(versions[v]).equals(type(original))
						? " (as read)" : "");
					final String key = e.getKey() + "\t" + name;
					final Tally t = tallies.computeIfAbsent(key, k -> new Tally());
					final double share = survey(versions[v], threshold, t, new Random(seed * 1000 + i));
					if (share > 0.001) worst.add(String.format(Locale.ROOT, "%7.3f%%  %s %s", 100 *
						share, files.get(i).getName(), name));
				}
			}
		}
		System.out.printf(Locale.ROOT, "threshold %.2f%n%n", threshold);
		System.out.println("| kind | type | images | clean: outliers mean % | max % | images " +
			"with any | clean: images with bad lines (lines) | hot found | dead found | 2x2 found | " +
			"3x3 found | other marks % | dead row found (visible) | stuck column found (visible) | " +
			"other lines |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (final Map.Entry<String, Tally> e : tallies.entrySet()) {
			final Tally t = e.getValue();
			final StringBuilder b = new StringBuilder("| " + e.getKey().replace("\t", " | ") + " | ");
			b.append(String.format(Locale.ROOT, "%d | %.3f | %.3f | %d | %d (%d) | ", t.images, 100 *
				t.cleanSum / t.images, 100 * t.cleanMax, t.cleanAny, t.cleanLineImages, t.cleanLines));
			for (int d = 0; d < DEFECTS.length; d++)
				b.append(t.planted[d] == 0 ? "- | " : String.format(Locale.ROOT, "%.1f%% | ", 100.0 *
					t.found[d] / t.planted[d]));
			b.append(String.format(Locale.ROOT, "%.3f | %d/%d (%d/%d) | %d/%d (%d/%d) | %d |", 100.0 *
				t.extra / t.pixels, t.rowsFound, t.rows, t.rowsSeenFound, t.rowsSeen, t.colsFound, t.cols,
				t.colsSeenFound, t.colsSeen, t.plantedLineExtra));
			System.out.println(b);
		}
		// every type of a kind together
		final Map<String, Tally> kinds = new TreeMap<>();
		for (final Map.Entry<String, Tally> e : tallies.entrySet())
			kinds.merge(e.getKey().split("\t")[0], e.getValue(), DefectSurvey::sum);
		System.out.println();
		System.out.println("| kind | images x types | clean: outliers mean % | max % | clean: lines | " +
			"planted pixels found | other marks % | dead row found (visible) | stuck column found " +
			"(visible) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		for (final Map.Entry<String, Tally> e : kinds.entrySet()) {
			final Tally t = e.getValue();
			long planted = 0, found = 0;
			for (int d = 0; d < DEFECTS.length; d++) {
				planted += t.planted[d];
				found += t.found[d];
			}
			System.out.println(String.format(Locale.ROOT,
				"| %s | %d | %.3f | %.3f | %d | %.1f%% | %.3f | %d/%d (%d/%d) | %d/%d (%d/%d) |", e.getKey(),
				t.images, 100 * t.cleanSum / t.images, 100 * t.cleanMax, t.cleanLines, 100.0 * found /
					planted, 100.0 * t.extra / t.pixels, t.rowsFound, t.rows, t.rowsSeenFound, t.rowsSeen,
				t.colsFound, t.cols, t.colsSeenFound, t.colsSeen));
		}
		worst.sort((a, b) -> b.compareTo(a));
		System.out.println();
		System.out.println("clean images with the most outlier marks (share of pixels):");
		for (int i = 0; i < Math.min(15, worst.size()); i++)
			System.out.println(worst.get(i));
	}

	private static Tally sum(final Tally a, final Tally b) {
		final Tally t = new Tally();
		t.images = a.images + b.images;
		t.cleanAny = a.cleanAny + b.cleanAny;
		t.cleanLineImages = a.cleanLineImages + b.cleanLineImages;
		t.cleanLines = a.cleanLines + b.cleanLines;
		t.plantedLineExtra = a.plantedLineExtra + b.plantedLineExtra;
		t.cleanSum = a.cleanSum + b.cleanSum;
		t.cleanMax = Math.max(a.cleanMax, b.cleanMax);
		for (int d = 0; d < DEFECTS.length; d++) {
			t.planted[d] = a.planted[d] + b.planted[d];
			t.found[d] = a.found[d] + b.found[d];
		}
		t.extra = a.extra + b.extra;
		t.pixels = a.pixels + b.pixels;
		t.rows = a.rows + b.rows;
		t.rowsFound = a.rowsFound + b.rowsFound;
		t.rowsSeen = a.rowsSeen + b.rowsSeen;
		t.rowsSeenFound = a.rowsSeenFound + b.rowsSeenFound;
		t.cols = a.cols + b.cols;
		t.colsFound = a.colsFound + b.colsFound;
		t.colsSeen = a.colsSeen + b.colsSeen;
		t.colsSeenFound = a.colsSeenFound + b.colsSeenFound;
		return t;
	}

	private static String type(final ImageProcessor ip) {
		return ip instanceof ColorProcessor ? "RGB" : ip instanceof ByteProcessor ? "8-bit"
			: ip instanceof ShortProcessor ? "16-bit" : "32-bit";
	}

	private static ImageProcessor crop(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		if (w <= MAX_SIDE && h <= MAX_SIDE) return ip;
		final int cw = Math.min(w, MAX_SIDE), ch = Math.min(h, MAX_SIDE);
		ip.setRoi((w - cw) / 2, (h - ch) / 2, cw, ch);
		return ip.crop();
	}

	/** native, 8-bit grey, 16-bit (x 257 from 8-bit), 32-bit (16-bit / 65535) */
	private static ImageProcessor[] versions(final ImageProcessor ip) {
		final ImageProcessor grey8;
		if (ip instanceof ByteProcessor) grey8 = ip.duplicate();
		else {
			ip.resetMinAndMax();
			grey8 = ip.convertToByte(true);
		}
		final ShortProcessor s16;
		if (ip instanceof ShortProcessor) s16 = (ShortProcessor) ip.duplicate();
		else {
			s16 = new ShortProcessor(ip.getWidth(), ip.getHeight());
			for (int i = 0; i < s16.getPixelCount(); i++)
				s16.set(i, grey8.get(i) * 257);
		}
		final FloatProcessor f32 = new FloatProcessor(ip.getWidth(), ip.getHeight());
		for (int i = 0; i < f32.getPixelCount(); i++)
			f32.setf(i, s16.get(i) / 65535f);
		final List<ImageProcessor> out = new ArrayList<>();
		if (ip instanceof ColorProcessor) out.add(ip.duplicate());
		out.add(grey8);
		out.add(s16);
		out.add(f32);
		return out.toArray(new ImageProcessor[0]);
	}

	/** the figures of one image in one type; returns the share of its clean pixels marked */
	private static double survey(final ImageProcessor clean, final double threshold, final Tally t,
		final Random r)
	{
		final int w = clean.getWidth(), h = clean.getHeight();
		t.images++;
		t.pixels += (long) w * h;
		final double share = MaskBuilder.count(DefectFinder.outlierPixels(clean, threshold)) /
			(double) (w * h);
		t.cleanSum += share;
		t.cleanMax = Math.max(t.cleanMax, share);
		if (share > 0) t.cleanAny++;
		final int cleanLines = lines(DefectFinder.badLines(clean, threshold), w, h, -1, -1);
		t.cleanLines += cleanLines;
		if (cleanLines > 0) t.cleanLineImages++;

		final float[][] channels = channels(clean);
		final double[] range = new double[channels.length];
		for (int c = 0; c < channels.length; c++)
			range[c] = range(channels[c]);
		final double top = clean instanceof FloatProcessor ? 1 : clean instanceof ShortProcessor
			? 65535 : 255;
		// pixel damage
		final ImageProcessor damaged = clean.duplicate();
		final boolean[] planted = new boolean[w * h];
		final List<int[]> placed = new ArrayList<>();
		final int[] footprint = new int[w * h]; // which damage a planted pixel belongs to
		for (int d = 0; d < DEFECTS.length; d++) {
			final boolean bright = d != 1;
			for (int k = 0, tries = 0; k < COUNTS[d] && tries < 5000; tries++) {
				final int s = SIZES[d];
				final int x = 3 + r.nextInt(w - 6 - s), y = 3 + r.nextInt(h - 6 - s);
				if (!apart(placed, x, y, s) || !stands(channels, range, w, h, x, y, s, bright, top))
					continue;
				placed.add(new int[] { x, y, s });
				for (int yy = y; yy < y + s; yy++)
					for (int xx = x; xx < x + s; xx++) {
						put(damaged, xx, yy, bright ? top : 0);
						planted[yy * w + xx] = true;
						footprint[yy * w + xx] = d;
					}
				t.planted[d] += s * s;
				k++;
			}
		}
		final ArrayImg<BitType, LongArray> m = DefectFinder.outlierPixels(damaged, threshold);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				if (MaskBuilder.get(m, x, y)) {
					if (planted[y * w + x]) t.found[footprint[y * w + x]]++;
					else t.extra++;
				}
		// a dead row and a stuck column
		final ImageProcessor lined = clean.duplicate();
		final int row = 8 + r.nextInt(h - 16), col = 8 + r.nextInt(w - 16);
		final double[] mean = new double[channels.length];
		for (int c = 0; c < channels.length; c++) {
			for (final float v : channels[c])
				mean[c] += v;
			mean[c] /= channels[c].length;
		}
		final boolean rowSeen = changed(channels, range, w, h, row, true, null);
		final boolean colSeen = changed(channels, range, w, h, col, false, mean);
		for (int x = 0; x < w; x++)
			put(lined, x, row, 0);
		for (int y = 0; y < h; y++)
			if (y != row) putChannels(lined, col, y, mean);
		final ArrayImg<BitType, LongArray> lm = DefectFinder.badLines(lined, threshold);
		final boolean rowFound = full(lm, w, h, row, true), colFound = full(lm, w, h, col, false);
		t.rows++;
		t.cols++;
		if (rowFound) t.rowsFound++;
		if (colFound) t.colsFound++;
		if (rowSeen) {
			t.rowsSeen++;
			if (rowFound) t.rowsSeenFound++;
		}
		if (colSeen) {
			t.colsSeen++;
			if (colFound) t.colsSeenFound++;
		}
		t.plantedLineExtra += lines(lm, w, h, row, col);
		return share;
	}

	private static float[][] channels(final ImageProcessor ip) {
		final float[][] out = new float[ip.getNChannels()][];
		for (int c = 0; c < out.length; c++)
			out[c] = (float[]) ip.toFloat(c, null).getPixels();
		return out;
	}

	/** 99.5 - 0.5 percentile */
	private static double range(final float[] v) {
		final float[] s = v.clone();
		Arrays.sort(s);
		return s[(int) (0.995 * (s.length - 1))] - s[(int) (0.005 * (s.length - 1))];
	}

	private static boolean apart(final List<int[]> placed, final int x, final int y, final int s) {
		for (final int[] p : placed)
			if (x < p[0] + p[2] + 6 && p[0] < x + s + 6 && y < p[1] + p[2] + 6 && p[1] < y + s + 6)
				return false;
		return true;
	}

	/** the planted value stands a fifth of the range above (below) all within 2 px, per channel */
	private static boolean stands(final float[][] channels, final double[] range, final int w,
		final int h, final int x, final int y, final int s, final boolean bright, final double top)
	{
		for (int c = 0; c < channels.length; c++) {
			if (range[c] <= 0) return false;
			for (int yy = Math.max(0, y - 2); yy < Math.min(h, y + s + 2); yy++)
				for (int xx = Math.max(0, x - 2); xx < Math.min(w, x + s + 2); xx++) {
					final float v = channels[c][yy * w + xx];
					if (bright ? top - v < 0.2 * range[c] : v < 0.2 * range[c]) return false;
				}
		}
		return true;
	}

	/** a median change along the line of at least 5% of the range, in some channel */
	private static boolean changed(final float[][] channels, final double[] range, final int w,
		final int h, final int line, final boolean row, final double[] value)
	{
		final int n = row ? w : h;
		for (int c = 0; c < channels.length; c++) {
			final float[] d = new float[n];
			for (int j = 0; j < n; j++) {
				final float v = channels[c][row ? line * w + j : j * w + line];
				d[j] = (float) Math.abs(v - (value == null ? 0 : value[c]));
			}
			Arrays.sort(d);
			if (d[n / 2] >= 0.05 * range[c]) return true;
		}
		return false;
	}

	private static void put(final ImageProcessor ip, final int x, final int y, final double v) {
		if (ip instanceof ColorProcessor) ip.set(x, y, v > 0 ? 0xffffff : 0);
		else if (ip instanceof FloatProcessor) ip.setf(x, y, (float) v);
		else ip.set(x, y, (int) v);
	}

	private static void putChannels(final ImageProcessor ip, final int x, final int y,
		final double[] v)
	{
		if (ip instanceof ColorProcessor) ip.set(x, y, (int) Math.round(v[0]) << 16 | (int) Math.round(
			v[1]) << 8 | (int) Math.round(v[2]));
		else if (ip instanceof FloatProcessor) ip.setf(x, y, (float) v[0]);
		else ip.set(x, y, (int) Math.round(v[0]));
	}

	private static boolean full(final ArrayImg<BitType, LongArray> m, final int w, final int h,
		final int line, final boolean row)
	{
		for (int j = 0; j < (row ? w : h); j++)
			if (!MaskBuilder.get(m, row ? j : line, row ? line : j)) return false;
		return true;
	}

	/** rows and columns wholly marked, other than the given ones */
	private static int lines(final ArrayImg<BitType, LongArray> m, final int w, final int h,
		final int row, final int col)
	{
		int n = 0;
		for (int y = 0; y < h; y++)
			if (y != row && full(m, w, h, y, true)) n++;
		for (int x = 0; x < w; x++)
			if (x != col && full(m, w, h, x, false)) n++;
		return n;
	}
}
