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
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * Cuts a large region whose holes are all thin into chunks, so that memory follows the damage and
 * not the region's bounding box.
 * <p>
 * Why: damaged blocks whose context margins touch form one region, and a region is filled in one
 * window (its frame, hole map, whole-hole prior or guide and blended result are arrays of the
 * window's size). A grid of detector gaps or stitching seams across an 8k x 8k image, or one long
 * scratch, is one region as large as the image: gigabytes of arrays for a few percent of damaged
 * pixels. Such a region is cut by a grid of {@link #CELL}-px cells: each chunk owns the damaged
 * blocks of one cell (so every masked pixel is still written by exactly one region) and is filled
 * in a window of those blocks grown by {@link #CUT_MARGIN}.
 * <p>
 * Why only thin holes: a chunk's window cuts the holes that cross it, and the fill sees the cut
 * as a reflecting side. In a hole of width w that side's effect decays like exp(-pi d / w) with the
 * distance d along the hole (faster still for the biharmonic fill), so with w below about 80 px
 * (no fully masked block of the hole has all its neighbours fully masked too, {@link #thick}) it
 * is below 1e-4 of the intensity range {@link #CUT_MARGIN} px away, where the chunk's own pixels
 * start. A thick hole (a
 * large blob) is filled as one, whatever its size: its fill depends on its whole border.
 * <p>
 * A chunk keeps its whole region's tile layout and normalisation ({@link Region#whole}): its
 * pixels get the same tiles, the same scale and, up to the cut's effect, the same prior as when
 * the region is filled uncut.
 */
final class RegionCuts {

	/** Side of the cells that cut a region, pixels (a multiple of {@link DamageMap#BLOCK}). */
	static final int CELL = 1024;
	/**
	 * How far a chunk's window reaches beyond its own blocks, pixels: at least a tile of the
	 * model's (256 px), and far enough from the cut for the cut's effect to vanish (see above).
	 */
	static final int CUT_MARGIN = 256;
	/**
	 * A region is cut only when its box is larger than this many pixels (four cells): a chunk's
	 * window is up to (CELL + 2 CUT_MARGIN)^2, so cutting a smaller region saves little.
	 */
	static final long MIN_AREA = 4L * CELL * CELL;

	/** The pipeline's cuts. */
	static final RegionCuts DEFAULT = new RegionCuts(CELL, MIN_AREA);
	/** No cuts: every region in one window (what tests compare the chunks with). */
	static final RegionCuts NONE = new RegionCuts(CELL, Long.MAX_VALUE);

	final int cell;
	final long minArea;

	/**
	 * Other sizes than the {@link #DEFAULT} are for tests: the same cuts on an image small enough
	 * for a model to fill twice in a test.
	 */
	RegionCuts(final int cell, final long minArea) {
		if (cell % DamageMap.BLOCK != 0) throw new IllegalArgumentException("cell " + cell +
			" is not a multiple of " + DamageMap.BLOCK);
		this.cell = cell;
		this.minArea = minArea;
	}

	/**
	 * @return the chunks of the region, in raster order of their cells, or the region alone when
	 *         it is small or has a thick hole
	 */
	List<Region> cut(final DamageMap d, final Region r) {
		if (r.area() <= minArea || thick(d, r)) return Collections.singletonList(r);
		final int cellBlocks = cell / DamageMap.BLOCK;
		final int cellsX = DamageMap.ceilDiv(d.blocksX, cellBlocks);
		// damagedBlocks is in raster order; a cell's blocks stay in raster order within it.
		final TreeMap<Integer, List<Integer>> cells = new TreeMap<>();
		for (final int b : r.damagedBlocks) {
			final int c = (b / d.blocksX / cellBlocks) * cellsX + (b % d.blocksX) / cellBlocks;
			cells.computeIfAbsent(c, k -> new ArrayList<>()).add(b);
		}
		if (cells.size() == 1) return Collections.singletonList(r);
		final List<Region> chunks = new ArrayList<>(cells.size());
		for (final List<Integer> blocks : cells.values()) {
			final int[] own = new int[blocks.size()];
			int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
			for (int k = 0; k < own.length; k++) {
				final int b = own[k] = blocks.get(k);
				minX = Math.min(minX, b % d.blocksX);
				maxX = Math.max(maxX, b % d.blocksX);
				minY = Math.min(minY, b / d.blocksX);
				maxY = Math.max(maxY, b / d.blocksX);
			}
			final int x0 = Math.max(r.x0, minX * DamageMap.BLOCK - CUT_MARGIN);
			final int y0 = Math.max(r.y0, minY * DamageMap.BLOCK - CUT_MARGIN);
			final int x1 = Math.min(r.x0 + r.width, (maxX + 1) * DamageMap.BLOCK + CUT_MARGIN);
			final int y1 = Math.min(r.y0 + r.height, (maxY + 1) * DamageMap.BLOCK + CUT_MARGIN);
			chunks.add(new Region(x0, y0, x1 - x0, y1 - y0, own, r));
		}
		return chunks;
	}

	/**
	 * A hole is thick where a fully masked block has only fully masked blocks around it (the 8
	 * neighbours; beyond the image counts as masked, since the image's side reflects like a cut):
	 * a hole at least 48 px across there. A hole without such a block is less than 63 px wide
	 * along the grid and about 80 px across a diagonal.
	 */
	static boolean thick(final DamageMap d, final Region r) {
		for (final int b : r.damagedBlocks) {
			if (!d.full[b]) continue;
			final int bx = b % d.blocksX, by = b / d.blocksX;
			boolean core = true;
			for (int dy = -1; dy <= 1 && core; dy++)
				for (int dx = -1; dx <= 1 && core; dx++) {
					final int nx = bx + dx, ny = by + dy;
					if (nx < 0 || ny < 0 || nx >= d.blocksX || ny >= d.blocksY) continue;
					core = d.full[ny * d.blocksX + nx];
				}
			if (core) return true;
		}
		return false;
	}
}
