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

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.gsinpaint.TestModels;
import io.github.gsinpaint.cli.InpaintCli;

/**
 * Issue 15's fuzz bar, through the command line's whole code path (manifest, checks, readers,
 * repair, atomic TIFF writer): over a thousand generated cases of every supported type (8 and
 * 16-bit, 32-bit float with NaN and infinities among the known pixels, RGB, stacks) and the mask
 * shapes that broke before (periodic rows, columns and checkerboards up to 512 px, near-full
 * masks, single pixels, borders, corners, blobs). Every case must come out: same type and shape,
 * bit-exact outside the mask, finite and inside the known range of its plane within it.
 */
class CliFuzzTest {

	private static final long SEED = 15_2026L;

	@TempDir
	Path dir;

	enum Kind {
		U8, U16, F32, RGB, STACK16
	}

	enum Shape {
		ROWS, COLUMNS, CHECKER, NEAR_FULL, ONE_PIXEL, FRAME, CORNERS, BLOBS
	}

	static final class Case {

		Kind kind;
		Shape shape;
		int w, h, period;
		Path image, mask, output;
		ImagePlus input;
		boolean[] hole;
	}

	@Test
	void harmonicOverAThousandCases() throws Exception {
		run("harmonic", 1000, new Random(SEED), null);
	}

	@Test
	void biharmonicCases() throws Exception {
		run("biharmonic", 150, new Random(SEED + 1), null);
	}

	@Test
	void gaussianSplattingCases() throws Exception {
		run("2dgs", 40, new Random(SEED + 2), TestModels.hasTrainedModel() ? null : TestModels
			.fixture());
	}

	private void run(final String method, final int n, final Random random, final Path model)
		throws Exception
	{
		final List<Case> cases = new ArrayList<>();
		final StringBuilder manifest = new StringBuilder();
		for (int i = 0; i < n; i++) {
			final Case c = generate(i, random, method.equals("harmonic") && i % 80 == 0);
			cases.add(c);
			manifest.append(c.image.getFileName()).append('\t').append(c.mask.getFileName()).append(
				'\t').append(c.output.getFileName()).append('\n');
		}
		final Path list = Files.write(dir.resolve("fuzz.tsv"), manifest.toString().getBytes(
			StandardCharsets.UTF_8));
		final List<String> args = new ArrayList<>(List.of("--manifest", list.toString(), "--method",
			method, "--device", "cpu"));
		if (model != null) args.addAll(List.of("--model", model.toString()));
		final PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream captured = new ByteArrayOutputStream();
		final int rc;
		try (PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
			System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
			System.setErr(p);
			rc = InpaintCli.run(args.toArray(new String[0]));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		final String errors = captured.toString(StandardCharsets.UTF_8);
		assertEquals(0, rc, "seed " + SEED + ", " + method + ":\n" + errors);
		final List<String> failures = new ArrayList<>();
		for (final Case c : cases) {
			final String f = check(c);
			if (f != null) failures.add(c.image.getFileName() + " (" + c.kind + ", " + c.shape + " " +
				c.w + "x" + c.h + " period " + c.period + "): " + f);
		}
		assertEquals(List.of(), failures, method + ", seed " + SEED);
	}

	private Case generate(final int i, final Random r, final boolean large) {
		final Case c = new Case();
		c.kind = Kind.values()[i % Kind.values().length];
		c.shape = Shape.values()[(i / Kind.values().length) % Shape.values().length];
		if (large) c.shape = Shape.values()[r.nextInt(3)];
		c.w = large ? 512 : 8 + r.nextInt(90);
		c.h = large ? 512 : 8 + r.nextInt(90);
		c.period = 1 + r.nextInt(4);
		final int planes = c.kind == Kind.STACK16 ? 2 + r.nextInt(2) : 1;
		final ImageStack stack = new ImageStack(c.w, c.h);
		for (int p = 0; p < planes; p++)
			stack.addSlice(plane(c, r));
		c.input = new ImagePlus("case" + i, stack);
		c.hole = mask(c, r);
		final ByteProcessor m = new ByteProcessor(c.w, c.h);
		for (int k = 0; k < c.hole.length; k++)
			if (c.hole[k]) m.set(k, 255);
		c.image = dir.resolve("case" + i + ".tif");
		c.mask = dir.resolve("case" + i + "-mask.png");
		c.output = dir.resolve("case" + i + "-out.tif");
		final FileSaver fs = new FileSaver(c.input);
		assertTrue(planes > 1 ? fs.saveAsTiffStack(c.image.toString()) : fs.saveAsTiff(c.image
			.toString()));
		assertTrue(new FileSaver(new ImagePlus("m", m)).saveAsPng(c.mask.toString()));
		return c;
	}

	private static ImageProcessor plane(final Case c, final Random r) {
		final int n = c.w * c.h;
		final double fx = r.nextDouble() * 0.3, fy = r.nextDouble() * 0.3;
		final ImageProcessor ip;
		switch (c.kind) {
			case U8: ip = new ByteProcessor(c.w, c.h); break;
			case F32: ip = new FloatProcessor(c.w, c.h); break;
			case RGB: ip = new ColorProcessor(c.w, c.h); break;
			default: ip = new ShortProcessor(c.w, c.h);
		}
		final boolean flat = r.nextInt(10) == 0;
		for (int k = 0; k < n; k++) {
			final double s = flat ? 0.5 : 0.5 + 0.25 * Math.sin(fx * (k % c.w)) + 0.2 * Math.cos(fy *
				(k / c.w)) + 0.05 * r.nextDouble();
			switch (c.kind) {
				case U8: ip.set(k, (int) Math.round(255 * clamp(s))); break;
				case RGB: {
					final int v = (int) Math.round(255 * clamp(s));
					ip.set(k, v << 16 | (255 - v) << 8 | v / 2);
					break;
				}
				case F32: ip.setf(k, (float) (flat ? 1e-30 : (s - 0.5) * Math.pow(10, 1 + (k % 7)))); break;
				default: ip.set(k, (int) Math.round(65535 * clamp(s)));
			}
		}
		if (c.kind == Kind.F32 && !flat) for (int k = 0; k < n / 97; k++)
			ip.setf(r.nextInt(n), k % 3 == 0 ? Float.NaN : k % 3 == 1 ? Float.POSITIVE_INFINITY
				: Float.intBitsToFloat(0x7fc00123)); // a NaN with a payload
		return ip;
	}

	private static double clamp(final double v) {
		return Math.max(0, Math.min(1, v));
	}

	private static boolean[] mask(final Case c, final Random r) {
		final int w = c.w, h = c.h, p = c.period;
		final boolean[] m = new boolean[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final boolean v;
				switch (c.shape) {
					case ROWS: v = y % (p + 1) == 0; break;
					case COLUMNS: v = x % (p + 1) == 0; break;
					case CHECKER: v = (x / p + y / p) % 2 == 0; break;
					case NEAR_FULL: v = !(x == w / 2 && y == h / 2 || x == 0 && y == h - 1); break;
					case ONE_PIXEL: v = x == w / 3 && y == h / 4; break;
					case FRAME: v = x < p || y < p || x >= w - p || y >= h - p; break;
					case CORNERS: v = (x < 2 || x >= w - 2) && (y < 2 || y >= h - 2); break;
					default: v = false;
				}
				m[y * w + x] = v;
			}
		if (c.shape == Shape.BLOBS) for (int b = 0; b < 1 + r.nextInt(5); b++) {
			final int cx = r.nextInt(w), cy = r.nextInt(h), rad = 1 + r.nextInt(Math.max(1, Math
				.min(w, h) / 4));
			for (int y = Math.max(0, cy - rad); y < Math.min(h, cy + rad + 1); y++)
				for (int x = Math.max(0, cx - rad); x < Math.min(w, cx + rad + 1); x++)
					if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= rad * rad) m[y * w + x] = true;
		}
		// a full mask is refused by design and an empty one has nothing to do: keep one known
		// pixel and one hole
		m[(h / 2) * w + w / 2] = false;
		m[0] = m[0] || !any(m);
		return m;
	}

