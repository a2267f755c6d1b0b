package io.github.gsinpaint.plugin;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintMethods;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.MethodOptions;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.ij.ImagePlusInpainter;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * One inpainting run on an ImagePlus, shared by the SciJava command ({@link InpaintCommand}) and
 * the ImageJ 1.x entry point ({@link InpaintPlugIn}): both only collect these parameters and show
 * the result or the error. No user interface here.
 * <p>
 * The public fields are the parameters; their macro keys are given next to them and are public
 * API (recorded macros use them). Masks: a selection or a single-plane mask image applies to
 * every chosen plane; NaN, value and saturated masks (and a mask image with one plane per image
 * plane) are built per plane, so each plane is repaired exactly where it is damaged; chosen planes
 * without damage are copied unchanged.
 */
public final class InpaintJob {

	/** Dialog title and prefix of messages. */
	public static final String TITLE = "2DGS Inpainting";
	/** The command's label: {@code run("2DGS Inpainting...", "...")}. */
	public static final String LABEL = "2DGS Inpainting...";
	/** Menu path, the same for the SciJava command and the ImageJ 1.x plugin (see docs/FIJI.md). */
	public static final String MENU = "Plugins>Inpainting";

	public static final String SELECTION = "selection", MASK_IMAGE = "mask image",
			NAN = "NaN pixels", VALUE = "value", SATURATED = "saturated";
	public static final List<String> MASK_SOURCES = Collections.unmodifiableList(Arrays.asList(
		SELECTION, MASK_IMAGE, NAN, VALUE, SATURATED));

	public static final String CURRENT_PLANE = "current plane",
			CURRENT_CHANNEL = "current channel", ALL_PLANES = "all planes";
	public static final List<String> PLANE_CHOICES = Collections.unmodifiableList(Arrays.asList(
		CURRENT_PLANE, CURRENT_CHANNEL, ALL_PLANES));

	public static final List<String> DEVICES = Collections.unmodifiableList(Arrays.asList(
		MethodOptions.AUTO, MethodOptions.CPU, MethodOptions.GPU));
	public static final List<String> SHAPES = Collections.unmodifiableList(Arrays.asList(
		MaskBuilder.DISK, MaskBuilder.SQUARE));

	/** {@code method}: 2dgs, harmonic or biharmonic. */
	public String method = InpaintMethods.GAUSSIAN_SPLATTING;
	/** {@code mask_source}: one of {@link #MASK_SOURCES}. */
	public String maskSource = SELECTION;
	/** {@code mask_image}: for mask source "mask image"; non-zero pixels are holes. */
	public ImagePlus maskImage;
	/** {@code value}: for mask source "value". */
	public double value;
	/** {@code dilation}: grow the mask by this many pixels. */
	public int dilation;
	/** {@code shape}: disk or square, for the dilation. */
	public String shape = MaskBuilder.DISK;
	/** {@code planes}: one of {@link #PLANE_CHOICES}. */
	public String planes = CURRENT_PLANE;
	/** {@code device}: auto, cpu or gpu (2dgs only). */
	public String device = MethodOptions.AUTO;
	/** {@code tile_size}: pixels; 0 = the method's default. */
	public int tileSize;
	/** {@code model}: a model package folder; empty = the default model (2dgs only). */
	public String model = "";
	/** {@code outline}: outline the filled pixels in the result's overlay. */
	public boolean outline = true;

