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

import java.util.Random;

import io.github.gsinpaint.core.InpaintSettings;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.NativeType;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * One generated test case: an image of some pixel type, size and content, a mask of some shape,
 * and the tiling settings. Everything is derived from the fields, so a case prints (and shrinks)
 * as a handful of numbers and is rebuilt identically on demand.
 */
final class RandomCase {

	enum PixelKind {
		U8(new UnsignedByteType()), S8(new ByteType()), U16(new UnsignedShortType()), S16(
			new ShortType()), I32(new IntType()), U32(new UnsignedIntType()), F32(new FloatType()),
		F64(new DoubleType()),
		/** Three unsigned-byte channels filled jointly, as ImageJ's RGB planes are. */
		RGB(new UnsignedByteType());

		final RealType<?> type;

		PixelKind(final RealType<?> type) {
			this.type = type;
		}

		boolean isFloat() {
			return this == F32 || this == F64;
		}
	}

	enum Content {
		NOISE, SMOOTH, FLAT, EXTREMES
	}

	enum MaskKind {
		EMPTY, FULL, ONE_PIXEL, BORDER_FRAME, CORNERS, SPECKLE, HUGE, RECTANGLES, SCRATCHES
	}

	final PixelKind kind;
	final int channels, width, height;
	final Content content;
	final MaskKind maskKind;
	final long seed;
	final int tileSize, overlap, margin;

	RandomCase(final PixelKind kind, final int channels, final int width, final int height,
		final Content content, final MaskKind maskKind, final long seed, final int[] tiling)
	{
		this.kind = kind;
		this.channels = kind == PixelKind.RGB ? 3 : channels;
		this.width = width;
		this.height = height;
		this.content = content;
		this.maskKind = maskKind;
		this.seed = seed;
		this.tileSize = tiling[0];
		this.overlap = tiling[1];
		this.margin = tiling[2];
	}

	RandomCase withMask(final MaskKind m) {
		return new RandomCase(kind, channels, width, height, content, m, seed, new int[] { tileSize,
			overlap, margin });
	}

	InpaintSettings settings() {
		return InpaintSettings.defaults().withTileSize(tileSize).withOverlap(overlap)
			.withContextMargin(margin).withJointChannels(kind == PixelKind.RGB);
	}

	@Override
	public String toString() {
		return kind + "x" + channels + " " + width + "x" + height + " " + content + " mask=" +
			maskKind + " seed=" + seed + " tile=" + tileSize + " overlap=" + overlap + " margin=" +
			margin;
	}

	// -- Image --

	@SuppressWarnings({ "unchecked", "rawtypes" })
	Img<? extends RealType<?>> image() {
		final NativeType type = (NativeType) kind.type.createVariable();
		final long[] dims = channels > 1 ? new long[] { width, height, channels } : new long[] {
			width, height };
		final Img img = new ArrayImgFactory(type).create(dims);
		final Random r = new Random(seed);
		final double min = kind.isFloat() ? -floatScale(r) : kind.type.getMinValue();
		final double max = kind.isFloat() ? -min : kind.type.getMaxValue();
		final double special = kind.isFloat() ? r.nextDouble() * 0.15 : 0;
		final double flat = min + r.nextDouble() * (max - min);
		final Cursor<RealType<?>> c = Views.flatIterable((Img<RealType<?>>) img).cursor();
		while (c.hasNext()) {
			final RealType<?> t = c.next();
			final int x = c.getIntPosition(0), y = c.getIntPosition(1);
			final int ch = channels > 1 ? c.getIntPosition(2) : 0;
			final double v;
			switch (content) {
				case SMOOTH:
					v = min + (max - min) * (0.5 + 0.25 * Math.sin(0.3 * x + ch) + 0.2 * Math.cos(0.2 *
						y));
					break;
				case FLAT:
					v = flat;
					break;
				case EXTREMES:
					v = r.nextBoolean() ? min : max;
					break;
				default:
					v = min + r.nextDouble() * (max - min);
			}
			if (kind.isFloat() && r.nextDouble() < special) setSpecial(t, r);
			else t.setReal(v);
		}
		return img;
	}

	/** Magnitudes from tiny to near the float limit. */
	private static double floatScale(final Random r) {
		final double[] scales = { 1, 1e-30, 255, 1e6, 1e30, 3e38 };
		return scales[r.nextInt(scales.length)];
	}

