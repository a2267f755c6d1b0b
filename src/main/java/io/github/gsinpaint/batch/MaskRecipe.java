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
import java.util.function.Consumer;

import io.github.gsinpaint.ij.DefectFinder;

/**
 * Where a line's mask comes from, as in the Fiji dialog: the mask file (non-zero = hole), and/or
 * the image's own NaN pixels, saturated pixels (at or above a level), pixels equal to a value,
 * outlier pixels or bad rows and columns (found by {@link DefectFinder} at a threshold); the
 * union is then grown by a dilation. Immutable: every {@code with...} returns a new recipe.
 */
public final class MaskRecipe implements Serializable {

	private static final long serialVersionUID = 2L;

	/** Dilation shapes, as the dialog names them. */
	public enum Shape {
		DISK, SQUARE
	}

	private boolean nan;
	/** null: no saturated pixels; NaN: at the type's maximum; else at or above this level */
	private Double saturatedAt;
	private Double value;
	private boolean outliers, badLines;
	private double threshold = DefectFinder.DEFAULT_THRESHOLD;
	private int dilation;
	private Shape shape = Shape.DISK;

	private MaskRecipe() {}

	/** A copy with one change: every {@code with...} is one. */
	private MaskRecipe with(final Consumer<MaskRecipe> change) {
		final MaskRecipe c = new MaskRecipe();
		c.nan = nan;
		c.saturatedAt = saturatedAt;
		c.value = value;
		c.outliers = outliers;
		c.badLines = badLines;
		c.threshold = threshold;
		c.dilation = dilation;
		c.shape = shape;
		change.accept(c);
		return c;
	}

	/** The mask file alone, not grown. */
	public static MaskRecipe fileOnly() {
		return new MaskRecipe();
	}

	public MaskRecipe withNan(final boolean on) {
		return with(c -> c.nan = on);
	}

	/** @param level pixels at or above it are holes; NaN for the type's maximum (255, 65535) */
	public MaskRecipe withSaturated(final double level) {
		return with(c -> c.saturatedAt = level);
	}

	public MaskRecipe withValue(final double v) {
		return with(c -> c.value = v);
	}

	/** Hot and dead pixels and specks ({@link DefectFinder#outlierPixels}). */
	public MaskRecipe withOutliers(final boolean on) {
		return with(c -> c.outliers = on);
	}

	/** Dead, hot or stuck rows and columns ({@link DefectFinder#badLines}). */
	public MaskRecipe withBadLines(final boolean on) {
		return with(c -> c.badLines = on);
	}

	/** @param sds the finders' threshold in robust standard deviations; must be positive */
	public MaskRecipe withThreshold(final double sds) {
		if (!(sds > 0)) throw new IllegalArgumentException("threshold must be > 0");
		return with(c -> c.threshold = sds);
	}

	public MaskRecipe withDilation(final int pixels, final Shape s) {
		if (pixels < 0) throw new IllegalArgumentException("dilation must be >= 0");
		return with(c -> {
			c.dilation = pixels;
			c.shape = s;
		});
	}

	/** @return whether any mask comes from the image's pixels (then a mask file is optional) */
	public boolean usesPixels() {
		return nan || saturatedAt != null || value != null || outliers || badLines;
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

	public boolean outliers() {
		return outliers;
	}

	public boolean badLines() {
		return badLines;
	}

	/** @return the finders' threshold in robust standard deviations */
	public double threshold() {
		return threshold;
	}

	public int dilation() {
		return dilation;
	}

	public Shape shape() {
		return shape;
	}
}
