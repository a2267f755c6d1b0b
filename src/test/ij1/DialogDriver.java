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
import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.ItemEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.Overlay;

/**
 * Drives the plugin's real dialog in a real ImageJ 1.x under Xvfb, as a user would: waits for it,
 * ticks Preview, waits for the preview to appear on the image, takes screenshots for docs/, then
 * presses OK. Called from gui.ijm with call("DialogDriver.start", ...) before the macro opens the
 * dialog (run without options), because the macro thread is blocked while the dialog is open.
 * Every check writes a PASS or FAIL line to the report, as integration.ijm does.
 */
public class DialogDriver {

	/** Starts the driver thread; returns at once. */
	public static String start(final String outDir, final String report) {
		final Thread t = new Thread(() -> drive(outDir, report), "dialog driver");
		t.setDaemon(true);
		t.start();
		return "";
	}

	/** Saves a screenshot of the rectangle covering every visible ImageJ image window. */
	public static String captureImages(final String path) {
		Rectangle all = null;
		for (final int id : WindowManager.getIDList()) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp == null || imp.getWindow() == null) continue;
			final Rectangle b = imp.getWindow().getBounds();
			all = all == null ? b : all.union(b);
		}
		if (all == null) return "no window";
		return save(all, path) ? "" : "failed";
	}

	/** Ends ImageJ without questions about unsaved images (the test is over). */
	public static String exit(final String status) {
		System.exit(Integer.parseInt(status));
		return "";
	}

	private static void drive(final String outDir, final String report) {
		try (PrintWriter out = new PrintWriter(new FileWriter(report, true), true)) {
			final GenericDialog gd = waitForDialog(30_000);
			check(out, gd != null, "gui: the dialog opened");
			if (gd == null) return;
			final ImagePlus imp = WindowManager.getCurrentImage();
			// Dialog at the left, image beside it: the screenshots show both.
			java.awt.EventQueue.invokeLater(() -> {
				gd.setLocation(0, 120);
				if (imp != null && imp.getWindow() != null) imp.getWindow().setLocation(gd.getWidth() + 10,
					120);
			});
			sleep(800);
			save(gd.getBounds(), outDir + "/dialog.png");
			final Checkbox preview = gd.getPreviewCheckbox();
			check(out, preview != null, "gui: the dialog has a Preview checkbox");
			if (preview != null) {
				preview.setState(true);
				gd.itemStateChanged(new ItemEvent(preview, ItemEvent.ITEM_STATE_CHANGED, preview,
					ItemEvent.SELECTED));
				final long t0 = System.currentTimeMillis();
				boolean shown = false;
				while (!shown && System.currentTimeMillis() - t0 < 120_000) {
					sleep(200);
					final Overlay o = imp == null ? null : imp.getOverlay();
					shown = o != null && o.get("inpainting preview") != null;
				}
				check(out, shown, "gui: the preview appears on the image (" + (System
					.currentTimeMillis() - t0) + " ms)");
				sleep(500);
				final Rectangle both = gd.getBounds().union(imp.getWindow().getBounds());
				save(both, outDir + "/dialog-preview.png");
			}
			final Button ok = gd.getButtons()[0];
			java.awt.EventQueue.invokeLater(() -> gd.actionPerformed(new ActionEvent(ok,
				ActionEvent.ACTION_PERFORMED, "OK")));
		}
		catch (final IOException e) {
			e.printStackTrace();
		}
	}

	private static GenericDialog waitForDialog(final long ms) {
		final long t0 = System.currentTimeMillis();
		while (System.currentTimeMillis() - t0 < ms) {
			for (final Window w : Window.getWindows())
				if (w instanceof GenericDialog && w.isShowing() && "2DGS Inpainting".equals(
					((GenericDialog) w).getTitle())) return (GenericDialog) w;
			sleep(200);
		}
		return null;
	}

	private static boolean save(final Rectangle r, final String path) {
		try {
			final BufferedImage img = new Robot().createScreenCapture(r);
			return ImageIO.write(img, "png", new File(path));
		}
		catch (final Exception e) {
			e.printStackTrace();
			return false;
		}
	}

	private static void check(final PrintWriter out, final boolean ok, final String what) {
		out.println((ok ? "PASS " : "FAIL ") + what);
	}

	private static void sleep(final long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
