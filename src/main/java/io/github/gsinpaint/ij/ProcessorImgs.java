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

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.ColorChannelOrder;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Converts ImageJ 1.x processors (one plane) to ImgLib2 images and back, without imglib2-ij
 * (which is not on Maven Central). Planes are wrapped without copying (the core never writes its
 * input); RGB planes are viewed as three unsigned-byte channels (X, Y, C) with ImgLib2's
 * {@link Converters#argbChannels} and packed back with {@link Converters#mergeARGB}.
 */
public final class ProcessorImgs {

	private ProcessorImgs() {}

	/**
	 * @return an image viewing the processor's pixels: grey as they are, RGB as three
	 *         unsigned-byte channels (X, Y, C: red, green, blue) of the packed pixels
	 */
	public static RandomAccessibleInterval<? extends RealType<?>> wrap(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		if (ip instanceof ByteProcessor) return ArrayImgs.unsignedBytes((byte[]) ip.getPixels(), w,
			h);
		if (ip instanceof ShortProcessor) return ArrayImgs.unsignedShorts((short[]) ip.getPixels(),
			w, h);
		if (ip instanceof FloatProcessor) return ArrayImgs.floats((float[]) ip.getPixels(), w, h);
		if (ip instanceof ColorProcessor) return rgbChannels((int[]) ip.getPixels(), w, h);
		throw new IllegalArgumentException("Unsupported processor " + ip.getClass().getSimpleName());
	}

	/** @return a new processor of the same kind as {@code like} holding {@code img}'s pixels */
	@SuppressWarnings("unchecked")
	public static ImageProcessor toProcessor(final Img<? extends RealType<?>> img,
		final ImageProcessor like)
	{
		final int w = (int) img.dimension(0), h = (int) img.dimension(1);
		if (like instanceof ColorProcessor) {
			final int[] rgb = new int[w * h];
			// Packed by ImgLib2 (not by writing through argbChannels: in ImgLib2 7.1.2 a channel
			// value of 128 or more written that way sign-extends over the other channels).
			LoopBuilder.setImages(Converters.mergeARGB((Img<UnsignedByteType>) img,
				ColorChannelOrder.RGB), ArrayImgs.argbs(rgb, w, h)).forEachPixel((i, o) -> o.set(i
					.get() & 0xffffff));
			// The core sees only red, green and blue; the top byte (0xff from ImageJ's readers, or an
			// alpha) is the input's, so unmasked pixels come back bit-identical and a fill replaces
			// colour, not alpha.
			final int[] src = (int[]) like.getPixels();
			if (src.length != rgb.length) throw new IllegalArgumentException("The repaired plane is " +
				w + "x" + h + " but the input plane " + like.getWidth() + "x" + like.getHeight() + ".");
			for (int k = 0; k < rgb.length; k++)
				rgb[k] |= src[k] & 0xff000000;
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

	/** Red, green and blue of packed RGB pixels as channels (X, Y, C), read through. */
	private static RandomAccessibleInterval<UnsignedByteType> rgbChannels(final int[] rgb,
		final int w, final int h)
	{
		return Converters.argbChannels(ArrayImgs.argbs(rgb, w, h), 1, 2, 3);
	}
}