	/**
	 * Checks everything, repairs the chosen planes and returns the new image (not shown). The input
	 * is never changed; on error or cancellation nothing is returned.
	 *
	 * @throws InpaintException with a message for the user
	 * @throws io.github.gsinpaint.core.InpaintCancelledException when {@code progress} cancels
	 */
	public ImagePlus run(final ImagePlus imp, final Progress progress) {
		if (imp == null) throw new InpaintException("There is no image open: open an image first.");
		checkSupported(imp);
		final int[] chosen = chosenPlanes(imp);
		final String source = choice("mask source", maskSource, MASK_SOURCES);
		final String dilationShape = choice("dilation shape", shape, SHAPES);
		if (dilation < 0) throw new InpaintException("The mask dilation must be 0 or more pixels.");
		if (tileSize < 0) throw new InpaintException(
			"The tile size must be 0 (the method's default) or a positive number of pixels.");
		final MethodOptions options = MethodOptions.defaults().withDevice(device == null ? ""
			: device).withModelPath(model == null || model.trim().isEmpty() ? null : Paths.get(model
				.trim()));
		final InpaintSettings settings = InpaintSettings.defaults().withTileSize(tileSize);

		final IntFunction<ArrayImg<BitType, LongArray>> masks = masks(imp, source, dilationShape);
		final boolean shared = isShared(imp, source);
		// Chosen planes without damage stay as they are; no damage at all is an error.
		final ArrayImg<BitType, LongArray> sharedMask = shared ? masks.apply(chosen[0]) : null;
		final int[] planesToFill;
		if (shared) planesToFill = chosen;
		else {
			planesToFill = Arrays.stream(chosen).filter(p -> MaskBuilder.count(masks.apply(p)) > 0)
				.toArray();
			if (planesToFill.length == 0) throw new InpaintException(emptyMessage(source, chosen
				.length));
		}
		progress.checkCancelled();

		final IntFunction<Img<BitType>> maskOfPlane = shared ? p -> sharedMask : masks::apply;
		final ImagePlus result;
		try (TileFiller filler = InpaintMethods.open(method, options)) {
			result = ImagePlusInpainter.inpaint(imp, maskOfPlane, planesToFill, filler, settings,
				progress);
		}
		result.setProperty("Info", result.getInfoProperty() + "\n" + describeMask(source,
			dilationShape, planesToFill.length, imp.getStackSize()));
		if (imp.getOverlay() != null) result.setOverlay(imp.getOverlay().duplicate());
		if (outline) addOutlines(result, imp, planesToFill, shared ? p -> sharedMask : masks);
		return result;
	}

	private static void checkSupported(final ImagePlus imp) {
		if (imp.getType() == ImagePlus.COLOR_256 && !imp.isComposite()) throw new InpaintException(
			"8-bit images with a colour lookup table (indexed colour) are not supported: " +
				"convert to RGB (Image > Type > RGB Color) first.");
		final int bd = imp.getBitDepth();
		if (bd != 8 && bd != 16 && bd != 32 && bd != 24) throw new InpaintException(
			"Unsupported image type (" + bd + "-bit).");
		if (imp.getWidth() < 2 || imp.getHeight() < 2) throw new InpaintException(
			"The image is too small to inpaint (" + imp.getWidth() + " x " + imp.getHeight() + ").");
	}

	/** @return the 1-based stack indices chosen by {@link #planes} */
	int[] chosenPlanes(final ImagePlus imp) {
		final String p = choice("planes", planes, PLANE_CHOICES);
		final int n = imp.getStackSize();
		if (p.equals(ALL_PLANES) || n == 1) {
			final int[] all = new int[n];
			for (int i = 0; i < n; i++)
				all[i] = i + 1;
			return all;
		}
		if (p.equals(CURRENT_PLANE)) return new int[] { imp.getCurrentSlice() };
		// current channel: every slice and frame of it
		final int c = imp.getC();
		final int[] out = new int[imp.getNSlices() * imp.getNFrames()];
		int k = 0;
		for (int t = 1; t <= imp.getNFrames(); t++)
			for (int z = 1; z <= imp.getNSlices(); z++)
				out[k++] = imp.getStackIndex(c, z, t);
		return out;
	}

	private boolean isShared(final ImagePlus imp, final String source) {
		if (source.equals(SELECTION)) return true;
		return source.equals(MASK_IMAGE) && maskImage != null && maskImage.getStackSize() == 1;
	}

