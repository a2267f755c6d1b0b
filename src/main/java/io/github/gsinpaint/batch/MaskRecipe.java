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
package io.github.gsinpaint.batch;

import java.io.Serializable;

/**
 * Where a line's mask comes from, as in the Fiji dialog: the mask file (non-zero = hole), and/or
 * the image's own NaN pixels, saturated pixels (at or above a level) or pixels equal to a value;
 * the union is then grown by a dilation. Immutable.
 */
public final class MaskRecipe implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Dilation shapes, as the dialog names them. */
	public enum Shape {
		DISK, SQUARE
	}

	private final boolean nan;
	/** null: no saturated pixels; NaN: at the type's maximum; else at or above this level */
	private final Double saturatedAt;
	private final Double value;
	private final int dilation;
	private final Shape shape;

	private MaskRecipe(final boolean nan, final Double saturatedAt, final Double value,
		final int dilation, final Shape shape)
	{
		this.nan = nan;
		this.saturatedAt = saturatedAt;
		this.value = value;
		this.dilation = dilation;
		this.shape = shape;
	}

	/** The mask file alone, not grown. */
	public static MaskRecipe fileOnly() {
		return new MaskRecipe(false, null, null, 0, Shape.DISK);
	}

	public MaskRecipe withNan(final boolean on) {
		return new MaskRecipe(on, saturatedAt, value, dilation, shape);
	}

	/** @param level pixels at or above it are holes; NaN for the type's maximum (255, 65535) */
	public MaskRecipe withSaturated(final double level) {
		return new MaskRecipe(nan, level, value, dilation, shape);
	}

	public MaskRecipe withValue(final double v) {
		return new MaskRecipe(nan, saturatedAt, v, dilation, shape);
	}

	public MaskRecipe withDilation(final int pixels, final Shape s) {
		if (pixels < 0) throw new IllegalArgumentException("dilation must be >= 0");
		return new MaskRecipe(nan, saturatedAt, value, pixels, s);
	}

	/** @return whether any mask comes from the image's pixels (then a mask file is optional) */
	public boolean usesPixels() {
		return nan || saturatedAt != null || value != null;
	}

	public boolean nan() {
		return nan;
	}

	/** @return null: off; NaN: the type's maximum; else the level */
	public Double saturatedAt() {
		return saturatedAt;
	}

	/** @return null: off; else the value whose pixels are holes */
	public Double value() {
		return value;
	}

	public int dilation() {
		return dilation;
	}

	public Shape shape() {
		return shape;
	}
}
