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
package io.github.gsinpaint.core;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.BooleanType;
import net.imglib2.view.Views;

/**
 * Summarises a mask on a grid of 16x16-pixel blocks and groups damaged blocks into regions.
 * <p>
 * Why blocks: the grid is 256 times smaller than the image, so finding connected regions costs
 * little memory even for an 8k x 8k image, and regions come out as rectangles of whole blocks
 * that are easy to tile. Damaged blocks whose context margins touch are merged into one region,
 * so each region's tiles see all the damage near them.
 */
final class DamageMap {

	static final int BLOCK = 16;

	final int width, height, blocksX, blocksY;
	final boolean[] damaged;
	/**
	 * Blocks whose every pixel (inside the image) is masked: where they cluster, a hole is thick,
	 * and a thick hole must be filled as one ({@link RegionCuts}).
	 */
	final boolean[] full;
	final long maskedPixels;

	DamageMap(final int width, final int height, final boolean[] damaged, final boolean[] full,
		final long maskedPixels)
	{
		this.width = width;
		this.height = height;
		this.blocksX = ceilDiv(width, BLOCK);
		this.blocksY = ceilDiv(height, BLOCK);
		this.damaged = damaged;
		this.full = full;
		this.maskedPixels = maskedPixels;
	}

	/** Scans the mask once. The mask must be 2D; its origin may be anywhere. */
	static DamageMap of(final RandomAccessibleInterval<? extends BooleanType<?>> mask) {
		final int w = (int) mask.dimension(0), h = (int) mask.dimension(1);
		final int bx = ceilDiv(w, BLOCK), by = ceilDiv(h, BLOCK);
		final boolean[] damaged = new boolean[bx * by];
		// Masked pixels per block (a block holds up to 256): tells damaged blocks from full ones.
		final int[] masked = new int[bx * by];
		long count = 0;
		final Cursor<? extends BooleanType<?>> c = Views.flatIterable(Views.zeroMin(mask)).cursor();
		for (int y = 0; y < h; y++) {
			final int rowBlock = (y / BLOCK) * bx;
			for (int x = 0; x < w; x++) {
				if (c.next().get()) {
					masked[rowBlock + x / BLOCK]++;
					count++;
				}
			}
		}
		final boolean[] full = new boolean[bx * by];
		for (int b = 0; b < masked.length; b++) {
			final int cols = Math.min(BLOCK, w - (b % bx) * BLOCK);
			final int rows = Math.min(BLOCK, h - (b / bx) * BLOCK);
			damaged[b] = masked[b] > 0;
			full[b] = masked[b] == cols * rows;
		}
		return new DamageMap(w, h, damaged, full, count);
	}

	long totalPixels() {
		return (long) width * height;
	}

	/**
	 * Groups damaged blocks whose margins overlap (8-connected after growing every damaged block by
	 * {@code margin} pixels, rounded up to whole blocks).
	 */
	List<Region> regions(final int margin) {
		final int grow = ceilDiv(margin, BLOCK);
		final int n = damaged.length;
		// Component label per block after growing; -1 = not grown.
		final int[] label = new int[n];
		java.util.Arrays.fill(label, -1);
		final boolean[] grown = grow(grow);
		final List<Region> regions = new ArrayList<>();
		final int[] queue = new int[n];
		for (int start = 0; start < n; start++) {
			if (!grown[start] || label[start] >= 0) continue;
			final int id = regions.size();
			int head = 0, tail = 0;
			queue[tail++] = start;
			label[start] = id;
			int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
			int damagedCount = 0;
			while (head < tail) {
				final int b = queue[head++];
				final int bx = b % blocksX, by = b / blocksX;
				minX = Math.min(minX, bx);
				maxX = Math.max(maxX, bx);
				minY = Math.min(minY, by);
				maxY = Math.max(maxY, by);
				if (damaged[b]) damagedCount++;
				for (int dy = -1; dy <= 1; dy++) {
					for (int dx = -1; dx <= 1; dx++) {
						final int nx = bx + dx, ny = by + dy;
						if (nx < 0 || ny < 0 || nx >= blocksX || ny >= blocksY) continue;
						final int nb = ny * blocksX + nx;
						if (grown[nb] && label[nb] < 0) {
							label[nb] = id;
							queue[tail++] = nb;
						}
					}
				}
			}
			final int[] own = new int[damagedCount];
			int k = 0;
			for (int i = 0; i < tail; i++)
				if (damaged[queue[i]]) own[k++] = queue[i];
			java.util.Arrays.sort(own);
			final int px0 = minX * BLOCK, py0 = minY * BLOCK;
			final int px1 = Math.min(width, (maxX + 1) * BLOCK);
			final int py1 = Math.min(height, (maxY + 1) * BLOCK);
			regions.add(new Region(px0, py0, px1 - px0, py1 - py0, own));
		}
		return regions;
	}

	private boolean[] grow(final int r) {
		// Separable dilation by a (2r+1)^2 square: rows, then columns.
		final boolean[] rows = new boolean[damaged.length];
		for (int by = 0; by < blocksY; by++)
			LineDilation.dilate(damaged, rows, by * blocksX, 1, blocksX, r, 0, blocksX - 1);
		final boolean[] out = new boolean[damaged.length];
		for (int bx = 0; bx < blocksX; bx++)
			LineDilation.dilate(rows, out, bx, blocksX, blocksY, r, 0, blocksY - 1);
		return out;
	}

	static int ceilDiv(final int a, final int b) {
		return (a + b - 1) / b;
	}
}