	/** NaN with payloads and sign, infinities, negative zero, the smallest subnormal. */
	private static void setSpecial(final RealType<?> t, final Random r) {
		if (t instanceof FloatType) {
			final float[] specials = { Float.NaN, Float.intBitsToFloat(0x7fc0abcd), Float
				.intBitsToFloat(0xffc00123), Float.intBitsToFloat(0x7f800001),
				Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, Float.MIN_VALUE };
			((FloatType) t).set(specials[r.nextInt(specials.length)]);
		}
		else {
			final double[] specials = { Double.NaN, Double.longBitsToDouble(0x7ff800000000abcdL),
				Double.longBitsToDouble(0xfff8000000000123L), Double.longBitsToDouble(
					0x7ff0000000000001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0d,
				Double.MIN_VALUE };
			((DoubleType) t).set(specials[r.nextInt(specials.length)]);
		}
	}

	// -- Mask --

	Img<BitType> mask() {
		final Img<BitType> m = ArrayImgs.bits(width, height);
		final Random r = new Random(seed * 31 + 7);
		final boolean[] hole = new boolean[width * height];
		switch (maskKind) {
			case EMPTY:
				break;
			case FULL:
				java.util.Arrays.fill(hole, true);
				break;
			case ONE_PIXEL:
				hole[r.nextInt(hole.length)] = true;
				break;
			case BORDER_FRAME: {
				final int t = 1 + r.nextInt(3);
				for (int y = 0; y < height; y++)
					for (int x = 0; x < width; x++)
						hole[y * width + x] = x < t || y < t || x >= width - t || y >= height - t;
				break;
			}
			case CORNERS:
				hole[0] = hole[width - 1] = hole[(height - 1) * width] = hole[hole.length - 1] = true;
				break;
			case SPECKLE: {
				final double p = 0.01 + r.nextDouble() * 0.3;
				for (int i = 0; i < hole.length; i++)
					hole[i] = r.nextDouble() < p;
				break;
			}
			case HUGE: {
				java.util.Arrays.fill(hole, true);
				final int keep = 1 + r.nextInt(5);
				for (int k = 0; k < keep; k++)
					hole[r.nextInt(hole.length)] = false;
				break;
			}
			case RECTANGLES: {
				final int n = 1 + r.nextInt(4);
				for (int k = 0; k < n; k++) {
					final int x0 = r.nextInt(width), y0 = r.nextInt(height);
					final int x1 = Math.min(width, x0 + 1 + r.nextInt(Math.max(1, width / 2)));
					final int y1 = Math.min(height, y0 + 1 + r.nextInt(Math.max(1, height / 2)));
					for (int y = y0; y < y1; y++)
						for (int x = x0; x < x1; x++)
							hole[y * width + x] = true;
				}
				break;
			}
			default: { // SCRATCHES: full-length lines, from border to border
				final int n = 1 + r.nextInt(3);
				for (int k = 0; k < n; k++) {
					if (r.nextBoolean()) {
						final int y = r.nextInt(height);
						for (int x = 0; x < width; x++)
							hole[y * width + x] = true;
					}
					else {
						final int x = r.nextInt(width);
						for (int y = 0; y < height; y++)
							hole[y * width + x] = true;
					}
				}
			}
		}
		final Cursor<BitType> c = Views.flatIterable(m).cursor();
		for (final boolean b : hole)
			c.next().set(b);
		return m;
	}

	// -- Bits --

	/** Raw bits of every sample in flat order: NaN payloads and the sign of zero count. */
	static long[] bits(final Img<? extends RealType<?>> img) {
		final long[] out = new long[(int) img.size()];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
		for (int i = 0; c.hasNext(); i++)
			out[i] = bits(c.next());
		return out;
	}

	static long bits(final RealType<?> t) {
		if (t instanceof FloatType) return Float.floatToRawIntBits(((FloatType) t).get());
		if (t instanceof DoubleType) return Double.doubleToRawLongBits(((DoubleType) t).get());
		if (t instanceof IntegerType) return ((IntegerType<?>) t).getIntegerLong();
		return Double.doubleToRawLongBits(t.getRealDouble());
	}
}