	private static boolean any(final boolean[] m) {
		for (final boolean b : m)
			if (b) return true;
		return false;
	}

	/** @return null when the output keeps every promise, else what broke */
	private static String check(final Case c) {
		final ImagePlus out = IJ.openImage(c.output.toString());
		if (out == null) return "no output";
		if (out.getBitDepth() != c.input.getBitDepth()) return "type " + out.getBitDepth();
		if (out.getWidth() != c.w || out.getHeight() != c.h || out.getStackSize() != c.input
			.getStackSize()) return "shape";
		for (int p = 1; p <= c.input.getStackSize(); p++) {
			final ImageProcessor a = c.input.getStack().getProcessor(p), b = out.getStack()
				.getProcessor(p);
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (int k = 0; k < c.hole.length; k++) {
				if (c.hole[k]) continue;
				for (final double v : values(a, k))
					if (Double.isFinite(v)) {
						lo = Math.min(lo, v);
						hi = Math.max(hi, v);
					}
			}
			for (int k = 0; k < c.hole.length; k++) {
				if (!c.hole[k]) {
					if (raw(a, k) != raw(b, k)) return "plane " + p + " pixel " + k + " outside the mask " +
						"changed";
					continue;
				}
				for (final double v : values(b, k))
					if (!Double.isFinite(v) || v < lo || v > hi) return "plane " + p + " pixel " + k +
						" filled with " + v + ", known range [" + lo + ", " + hi + "]";
			}
		}
		return null;
	}

	private static long raw(final ImageProcessor ip, final int k) {
		if (ip instanceof ColorProcessor) return ip.get(k) & 0xffffff; // ImageJ may set alpha bits
		return ip instanceof FloatProcessor ? Float.floatToRawIntBits(ip.getf(k)) : ip.get(k);
	}

	private static double[] values(final ImageProcessor ip, final int k) {
		if (ip instanceof ColorProcessor) {
			final int c = ip.get(k);
			return new double[] { c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff };
		}
		return new double[] { ip.getf(k) };
	}
}
