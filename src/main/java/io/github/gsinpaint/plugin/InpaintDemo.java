package io.github.gsinpaint.plugin;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ImageProcessor;
import io.github.gsinpaint.ij.InpaintJob;

/**
 * Plugins > Inpainting > Examples > Demo: opens the sample photograph shipped in the jar with its
 * scratches selected and repairs them, so a new user sees the whole path (selection, command,
 * result beside the original) before trying their own image.
 */
public class InpaintDemo implements PlugIn {

	@Override
	public void run(final String arg) {
		final ImagePlus face = open("/samples/face.png", "face.png");
		final ImagePlus mask = open("/samples/face-mask.png", "face-mask.png");
		if (face == null || mask == null) {
			IJ.error(InpaintJob.TITLE, "The demo images are missing from the plugin jar: " +
				"reinstall the plugin.");
			return;
		}
		final ImageProcessor m = mask.getProcessor().convertToByte(false);
		m.setThreshold(1, 255, ImageProcessor.NO_LUT_UPDATE);
		final Roi damage = new ThresholdToSelection().convert(m);
		face.show();
		face.setRoi(damage);
		IJ.showStatus(InpaintJob.TITLE + " demo: repairing the selected scratches...");
		IJ.run(face, InpaintJob.LABEL, "method=2dgs mask_source=selection");
	}

	/** @return the PNG shipped in the jar, or null when it is missing or unreadable */
	private static ImagePlus open(final String resource, final String title) {
		try (InputStream in = InpaintDemo.class.getResourceAsStream(resource)) {
			if (in == null) return null;
			final BufferedImage img = ImageIO.read(in);
			return img == null ? null : new ImagePlus(title, img);
		}
		catch (final IOException e) {
			return null;
		}
	}
}
