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

import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.gs.DeviceChoice;
import io.github.gsinpaint.methods.Method;
import io.github.gsinpaint.methods.MethodOptions;

/**
 * Everything a user chooses for one repair in ImageJ, as one immutable value: built by the SciJava
 * command, the ImageJ 1.x dialog and a macro line, and read by {@link InpaintJob}. Its method part
 * is the {@link MethodOptions} that the command line and Spark build too (the defaults live
 * there); the rest says where the mask comes from, which planes to repair and whether to outline.
 * Holds no image, so it can be kept between runs, logged, sent to a cluster and compared.
 * <p>
 * Every {@code with...} checks its argument and returns a new object, so an invalid value is
 * reported where it is set (with the macro key in the message), not half-way through a run.
 * Choices are stored in their canonical spelling; input is matched without regard to case.
 * The macro keys ({@link #KEYS}) are public API: recorded macros use them.
 */
public final class InpaintOptions {

	// -- Mask sources (values of the key mask_source) --
	public static final String SELECTION = "selection", MASK_IMAGE = "mask image",
			ROI_MANAGER = "ROI Manager", NAN = "NaN pixels", VALUE = "value",
			SATURATED = "saturated";
	/** Found automatically ({@link DefectFinder}): hot and dead pixels and specks. */
	public static final String OUTLIERS = "outlier pixels";
	/** Found automatically ({@link DefectFinder}): dead or stuck rows and columns. */
	public static final String BAD_LINES = "bad rows and columns";
	public static final List<String> MASK_SOURCES = list(SELECTION, ROI_MANAGER, MASK_IMAGE, NAN,
		VALUE, SATURATED, OUTLIERS, BAD_LINES);

	// -- Which planes (values of the key planes) --
	/** All channels at the current slice and frame; for one-channel images the current plane. */
	public static final String CURRENT_POSITION = "current position";
	public static final String CURRENT_PLANE = "current plane",
			CURRENT_CHANNEL = "current channel", ALL_PLANES = "all planes";
	public static final List<String> PLANE_CHOICES = list(CURRENT_POSITION, CURRENT_PLANE,
		CURRENT_CHANNEL, ALL_PLANES);

	public static final String DISK = "disk", SQUARE = "square";
	public static final List<String> SHAPES = list(DISK, SQUARE);
	/** The dialog's device choices ({@link DeviceChoice#parse} also takes "cuda"). */
	public static final List<String> DEVICES = list(DeviceChoice.AUTO.key(), DeviceChoice.CPU.key(),
		DeviceChoice.GPU.key());

	/** The macro keys, in dialog order; the SciJava command's parameter names are the same. */
	public static final List<String> KEYS = list("method", "mask_source", "mask_image", "value",
		"saturation_level", "threshold", "dilation", "shape", "planes", "device", "tile_size", "model", "outline");

	private MethodOptions methodOptions = MethodOptions.defaults();
	private String maskSource = SELECTION;
	private String maskImage = "";
	private double value;
	/** 0: the type's maximum */
	private double saturationLevel;
	private double threshold = DefectFinder.DEFAULT_THRESHOLD;
	private int dilation;
	private String shape = DISK;
	private String planes = CURRENT_POSITION;
	private boolean outline;

	/** Fields are only set on a fresh copy, before it is returned: instances never change. */
	private InpaintOptions() {}

	private InpaintOptions copy() {
		final InpaintOptions c = new InpaintOptions();
		c.methodOptions = methodOptions;
		c.maskSource = maskSource;
		c.maskImage = maskImage;
		c.value = value;
		c.saturationLevel = saturationLevel;
		c.threshold = threshold;
		c.dilation = dilation;
		c.shape = shape;
		c.planes = planes;
		c.outline = outline;
		return c;
	}

	/**
	 * The documented defaults (docs/FIJI.md): the method's defaults ({@link MethodOptions}, the same
	 * for every front end) on the selection, every channel of the current position, no dilation, no
	 * outline (an overlay would be burned into PNG and JPEG exports).
	 */
	public static InpaintOptions defaults() {
		return new InpaintOptions();
	}

	/** @param m a method's name ({@link Method#parse}) */
	public InpaintOptions withMethod(final String m) {
		return withMethodOptions(methodOptions.withMethod(m));
	}

	public InpaintOptions withMethod(final Method m) {
		return withMethodOptions(methodOptions.withMethod(m));
	}

	/** @param o method, model, device, tile size and context margin at once */
	public InpaintOptions withMethodOptions(final MethodOptions o) {
		final InpaintOptions c = copy();
		c.methodOptions = Objects.requireNonNull(o, "method options");
		return c;
	}

