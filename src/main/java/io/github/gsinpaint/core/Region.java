package io.github.gsinpaint.core;

/**
 * One connected damaged region: the bounding box of its damage grown by the context margin
 * (clipped to the image), and the damaged blocks it owns. Every damaged block belongs to exactly
 * one region, so every masked pixel is written by exactly one region.
 */
final class Region {

	final int x0, y0, width, height;
	/** Indices {@code by * blocksX + bx} of the damaged blocks of this region. */
	final int[] damagedBlocks;

	Region(final int x0, final int y0, final int width, final int height,
		final int[] damagedBlocks)
	{
		this.x0 = x0;
		this.y0 = y0;
		this.width = width;
		this.height = height;
		this.damagedBlocks = damagedBlocks;
	}

	long area() {
		return (long) width * height;
	}
}
