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

import ij.ImagePlus;

/**
 * Turns the {@code planes} choice into stack indices, and the repaired indices into words for the
 * status line. Kept apart from the job because the dialog's preview and its message use the same
 * rules, so what the dialog promises is what the run does.
 */
final class PlaneChoice {

	private PlaneChoice() {}

	/** @return the 1-based stack indices chosen by {@code planes}, in stack order */
	static int[] planes(final ImagePlus imp, final String planes) {
		final String p = InpaintOptions.choice("planes", planes, InpaintOptions.PLANE_CHOICES);
		final int n = imp.getStackSize();
		if (p.equals(InpaintOptions.ALL_PLANES) || n == 1) {
			final int[] all = new int[n];
			for (int i = 0; i < n; i++)
				all[i] = i + 1;
			return all;
		}
		if (p.equals(InpaintOptions.CURRENT_PLANE)) return new int[] { imp.getCurrentSlice() };
		if (p.equals(InpaintOptions.CURRENT_POSITION)) {
			// every channel of the current slice and frame: one colour image, e.g. a 48-bit RGB
			// TIFF that ImageJ opens as a 3-channel composite
			final int channels = imp.getNChannels();
			if (channels == 1) return new int[] { imp.getCurrentSlice() };
			final int[] out = new int[channels];
			for (int c = 1; c <= channels; c++)
				out[c - 1] = imp.getStackIndex(c, imp.getZ(), imp.getT());
			return out;
		}
		// current channel: every slice and frame of it
		final int c = imp.getC();
		final int[] out = new int[imp.getNSlices() * imp.getNFrames()];
		int k = 0;
		for (int t = 1; t <= imp.getNFrames(); t++)
			for (int z = 1; z <= imp.getNSlices(); z++)
				out[k++] = imp.getStackIndex(c, z, t);
		return out;
	}

	/**
	 * @return e.g. "the image", "3 channels at z=2, t=1", "plane 4 (c=1, z=2, t=1)", "12 of 30
	 *         planes"
	 */
	static String describe(final ImagePlus imp, final int[] repaired) {
		final int n = imp.getStackSize();
		if (n == 1) return "the image";
		final int channels = imp.getNChannels();
		if (repaired.length == 1) {
			final int[] czt = imp.convertIndexToPosition(repaired[0]);
			return "plane " + repaired[0] + " of " + n + position(imp, czt, true);
		}
		final int[] first = imp.convertIndexToPosition(repaired[0]);
		boolean samePosition = true;
		for (final int p : repaired) {
			final int[] czt = imp.convertIndexToPosition(p);
			samePosition &= czt[1] == first[1] && czt[2] == first[2];
		}
		if (samePosition && channels > 1) return (repaired.length == channels ? "all " + channels
			: repaired.length + " of " + channels) + " channels" + position(imp, first, false);
		if (repaired.length == n) return "all " + n + " planes";
		return repaired.length + " of " + n + " planes";
	}

	private static String position(final ImagePlus imp, final int[] czt,
		final boolean withChannel)
	{
		final StringBuilder sb = new StringBuilder();
		if (withChannel && imp.getNChannels() > 1) sb.append("c=").append(czt[0]);
		if (imp.getNSlices() > 1) sb.append(sb.length() > 0 ? ", " : "").append("z=").append(czt[1]);
		if (imp.getNFrames() > 1) sb.append(sb.length() > 0 ? ", " : "").append("t=").append(czt[2]);
		if (sb.length() == 0) return "";
		return withChannel ? " (" + sb + ")" : " at " + sb;
	}
}