	public InpaintOptions withMaskSource(final String s) {
		final InpaintOptions c = copy();
		c.maskSource = choice("mask_source", s, MASK_SOURCES);
		return c;
	}

	/** @param title the title of an open image (mask source "mask image"); empty for none */
	public InpaintOptions withMaskImage(final String title) {
		final InpaintOptions c = copy();
		c.maskImage = title == null ? "" : title.trim();
		return c;
	}

	public InpaintOptions withValue(final double v) {
		if (Double.isNaN(v)) throw new InpaintException(
			"The value must be a number (for NaN pixels choose the mask source 'NaN pixels').");
		final InpaintOptions c = copy();
		c.value = v;
		return c;
	}

	/**
	 * @param level pixels at or above it count as saturated; 0 = the type's maximum (255, 65535).
	 *          A 12-bit camera saturates at 4095 inside a 16-bit image.
	 */
	public InpaintOptions withSaturationLevel(final double level) {
		if (!(level >= 0)) throw new InpaintException("The saturation level (saturation_level) " +
			"must be 0 (the type's maximum) or a positive pixel value, got " + level + ".");
		final InpaintOptions c = copy();
		c.saturationLevel = level;
		return c;
	}

	/**
	 * @param sds how far, in robust standard deviations of the plane's own noise, a pixel (row,
	 *          column) must stand out to be found by the sources "outlier pixels" and "bad rows
	 *          and columns"; lower finds more
	 */
	public InpaintOptions withThreshold(final double sds) {
		if (!(sds > 0)) throw new InpaintException("The threshold must be a positive number of " +
			"robust standard deviations (default " + DefectFinder.DEFAULT_THRESHOLD + "), got " + sds +
			".");
		final InpaintOptions c = copy();
		c.threshold = sds;
		return c;
	}

	public InpaintOptions withDilation(final int pixels) {
		if (pixels < 0) throw new InpaintException("The mask dilation must be 0 or more pixels.");
		final InpaintOptions c = copy();
		c.dilation = pixels;
		return c;
	}

	public InpaintOptions withShape(final String s) {
		final InpaintOptions c = copy();
		c.shape = choice("dilation shape", s, SHAPES);
		return c;
	}

	public InpaintOptions withPlanes(final String p) {
		final InpaintOptions c = copy();
		c.planes = choice("planes", p, PLANE_CHOICES);
		return c;
	}

	/** @param d a device's name ({@link DeviceChoice#parse}: auto, cpu, gpu or cuda) */
	public InpaintOptions withDevice(final String d) {
		return withMethodOptions(methodOptions.withDevice(d));
	}

	public InpaintOptions withTileSize(final int pixels) {
		return withMethodOptions(methodOptions.withTileSize(pixels));
	}

	/** @param folder a model package folder; empty or null for the bundled model */
	public InpaintOptions withModel(final String folder) {
		final String f = folder == null ? "" : folder.trim();
		try {
			return withMethodOptions(methodOptions.withModelPath(f.isEmpty() ? null : Paths.get(f)));
		}
		catch (final InvalidPathException e) {
			throw new InpaintException("The model folder '" + folder + "' is not a valid path.", e);
		}
	}

	public InpaintOptions withOutline(final boolean on) {
		final InpaintOptions c = copy();
		c.outline = on;
		return c;
	}

	public Method method() {
		return methodOptions.method();
	}

	public String maskSource() {
		return maskSource;
	}

	public String maskImage() {
		return maskImage;
	}

	public double value() {
		return value;
	}

	public double saturationLevel() {
		return saturationLevel;
	}

	public double threshold() {
		return threshold;
	}

	public int dilation() {
		return dilation;
	}

	public String shape() {
		return shape;
	}

	public String planes() {
		return planes;
	}

	public DeviceChoice device() {
		return methodOptions.device();
	}

	public int tileSize() {
		return methodOptions.tileSize();
	}

	/** @return the model package folder, empty for the bundled model */
	public String model() {
		return methodOptions.modelPath() == null ? "" : methodOptions.modelPath().toString();
	}

	public boolean outline() {
		return outline;
	}

	/** @return the method's options: method, model folder, device, tile size, context margin */
	public MethodOptions methodOptions() {
		return methodOptions;
	}