	/** The (dilated) mask of a 1-based stack index of {@code imp}. */
	private IntFunction<ArrayImg<BitType, LongArray>> masks(final ImagePlus imp,
		final String source, final String dilationShape)
	{
		final int w = imp.getWidth(), h = imp.getHeight();
		final int grow = dilation;
		switch (source) {
			case SELECTION: {
				final Roi roi = imp.getRoi();
				return p -> MaskBuilder.dilate(MaskBuilder.fromRoi(roi, w, h), grow, dilationShape);
			}
			case MASK_IMAGE: {
				final ImagePlus m = maskImage;
				if (m == null) throw new InpaintException(
					"No mask image: open the mask image and choose it as 'mask image'.");
				if (m == imp) throw new InpaintException(
					"The mask image is the image itself: choose another open image as the mask.");
				if (m.getWidth() != w || m.getHeight() != h) throw new InpaintException(
					"The mask image '" + m.getTitle() + "' is " + m.getWidth() + " x " + m.getHeight() +
						" but the image is " + w + " x " + h + ".");
				if (m.getStackSize() != 1 && m.getStackSize() != imp.getStackSize())
					throw new InpaintException("The mask image '" + m.getTitle() + "' has " + m
						.getStackSize() + " planes; it needs 1 (for every plane) or " + imp
							.getStackSize() + " (one per plane).");
				return p -> {
					final ImageProcessor ip = m.getStackSize() == 1 ? m.getProcessor() : m.getStack()
						.getProcessor(p);
					final ArrayImg<BitType, LongArray> mask = MaskBuilder.nonZero(ip);
					if (m.getStackSize() == 1 && MaskBuilder.count(mask) == 0)
						throw new InpaintException("The mask image '" + m.getTitle() +
							"' is empty (no non-zero pixel): nothing to fill.");
					return MaskBuilder.dilate(mask, grow, dilationShape);
				};
			}
			case NAN:
				return p -> MaskBuilder.dilate(MaskBuilder.nan(imp.getStack().getProcessor(p)), grow,
					dilationShape);
			case VALUE: {
				final double v = value;
				return p -> MaskBuilder.dilate(MaskBuilder.equalTo(imp.getStack().getProcessor(p), v),
					grow, dilationShape);
			}
			case SATURATED:
				return p -> MaskBuilder.dilate(MaskBuilder.saturated(imp.getStack().getProcessor(p)),
					grow, dilationShape);
			default:
				throw new IllegalStateException(source);
		}
	}

	private String emptyMessage(final String source, final int planeCount) {
		final String where = planeCount == 1 ? "the chosen plane" : "any of the " + planeCount +
			" chosen planes";
		switch (source) {
			case NAN:
				return "No NaN pixels in " + where + ": nothing to fill.";
			case VALUE:
				return "No pixel equals " + value + " in " + where + ": nothing to fill.";
			case SATURATED:
				return "No saturated pixels in " + where + ": nothing to fill.";
			default:
				return "The mask is empty in " + where + ": nothing to fill.";
		}
	}

	private String describeMask(final String source, final String dilationShape,
		final int filled, final int total)
	{
		final StringBuilder sb = new StringBuilder("Inpainting mask: mask_source=[" + source + "]");
		if (source.equals(VALUE)) sb.append(" value=").append(value);
		if (source.equals(MASK_IMAGE)) sb.append(" mask_image=[").append(maskImage.getTitle())
			.append(']');
		sb.append(" dilation=").append(dilation);
		if (dilation > 0) sb.append(" shape=").append(dilationShape);
		sb.append(String.format(Locale.ROOT, " planes=[%s] (%d of %d repaired)", planes, filled,
			total));
		return sb.toString();
	}

	/** Outlines the filled pixels of every repaired plane in the overlay. */
	private static void addOutlines(final ImagePlus result, final ImagePlus imp,
		final int[] filled, final IntFunction<ArrayImg<BitType, LongArray>> masks)
	{
		final Overlay overlay = result.getOverlay() != null ? result.getOverlay() : new Overlay();
		final boolean everyPlane = filled.length == imp.getStackSize();
		final boolean sameMask = filled.length > 1 && masks.apply(filled[0]) == masks.apply(
			filled[1]);
		if (sameMask && everyPlane) {
			add(overlay, outline(masks.apply(filled[0])), 0, imp);
		}
		else {
			for (final int p : filled)
				add(overlay, outline(masks.apply(p)), imp.getStackSize() > 1 ? p : 0, imp);
		}
		result.setOverlay(overlay);
	}

	private static void add(final Overlay overlay, final Roi roi, final int plane,
		final ImagePlus imp)
	{
		if (roi == null) return;
		roi.setStrokeColor(java.awt.Color.YELLOW);
		roi.setName("inpainted");
		if (plane > 0) {
			if (imp.isHyperStack() || imp.getNChannels() > 1) {
				final int[] czt = imp.convertIndexToPosition(plane);
				roi.setPosition(czt[0], czt[1], czt[2]);
			}
			else roi.setPosition(plane);
		}
		overlay.add(roi);
	}

	private static Roi outline(final ArrayImg<BitType, LongArray> mask) {
		final ByteProcessor bp = io.github.gsinpaint.ij.ProcessorImgs.maskProcessor(mask);
		bp.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		return new ThresholdToSelection().convert(bp);
	}

	private static String choice(final String what, final String value,
		final List<String> choices)
	{
		if (value != null) for (final String c : choices)
			if (c.equalsIgnoreCase(value.trim())) return c;
		throw new InpaintException("Unknown " + what + " '" + value + "': choose one of " + String
			.join(", ", choices) + ".");
	}
}
