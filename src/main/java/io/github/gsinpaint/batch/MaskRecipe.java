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
