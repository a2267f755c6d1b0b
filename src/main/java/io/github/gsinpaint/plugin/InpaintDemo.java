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
