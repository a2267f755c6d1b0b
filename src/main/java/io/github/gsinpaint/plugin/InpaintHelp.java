package io.github.gsinpaint.plugin;

import ij.gui.HTMLDialog;
import ij.plugin.PlugIn;
import io.github.gsinpaint.ij.InpaintJob;

/**
 * Plugins > Inpainting > 2DGS Inpainting Help: the help page shipped in the jar, readable
 * without a network (many microscope computers have none) and without opening the dialog.
 */
public class InpaintHelp implements PlugIn {

	@Override
	public void run(final String arg) {
		new HTMLDialog(InpaintJob.TITLE + " Help", InpaintDialog.helpPage(), false);
	}
}
