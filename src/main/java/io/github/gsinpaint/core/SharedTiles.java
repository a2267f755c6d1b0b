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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.Interval;

/**
 * The fills of the tiles that several chunks of a cut region run ({@link RegionCuts}): a tile
 * that lies across a cell's side covers pixels of the chunks on both sides, and each chunk needs
 * it for its blend. The first chunk to run it keeps its fill here and the later ones take it, so
 * the method runs every tile of the region once, as it does when the region is not cut (a model's
 * tile is the costly step; without this, cutting the seams of an 8k image ran half as many tiles
 * again). A fill is dropped when its last chunk took it, so this holds only the tiles along the
 * sides between chunks that are done and chunks still to come.
 * <p>
 * A kept fill was made in another chunk's window: the same pixels of the image, and a prior that
 * differs only by the cut's effect, far below the fill's own precision.
 */
final class SharedTiles {

	/** A tile's clipped fill and the pixels it fills, as the tile loop blends them. */
	static final class Fill {

		final float[][] values;
		final boolean[] open;

		Fill(final float[][] values, final boolean[] open) {
			this.values = values;
			this.open = open;
		}
	}

	/** Chunks still to run each tile, by {@link #key}. */
	private final Map<Long, Integer> uses = new HashMap<>();
	private final Map<Long, Fill> kept = new HashMap<>();

	/** @param tilesOfChunks the tiles (image coordinates) of each chunk of one region */
	SharedTiles(final List<List<Interval>> tilesOfChunks) {
		for (final List<Interval> tiles : tilesOfChunks)
			for (final Interval t : tiles)
				uses.merge(key(t.min(0), t.min(1)), 1, Integer::sum);
	}

	/** @return the fill of the tile at (x, y) of the image that an earlier chunk kept, or null */
	Fill get(final long x, final long y) {
		return kept.get(key(x, y));
	}

	/**
	 * Marks one use of the tile at (x, y) as done: keeps its fill for the chunks still to run it,
	 * or drops it when none is left.
	 */
	void used(final long x, final long y, final Fill fill) {
		final long k = key(x, y);
		final int left = uses.getOrDefault(k, 1) - 1;
		if (left > 0) {
			uses.put(k, left);
			kept.put(k, fill);
		}
		else {
			uses.remove(k);
			kept.remove(k);
		}
	}

	/** Tiles start within 2^31 of the image: two ints make a key. */
	private static long key(final long x, final long y) {
		return (x << 32) ^ (y & 0xffffffffL);
	}
}
