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
package io.github.gsinpaint.plugin;

import java.awt.AWTEvent;
import java.awt.Choice;
import java.awt.Color;
import java.awt.Component;
import java.awt.Label;
import java.awt.TextField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.DialogListener;
import ij.gui.GenericDialog;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.ij.InpaintJob;
import io.github.gsinpaint.ij.InpaintOptions;
import io.github.gsinpaint.methods.Method;

/**
 * The ImageJ 1.x dialog: every field a macro key (the label up to the first space, lower-cased),
 * fields that do not apply to the chosen method and mask source greyed, one line explaining the
 * chosen method, a live preview of the current plane, the mask size and any problem shown while
 * the user edits, and help that works offline (an HTML page shipped in the jar).
 * <p>
 * Field order is the order of {@link InpaintOptions#KEYS}; the indices below follow it.
 */
final class InpaintDialog implements DialogListener {

	/** Shown in the mask image choice when no image is chosen: never a silent pick. */
	static final String NO_IMAGE = "-";

	// Indices into GenericDialog's vectors, in the order the fields are added.
	private static final int CH_METHOD = 0, CH_SOURCE = 1, CH_MASK_IMAGE = 2, CH_SHAPE = 3,
			CH_PLANES = 4, CH_DEVICE = 5;
	private static final int NUM_VALUE = 0, NUM_SATURATION = 1, NUM_THRESHOLD = 2, NUM_TILE = 4;

	private final ImagePlus imp;
	private final GenericDialog gd;
	private final boolean macro = Macro.getOptions() != null;
	private Label methodLine, maskLine;
	private DialogPreview preview;

	private InpaintDialog(final ImagePlus imp, final GenericDialog gd) {
		this.imp = imp;
		this.gd = gd;
	}

	/**
	 * Shows the dialog (or reads a macro's options through it).
	 *
	 * @return the chosen options, or null when cancelled or invalid (the problem was reported)
	 */
	static InpaintOptions show(final ImagePlus imp, final InpaintOptions start) {
		final GenericDialog gd = new GenericDialog(InpaintJob.TITLE);
		final InpaintDialog d = new InpaintDialog(imp, gd);
		d.build(start);
		gd.showDialog();
		if (d.preview != null) d.preview.close();
		if (gd.wasCanceled()) return null;
		try {
			return d.read();
		}
		catch (final InpaintException e) {
			InpaintPlugIn.error(e.getMessage());
			return null;
		}
	}

	private void build(final InpaintOptions o) {
		gd.addMessage("Repairs the damaged pixels of \"" + shorten(imp.getTitle()) +
			"\" into a new image; the original stays as it is.");
		gd.addChoice("Method", Method.keys().toArray(new String[0]), o.method().key());
		gd.addMessage(methodHelp(o.method()));
		methodLine = lastLabel();
		gd.addChoice("Mask_source", InpaintOptions.MASK_SOURCES.toArray(new String[0]), o
			.maskSource());
		final String[] titles = otherImageTitles(imp);
		gd.addChoice("Mask_image", titles, contains(titles, o.maskImage()) ? o.maskImage()
			: NO_IMAGE);
		gd.addNumericField("Value", o.value(), 3, 10, "(mask source 'value')");
		gd.addNumericField("Saturation_level", o.saturationLevel(), 0, 10,
			"(0 = type maximum; 12-bit camera: 4095)");
		gd.addNumericField("Threshold", o.threshold(), 1, 6,
			"robust SDs (found defects; lower finds more)");
		gd.addNumericField("Dilation", o.dilation(), 0, 4, "pixels (grow the mask)");
		gd.addChoice("Shape", InpaintOptions.SHAPES.toArray(new String[0]), o.shape());
		gd.addChoice("Planes", InpaintOptions.PLANE_CHOICES.toArray(new String[0]), o.planes());
		gd.addChoice("Device", InpaintOptions.DEVICES.toArray(new String[0]), o.device().key());
		gd.addNumericField("Tile_size", o.tileSize(), 0, 5, "pixels (0 = method default)");
		gd.addDirectoryField("Model", o.model(), 24);
		gd.addCheckbox("Outline filled pixels (overlay, not saved in TIFF pixels)", o.outline());
		if (!macro) {
			gd.addPreviewCheckbox(null, "Preview (current plane)");
			gd.addMessage(" ");
			maskLine = lastLabel();
			gd.addDialogListener(this);
			preview = new DialogPreview(imp, this::showMaskLine);
		}
		gd.addHelp(helpPage());
		if (!macro) {
			updateEnabled(o);
			describeMask(o);
		}
	}

