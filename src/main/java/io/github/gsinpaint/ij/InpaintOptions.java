package io.github.gsinpaint.ij;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintMethods;
import io.github.gsinpaint.core.MethodOptions;

/**
 * Everything a user chooses for one repair, as one immutable value: built by the SciJava command,
 * the ImageJ 1.x dialog, a macro line, the command line or Spark, and read by {@link InpaintJob}.
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
	public static final List<String> DEVICES = list(MethodOptions.AUTO, MethodOptions.CPU,
		MethodOptions.GPU);

	/** The macro keys, in dialog order; the SciJava command's parameter names are the same. */
	public static final List<String> KEYS = list("method", "mask_source", "mask_image", "value",
		"saturation_level", "threshold", "dilation", "shape", "planes", "device", "tile_size", "model", "outline");

	private final String method;
	private final String maskSource;
	private final String maskImage;
	private final double value;
	private final double saturationLevel;
	private final double threshold;
	private final int dilation;
	private final String shape;
	private final String planes;
	private final String device;
	private final int tileSize;
	private final String model;
	private final boolean outline;

	private InpaintOptions(final String method, final String maskSource, final String maskImage,
		final double value, final double saturationLevel, final double threshold,
		final int dilation, final String shape,
		final String planes, final String device, final int tileSize, final String model,
		final boolean outline)
	{
		this.method = method;
		this.maskSource = maskSource;
		this.maskImage = maskImage;
		this.value = value;
		this.saturationLevel = saturationLevel;
		this.threshold = threshold;
		this.dilation = dilation;
		this.shape = shape;
		this.planes = planes;
		this.device = device;
		this.tileSize = tileSize;
		this.model = model;
		this.outline = outline;
	}

	/**
	 * The documented defaults (docs/FIJI.md): 2dgs on the selection, every channel of the current
	 * position, no dilation, no outline (an overlay would be burned into PNG and JPEG exports).
	 */
	public static InpaintOptions defaults() {
		return new InpaintOptions(InpaintMethods.GAUSSIAN_SPLATTING, SELECTION, "", 0, 0, DefectFinder.DEFAULT_THRESHOLD, 0, DISK,
			CURRENT_POSITION, MethodOptions.AUTO, 0, "", false);
	}

	public InpaintOptions withMethod(final String m) {
		return new InpaintOptions(choice("inpainting method", m, InpaintMethods.names()), maskSource,
			maskImage, value, saturationLevel, threshold, dilation, shape, planes, device, tileSize, model,
			outline);
	}

	public InpaintOptions withMaskSource(final String s) {
		return new InpaintOptions(method, choice("mask_source", s, MASK_SOURCES), maskImage, value,
			saturationLevel, threshold, dilation, shape, planes, device, tileSize, model, outline);
	}

	/** @param title the title of an open image (mask source "mask image"); empty for none */
	public InpaintOptions withMaskImage(final String title) {
		return new InpaintOptions(method, maskSource, title == null ? "" : title.trim(), value,
			saturationLevel, threshold, dilation, shape, planes, device, tileSize, model, outline);
	}

	public InpaintOptions withValue(final double v) {
		if (Double.isNaN(v)) throw new InpaintException(
			"The value must be a number (for NaN pixels choose the mask source 'NaN pixels').");
		return new InpaintOptions(method, maskSource, maskImage, v, saturationLevel, threshold, dilation,
			shape, planes, device, tileSize, model, outline);
	}

	/**
	 * @param level pixels at or above it count as saturated; 0 = the type's maximum (255, 65535).
	 *          A 12-bit camera saturates at 4095 inside a 16-bit image.
	 */
	public InpaintOptions withSaturationLevel(final double level) {
		if (!(level >= 0)) throw new InpaintException("The saturation level (saturation_level) " +
			"must be 0 (the type's maximum) or a positive pixel value, got " + level + ".");
		return new InpaintOptions(method, maskSource, maskImage, value, level, threshold, dilation, shape,
			planes, device, tileSize, model, outline);
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
		return new InpaintOptions(method, maskSource, maskImage, value, saturationLevel, sds,
			dilation, shape, planes, device, tileSize, model, outline);
	}

	public InpaintOptions withDilation(final int pixels) {
		if (pixels < 0) throw new InpaintException("The mask dilation must be 0 or more pixels.");
		return new InpaintOptions(method, maskSource, maskImage, value, saturationLevel, threshold, pixels,
			shape, planes, device, tileSize, model, outline);
	}

	public InpaintOptions withShape(final String s) {
		return new InpaintOptions(method, maskSource, maskImage, value, saturationLevel, threshold, dilation,
			choice("dilation shape", s, SHAPES), planes, device, tileSize, model, outline);
	}

	public InpaintOptions withPlanes(final String p) {
		return new InpaintOptions(method, maskSource, maskImage, value, saturationLevel, threshold, dilation,
			shape, choice("planes", p, PLANE_CHOICES), device, tileSize, model, outline);
	}

	public InpaintOptions withDevice(final String d) {
		return new InpaintOptions(method, maskSource, maskImage, value, saturationLevel, threshold, dilation,
			shape, planes, choice("device", d, DEVICES), tileSize, model, outline);
	}

	public InpaintOptions withTileSize(final int pixels) {
		if (pixels < 0) throw new InpaintException(
			"The tile size must be 0 (the method's default) or a positive number of pixels.");
		return new InpaintOptions(method, maskSource, maskImage, value, saturationLevel, threshold, dilation,
			shape, planes, device, pixels, model, outline);
	}

	/** @param folder a model package folder; empty or null for the bundled model */
	public InpaintOptions withModel(final String folder) {
		return new InpaintOptions(method, maskSource, maskImage, value, saturationLevel, threshold, dilation,
			shape, planes, device, tileSize, folder == null ? "" : folder.trim(), outline);
	}

	public InpaintOptions withOutline(final boolean on) {
		return new InpaintOptions(method, maskSource, maskImage, value, saturationLevel, threshold, dilation,
			shape, planes, device, tileSize, model, on);
	}

	public String method() {
		return method;
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

	public String device() {
		return device;
	}

	public int tileSize() {
		return tileSize;
	}

	public String model() {
		return model;
	}

	public boolean outline() {
		return outline;
	}

	/** @return the core's options for opening the method (model folder and device) */
	public MethodOptions methodOptions() {
		return MethodOptions.defaults().withDevice(device).withModelPath(model.isEmpty() ? null
			: java.nio.file.Paths.get(model));
	}

	/**
	 * The options as a macro line's argument ({@code run("2DGS Inpainting...", <this>)}): keys that
	 * do not apply to the chosen method and mask source are left out, as the dialog greys them.
	 */
	public String toMacroOptions() {
		final StringBuilder sb = new StringBuilder();
		sb.append("method=").append(method);
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
		if (method.equals(InpaintMethods.GAUSSIAN_SPLATTING)) {
			sb.append(" device=").append(device);
			if (!model.isEmpty()) sb.append(" model=").append(bracket(model));
		}
		if (tileSize > 0) sb.append(" tile_size=").append(tileSize);
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
		return d.withMethod(get(o, "method", d.method)).withMaskSource(get(o, "mask_source",
			d.maskSource)).withMaskImage(get(o, "mask_image", d.maskImage)).withValue(number(o,
				"value", d.value)).withSaturationLevel(number(o, "saturation_level",
					d.saturationLevel)).withThreshold(number(o, "threshold", d.threshold)).withDilation((int) number(o, "dilation", d.dilation)).withShape(
						get(o, "shape", d.shape)).withPlanes(get(o, "planes", d.planes)).withDevice(get(o,
							"device", d.device)).withTileSize((int) number(o, "tile_size", d.tileSize))
			.withModel(get(o, "model", d.model)).withOutline((" " + o).contains(" outline "));
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
		return method.equals(x.method) && maskSource.equals(x.maskSource) && maskImage.equals(
			x.maskImage) && Double.compare(value, x.value) == 0 && Double.compare(saturationLevel,
				x.saturationLevel) == 0 && Double.compare(threshold, x.threshold) == 0 && dilation == x.dilation && shape.equals(x.shape) && planes
					.equals(x.planes) && device.equals(x.device) && tileSize == x.tileSize && model
						.equals(x.model) && outline == x.outline;
	}

	@Override
	public int hashCode() {
		return Objects.hash(method, maskSource, maskImage, value, saturationLevel, threshold, dilation, shape,
			planes, device, tileSize, model, outline);
	}

	private static String bracket(final String s) {
		return s.indexOf(' ') >= 0 || s.isEmpty() ? "[" + s + "]" : s;
	}

	private static String number(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(
			Locale.ROOT, "%s", v);
	}

	/** @return the canonical spelling of {@code value} among {@code choices} */
	static String choice(final String what, final String value, final List<String> choices) {
		if (value != null) for (final String c : choices)
			if (c.equalsIgnoreCase(value.trim())) return c;
		throw new InpaintException("Unknown " + what + " '" + value + "': choose one of " + String
			.join(", ", choices) + ".");
	}

	private static List<String> list(final String... items) {
		return Collections.unmodifiableList(Arrays.asList(items));
	}
}
