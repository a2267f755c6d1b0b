package io.github.gsinpaint.core;

/**
 * Places fixed-size tiles along one axis of a region. A region no longer than a tile gets one tile
 * centred on it (spilling into the surrounding image for extra context where the image allows);
 * a longer one gets evenly spread tiles that overlap by at least the requested overlap.
 */
final class TileLayout {

	private TileLayout() {}

	/**
	 * @param start region start along the axis
	 * @param length region length
	 * @param imageLength image length along the axis
	 * @param tile maximal tile length (a multiple of {@code multiple})
	 * @param multiple tile lengths must be multiples of this
	 * @param minimum the shortest tile (a multiple of {@code multiple}, at most {@code tile})
	 * @param overlap minimal overlap between neighbouring tiles
	 * @return tile starts; every tile has length {@link #tileLength}
	 */
	static int[] starts(final int start, final int length, final int imageLength, final int tile,
		final int multiple, final int minimum, final int overlap)
	{
		final int size = tileLength(length, tile, multiple, minimum);
		if (length <= size) return new int[] { centred(start, length, imageLength, size) };
		final int step = Math.max(multiple, size - Math.min(overlap, size / 2));
		final int n = 1 + DamageMap.ceilDiv(length - size, step);
		final int[] s = new int[n];
		for (int k = 0; k < n; k++)
			s[k] = start + (int) Math.round((double) k * (length - size) / (n - 1));
		return s;
	}

	/**
	 * A region shorter than a tile uses a shorter tile (rounded up to the multiple) so that small
	 * defects cost little. A tile longer than the image (tiny images) is padded by the caller.
	 */
	static int tileLength(final int length, final int tile, final int multiple,
		final int minimum)
	{
		return Math.min(tile, Math.max(minimum, roundUp(length, multiple)));
	}

	private static int centred(final int start, final int length, final int imageLength,
		final int size)
	{
		final int s = start + length / 2 - size / 2;
		if (size >= imageLength) return 0;
		return Math.max(0, Math.min(imageLength - size, s));
	}

	static int roundUp(final int v, final int m) {
		return DamageMap.ceilDiv(v, m) * m;
	}
}
