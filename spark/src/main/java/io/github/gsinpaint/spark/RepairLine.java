package io.github.gsinpaint.spark;

import java.io.Serializable;

/** One unit of work: an image, its mask and the output to write, with its place in the input. */
public final class RepairLine implements Serializable {

	private static final long serialVersionUID = 1L;

	final int index;
	final String image, mask, output;

	public RepairLine(final int index, final String image, final String mask, final String output) {
		this.index = index;
		this.image = image;
		this.mask = mask;
		this.output = output;
	}

	public int index() {
		return index;
	}

	public String image() {
		return image;
	}

	public String mask() {
		return mask;
	}

	public String output() {
		return output;
	}
}