	/** Reads the fields in order (each getNext... also records the macro key). */
	private InpaintOptions read() {
		final String method = gd.getNextChoice();
		final String source = gd.getNextChoice();
		final String maskTitle = gd.getNextChoice();
		final double value = gd.getNextNumber();
		final double saturation = gd.getNextNumber();
		final double threshold = gd.getNextNumber();
		final double dilation = gd.getNextNumber();
		final String shape = gd.getNextChoice();
		final String planes = gd.getNextChoice();
		final String device = gd.getNextChoice();
		final double tile = gd.getNextNumber();
		final String model = gd.getNextString();
		final boolean outline = gd.getNextBoolean();
		if (gd.invalidNumber() || Double.isNaN(dilation) || Double.isNaN(tile) || dilation != Math
			.rint(dilation) || tile != Math.rint(tile)) throw new InpaintException(
				"Dilation and tile size must be whole numbers.");
		return InpaintOptions.defaults().withMethod(method).withMaskSource(source).withMaskImage(
			NO_IMAGE.equals(maskTitle) ? "" : maskTitle).withValue(value).withSaturationLevel(
				saturation).withThreshold(threshold).withDilation((int) dilation).withShape(shape).withPlanes(planes)
			.withDevice(device).withTileSize((int) tile).withModel(model).withOutline(outline);
	}

	@Override
	public boolean dialogItemChanged(final GenericDialog dialog, final AWTEvent e) {
		final InpaintOptions o;
		try {
			o = read();
		}
		catch (final InpaintException ex) {
			showMaskLine(ex.getMessage(), true);
			preview.cancel();
			return false; // OK stays disabled until the fields are valid
		}
		methodLine.setText(methodHelp(o.method()));
		updateEnabled(o);
		final boolean ok = describeMask(o);
		if (gd.isPreviewActive() && ok) preview.request(o);
		else preview.cancel();
		return true;
	}

	/** Greys the fields that the chosen method and mask source do not use. */
	private void updateEnabled(final InpaintOptions o) {
		final Vector<?> choices = gd.getChoices(), numbers = gd.getNumericFields();
		final String s = o.maskSource();
		enable((Choice) choices.get(CH_MASK_IMAGE), s.equals(InpaintOptions.MASK_IMAGE));
		enable((TextField) numbers.get(NUM_VALUE), s.equals(InpaintOptions.VALUE));
		enable((TextField) numbers.get(NUM_SATURATION), s.equals(InpaintOptions.SATURATED));
		enable((TextField) numbers.get(NUM_THRESHOLD), s.equals(InpaintOptions.OUTLIERS) || s
			.equals(InpaintOptions.BAD_LINES));
		enable((Choice) choices.get(CH_SHAPE), o.dilation() > 0);
		final boolean gs = o.method() == Method.GAUSSIAN_SPLATTING;
		enable((Choice) choices.get(CH_DEVICE), gs);
		enable((TextField) gd.getStringFields().get(0), gs);
		enable((Choice) choices.get(CH_PLANES), imp.getStackSize() > 1);
		enable((TextField) numbers.get(NUM_TILE), true);
	}

	private static void enable(final Component c, final boolean on) {
		if (c.isEnabled() == on) return;
		c.setEnabled(on);
		// AWT text fields on Linux look the same when disabled: grey them visibly.
		if (c instanceof TextField) c.setBackground(on ? Color.WHITE : new Color(225, 225, 225));
	}

	/**
	 * Puts the size of the mask on the current plane, or the reason there is none, under the
	 * fields, so a missing selection or an empty mask is seen before OK.
	 *
	 * @return whether the mask is usable
	 */
	private boolean describeMask(final InpaintOptions o) {
		final String text = preview.describeMask(o);
		final boolean ok = !text.startsWith("!");
		showMaskLine(ok ? text : text.substring(1), !ok);
		return ok;
	}

	private void showMaskLine(final String text, final boolean problem) {
		if (maskLine == null) return;
		maskLine.setText(text);
		maskLine.setForeground(problem ? new Color(180, 0, 0) : Color.DARK_GRAY);
		maskLine.invalidate();
		gd.validate();
	}

	private Label lastLabel() {
		final Component c = gd.getMessage();
		return c instanceof Label ? (Label) c : new Label();
	}

	/** One line on what the method is and when to use it. */
	static String methodHelp(final Method method) {
		switch (method) {
			case HARMONIC:
				return "harmonic: smooth Laplace fill; tiny defects, smooth images; no native engine.";
			case BIHARMONIC:
				return "biharmonic: smoother fill that continues gradients; smooth images.";
			default:
				return "2dgs: learned 2D Gaussian Splatting fill; textures, edges, labels, larger holes.";
		}
	}

	private static String[] otherImageTitles(final ImagePlus imp) {
		final List<String> out = new ArrayList<>();
		out.add(NO_IMAGE);
		final int[] ids = WindowManager.getIDList();
		if (ids != null) for (final int id : ids) {
			final ImagePlus other = WindowManager.getImage(id);
			if (other != null && other != imp) out.add(other.getTitle());
		}
		return out.toArray(new String[0]);
	}

	private static boolean contains(final String[] a, final String s) {
		for (final String x : a)
			if (x.equals(s)) return true;
		return false;
	}

	private static String shorten(final String title) {
		return title.length() <= 40 ? title : title.substring(0, 37) + "...";
	}

	/**
	 * The help page shipped in the jar (works offline); it links to the online documentation.
	 * GenericDialog shows a text that starts with "&lt;html&gt;" in its own window.
	 */
	static String helpPage() {
		try (InputStream in = InpaintDialog.class.getResourceAsStream("/help/inpainting.html")) {
			if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
		}
		catch (final IOException e) {
			// fall through to the online page
		}
		return "https://github.com/gsinpaint/gs-inpainting/blob/main/docs/FIJI.md";
	}
}
