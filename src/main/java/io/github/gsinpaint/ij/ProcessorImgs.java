package io.github.gsinpaint.ij;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.logic.BitType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Converts ImageJ 1.x processors (one plane) to ImgLib2 images and back, without imglib2-ij
 * (which is not on Maven Central). Grey planes are wrapped without copying (the core never writes
 * its input); RGB planes become three unsigned-byte channels (X, Y, C).
 */
public final class ProcessorImgs {

	private ProcessorImgs() {}

	/** @return an image viewing the processor's pixels (grey) or a 3-channel copy (RGB) */
	public static Img<? extends RealType<?>> wrap(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		if (ip instanceof ByteProcessor) return ArrayImgs.unsignedBytes((byte[]) ip.getPixels(), w,
			h);
		if (ip instanceof ShortProcessor) return ArrayImgs.unsignedShorts((short[]) ip.getPixels(),
			w, h);
		if (ip instanceof FloatProcessor) return ArrayImgs.floats((float[]) ip.getPixels(), w, h);
		if (ip instanceof ColorProcessor) {
			final int[] rgb = (int[]) ip.getPixels();
			final int n = w * h;
			final byte[] planar = new byte[3 * n];
			for (int i = 0; i < n; i++) {
				planar[i] = (byte) (rgb[i] >> 16);
				planar[n + i] = (byte) (rgb[i] >> 8);
				planar[2 * n + i] = (byte) rgb[i];
			}
			return ArrayImgs.unsignedBytes(planar, w, h, 3);
		}
		throw new IllegalArgumentException("Unsupported processor " + ip.getClass().getSimpleName());
	}

	/** @return a new processor of the same kind as {@code like} holding {@code img}'s pixels */
	@SuppressWarnings("unchecked")
	public static ImageProcessor toProcessor(final Img<? extends RealType<?>> img,
		final ImageProcessor like)
	{
		final int w = (int) img.dimension(0), h = (int) img.dimension(1);
		if (like instanceof ColorProcessor) {
			final int n = w * h;
			final byte[] planar = ((ArrayImg<UnsignedByteType, ByteArray>) (Img<?>) img).update(null)
				.getCurrentStorageArray();
			final int[] rgb = new int[n];
			for (int i = 0; i < n; i++)
				rgb[i] = ((planar[i] & 0xff) << 16) | ((planar[n + i] & 0xff) << 8) | (planar[2 * n +
					i] & 0xff);
			return new ColorProcessor(w, h, rgb);
		}
		final ImageProcessor out;
		if (like instanceof ByteProcessor) out = new ByteProcessor(w, h,
			((ArrayImg<UnsignedByteType, ByteArray>) (Img<?>) img).update(null)
				.getCurrentStorageArray());
		else if (like instanceof ShortProcessor) out = new ShortProcessor(w, h,
			((ArrayImg<UnsignedShortType, ShortArray>) (Img<?>) img).update(null)
				.getCurrentStorageArray(), null);
		else if (like instanceof FloatProcessor) out = new FloatProcessor(w, h,
			((ArrayImg<FloatType, FloatArray>) (Img<?>) img).update(null).getCurrentStorageArray());
		else throw new IllegalArgumentException("Unsupported processor " + like.getClass()
			.getSimpleName());
		out.setColorModel(like.getColorModel());
		out.setMinAndMax(like.getMin(), like.getMax());
		return out;
	}

	/** A mask image: every non-zero pixel is a hole. */
	public static Img<BitType> nonZeroMask(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		final Img<BitType> mask = ArrayImgs.bits(w, h);
		final Cursor<BitType> c = Views.flatIterable(mask).cursor();
		final boolean rgb = ip instanceof ColorProcessor;
		for (int i = 0; i < w * h; i++)
			c.next().set(rgb ? (ip.get(i) & 0xffffff) != 0 : ip.getf(i) != 0);
		return mask;
	}
}
