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

import java.awt.EventQueue;
import java.awt.Rectangle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.ij.FillerPool;
import io.github.gsinpaint.ij.ImagePlusInpainter;
import io.github.gsinpaint.ij.InpaintJob;
import io.github.gsinpaint.ij.InpaintOptions;
import io.github.gsinpaint.ij.MaskBuilder;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.logic.BitType;

/**
 * The dialog's live preview: repairs the shown plane (every channel of it on a composite shown in
 * composite mode, as the user sees it) in the background and lays the repaired pixels over the
 * image as an overlay picture. The image's pixels are never touched, so closing the dialog in any
 * way leaves the image as it was; its own overlay is put back.
 * <p>
 * One preview runs at a time on one thread; a newer request cancels the older one between tiles.
 * The method (a loaded model for 2dgs) comes from the session's {@link FillerPool}, so it is
 * loaded once for the previews and the run that follows.
 */
final class DialogPreview {

	/** Receives a one-line message for the dialog; problem = show it as an error. */
	interface MessageSink {

		void show(String text, boolean problem);
	}

	private static final String ROI_NAME = "inpainting preview";

	private final ImagePlus imp;
	private final MessageSink sink;
	private final Overlay originalOverlay;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		final Thread t = new Thread(r, "2DGS Inpainting preview");
		t.setDaemon(true);
		// DJL finds its engine through the context class loader (docs/FIJI.md): the plugin's own
		t.setContextClassLoader(DialogPreview.class.getClassLoader());
		return t;
	});
	private final AtomicInteger generation = new AtomicInteger();

	DialogPreview(final ImagePlus imp, final MessageSink sink) {
		this.imp = imp;
		this.sink = sink;
		this.originalOverlay = imp.getOverlay();
	}

	/**
	 * @return "Mask on this plane: N pixels ..." or, starting with "!", why there is no usable mask
	 */
	String describeMask(final InpaintOptions o) {
		try {
			final Map<Integer, ArrayImg<BitType, LongArray>> masks = job(o).masks(imp);
			long n = 0;
			for (final ArrayImg<BitType, LongArray> m : masks.values())
				n = Math.max(n, MaskBuilder.count(m));
			final double share = 100.0 * n / ((double) imp.getWidth() * imp.getHeight());
			return String.format(Locale.ROOT, "Mask on the shown plane: %,d pixels (%.2f%% of it)%s",
				n, share, masks.size() > 1 ? ", " + masks.size() + " channels" : "");
		}
		catch (final InpaintException e) {
			return "!" + e.getMessage();
		}
	}

	/** Starts a preview with these options; an older one still running is cancelled. */
	void request(final InpaintOptions o) {
		final int mine = generation.incrementAndGet();
		sink.show("Preview: computing...", false);
		worker.submit(() -> run(o, mine));
	}

	/** Cancels a running preview and removes the preview from the image. */
	void cancel() {
		generation.incrementAndGet();
		restoreOverlay();
	}

	/** Cancels, removes the preview and ends the worker (call once, when the dialog closes). */
	void close() {
		cancel();
		worker.shutdown();
	}

	private InpaintJob job(final InpaintOptions o) {
		final String planes = showsComposite() ? InpaintOptions.CURRENT_POSITION
			: InpaintOptions.CURRENT_PLANE;
		final InpaintOptions shown = o.withPlanes(planes).withOutline(false);
		return new InpaintJob(shown, MaskInputs.maskImage(shown), MaskInputs.managerRois(shown));
	}

	private boolean showsComposite() {
		return imp.isComposite() && ((CompositeImage) imp).getMode() == IJ.COMPOSITE;
	}

	private void run(final InpaintOptions o, final int mine) {
		final long t0 = System.nanoTime();
		final Progress progress = new Progress() {

			@Override
			public void report(final double fraction, final String message) {}

			@Override
			public boolean isCancelled() {
				return generation.get() != mine;
			}
		};
		try {
			final Map<Integer, ArrayImg<BitType, LongArray>> masks = job(o).masks(imp);
			final int[] planes = masks.keySet().stream().mapToInt(Integer::intValue).toArray();
			// A small image of just these planes (their pixels shared, never written).
			final ImageStack stack = new ImageStack(imp.getWidth(), imp.getHeight());
			for (final int p : planes)
				stack.addSlice(imp.getStack().getProcessor(p));
			final ImagePlus shown = new ImagePlus("preview", stack);
			final ImagePlus repaired;
			// Borrowed from the session's pool: the model the preview loads is the one OK then uses.
			try (FillerPool.Lease lease = FillerPool.borrow(o.methodOptions())) {
				repaired = ImagePlusInpainter.inpaint(shown, k -> masks.get(planes[k - 1]), indices(
					planes.length), lease.filler(), o.methodOptions().settings(), progress);
			}
			final Rectangle box = bounds(masks.values());
			final ImageProcessor picture = picture(repaired, planes, box);
			final long filled = MaskBuilder.count(masks.get(planes[0]));
			EventQueue.invokeLater(() -> {
				if (generation.get() != mine) return;
				final Overlay overlay = originalOverlay == null ? new Overlay() : originalOverlay
					.duplicate();
				final ImageRoi roi = new ImageRoi(box.x, box.y, picture);
				roi.setName(ROI_NAME);
				overlay.add(roi);
				imp.setOverlay(overlay);
				sink.show(String.format(Locale.ROOT, "Preview: %,d pixels filled in %.1f s", filled,
					(System.nanoTime() - t0) / 1e9), false);
			});
		}
		catch (final InpaintCancelledException e) {
			// a newer request replaced this one
		}
		catch (final InpaintException e) {
			if (generation.get() == mine) EventQueue.invokeLater(() -> sink.show(e.getMessage(),
				true));
		}
		catch (final RuntimeException e) {
			if (generation.get() == mine) EventQueue.invokeLater(() -> sink.show("Preview failed: " +
				e, true));
		}
	}

	/** The repaired pixels inside {@code box}, drawn as the image draws them (LUT, range). */
	private ImageProcessor picture(final ImagePlus repaired, final int[] planes,
		final Rectangle box)
	{
		if (showsComposite() && planes.length > 1) {
			final CompositeImage src = (CompositeImage) imp;
			final ImageStack crops = new ImageStack(box.width, box.height);
			for (int c = 1; c <= imp.getNChannels(); c++) {
				final int index = imp.getStackIndex(c, imp.getZ(), imp.getT());
				int k = -1;
				for (int i = 0; i < planes.length; i++)
					if (planes[i] == index) k = i + 1;
				final ImageProcessor ip = k > 0 ? repaired.getStack().getProcessor(k) : imp.getStack()
					.getProcessor(index);
				ip.setRoi(box);
				crops.addSlice(ip.crop());
			}
			final ImagePlus tmp = new ImagePlus("crop", crops);
			tmp.setDimensions(imp.getNChannels(), 1, 1);
			final CompositeImage ci = new CompositeImage(tmp, IJ.COMPOSITE);
			ci.setLuts(src.getLuts());
			final boolean[] active = src.getActiveChannels();
			final StringBuilder on = new StringBuilder();
			for (final boolean a : active)
				on.append(a ? '1' : '0');
			ci.setActiveChannels(on.toString());
			ci.updateImage();
			return new ColorProcessor(ci.getImage());
		}
		final ImageProcessor ip = repaired.getStack().getProcessor(1);
		final ImageProcessor like = imp.getProcessor();
		ip.setRoi(box);
		final ImageProcessor crop = ip.crop();
		if (crop instanceof ColorProcessor) {
			// ImageRoi draws the ints as ARGB: repaired pixels carry no alpha and would be
			// transparent, showing the damage underneath.
			final int[] px = (int[]) crop.getPixels();
			for (int i = 0; i < px.length; i++)
				px[i] |= 0xff000000;
		}
		else {
			crop.setColorModel(like.getColorModel());
			crop.setMinAndMax(like.getMin(), like.getMax());
		}
		return crop;
	}

	private void restoreOverlay() {
		final Overlay now = imp.getOverlay();
		if (now == originalOverlay) return;
		if (now != null && now.get(ROI_NAME) == null) return; // someone else changed it
		imp.setOverlay(originalOverlay);
	}

	private static int[] indices(final int n) {
		final int[] out = new int[n];
		for (int i = 0; i < n; i++)
			out[i] = i + 1;
		return out;
	}

	/** The bounding box of all set pixels, grown by 2 pixels so the seam is visible. */
	private Rectangle bounds(final Iterable<ArrayImg<BitType, LongArray>> masks) {
		final int w = imp.getWidth(), h = imp.getHeight();
		int x0 = w, y0 = h, x1 = -1, y1 = -1;
		for (final ArrayImg<BitType, LongArray> m : masks) {
			final long[] bits = m.update(null).getCurrentStorageArray();
			for (int word = 0; word < bits.length; word++) {
				long v = bits[word];
				while (v != 0) {
					final long i = ((long) word << 6) + Long.numberOfTrailingZeros(v);
					v &= v - 1;
					if (i >= (long) w * h) break;
					final int x = (int) (i % w), y = (int) (i / w);
					x0 = Math.min(x0, x);
					x1 = Math.max(x1, x);
					y0 = Math.min(y0, y);
					y1 = Math.max(y1, y);
				}
			}
		}
		x0 = Math.max(0, x0 - 2);
		y0 = Math.max(0, y0 - 2);
		x1 = Math.min(w - 1, x1 + 2);
		y1 = Math.min(h - 1, y1 + 2);
		return new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
	}
}