	/**
	 * The options as a macro line's argument ({@code run("2DGS Inpainting...", <this>)}): keys that
	 * do not apply to the chosen method and mask source are left out, as the dialog greys them.
	 */
	public String toMacroOptions() {
		final StringBuilder sb = new StringBuilder();
		sb.append("method=").append(method());
		sb.append(" mask_source=").append(bracket(maskSource));
		if (maskSource.equals(MASK_IMAGE)) sb.append(" mask_image=").append(bracket(maskImage));
		if (maskSource.equals(VALUE)) sb.append(" value=").append(number(value));
		if (maskSource.equals(SATURATED)) sb.append(" saturation_level=").append(number(
			saturationLevel));
		if (maskSource.equals(OUTLIERS) || maskSource.equals(BAD_LINES)) sb.append(" threshold=")
			.append(number(threshold));
		sb.append(" dilation=").append(dilation);
		if (dilation > 0) sb.append(" shape=").append(shape);
		sb.append(" planes=").append(bracket(planes));
		if (method() == Method.GAUSSIAN_SPLATTING) {
			sb.append(" device=").append(device());
			if (!model().isEmpty()) sb.append(" model=").append(bracket(model()));
		}
		if (tileSize() > 0) sb.append(" tile_size=").append(tileSize());
		if (outline) sb.append(" outline");
		return sb.toString();
	}

	/**
	 * Reads a macro line's argument with ImageJ's own rules ({@link ij.Macro#getValue}: brackets
	 * for values with spaces; a flag such as {@code outline} by its presence); keys left out get the
	 * defaults. The inverse of {@link #toMacroOptions()}.
	 *
	 * @throws InpaintException for a value that is not valid for its key
	 */
	public static InpaintOptions fromMacroOptions(final String options) {
		final String o = options == null ? "" : options.trim() + " ";
		final InpaintOptions d = defaults();
		return d.withMethod(get(o, "method", d.method().key())).withMaskSource(get(o, "mask_source",
			d.maskSource)).withMaskImage(get(o, "mask_image", d.maskImage)).withValue(number(o,
				"value", d.value)).withSaturationLevel(number(o, "saturation_level",
					d.saturationLevel)).withThreshold(number(o, "threshold", d.threshold)).withDilation((int) number(o, "dilation", d.dilation)).withShape(
						get(o, "shape", d.shape)).withPlanes(get(o, "planes", d.planes)).withDevice(get(o,
							"device", d.device().key())).withTileSize((int) number(o, "tile_size", d.tileSize()))
			.withModel(get(o, "model", d.model())).withOutline((" " + o).contains(" outline "));
	}

	private static String get(final String options, final String key, final String otherwise) {
		return ij.Macro.getValue(options, key, otherwise);
	}

	private static double number(final String options, final String key, final double otherwise) {
		final String v = ij.Macro.getValue(options, key, null);
		if (v == null) return otherwise;
		try {
			return Double.parseDouble(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new InpaintException("'" + key + "=" + v + "' is not a number.");
		}
	}

	@Override
	public String toString() {
		return "InpaintOptions[" + toMacroOptions() + "]";
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof InpaintOptions)) return false;
		final InpaintOptions x = (InpaintOptions) o;
		return methodOptions.equals(x.methodOptions) && maskSource.equals(x.maskSource) && maskImage.equals(
			x.maskImage) && Double.compare(value, x.value) == 0 && Double.compare(saturationLevel,
				x.saturationLevel) == 0 && Double.compare(threshold, x.threshold) == 0 && dilation == x.dilation && shape.equals(x.shape) && planes
					.equals(x.planes) && outline == x.outline;
	}

	@Override
	public int hashCode() {
		return Objects.hash(methodOptions, maskSource, maskImage, value, saturationLevel, threshold, dilation, shape,
			planes, outline);
	}

	private static String bracket(final String s) {
		return s.indexOf(' ') >= 0 || s.isEmpty() ? "[" + s + "]" : s;
	}

	private static String number(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(
			Locale.ROOT, "%s", v);
	}

	/** @return the canonical spelling of {@code value} among {@code choices} */
	/**
	 * The choice a macro value names: the whole label in any case, or, for a hand-written macro,
	 * the label's first word when no other choice starts with that word ({@code nan} for "NaN
	 * pixels", {@code roi} for "ROI Manager", {@code outlier} for "outlier pixels"). The recorder
	 * writes whole labels.
	 */
	static String choice(final String what, final String value, final List<String> choices) {
		if (value != null) {
			final String v = value.trim();
			for (final String c : choices)
				if (c.equalsIgnoreCase(v)) return c;
			String byWord = null;
			int matches = 0;
			for (final String c : choices)
				if (c.split(" ")[0].equalsIgnoreCase(v)) {
					byWord = c;
					matches++;
				}
			if (matches == 1) return byWord;
		}
		throw new InpaintException("Unknown " + what + " '" + value + "': choose one of " + String
			.join(", ", choices) + ".");
	}

	private static List<String> list(final String... items) {
		return Collections.unmodifiableList(Arrays.asList(items));
	}
}
