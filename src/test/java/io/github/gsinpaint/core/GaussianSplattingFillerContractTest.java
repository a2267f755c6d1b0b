package io.github.gsinpaint.core;

import io.github.gsinpaint.TestModels;

/** The shipped 2DGS model passes the same contract as every other method. */
public class GaussianSplattingFillerContractTest extends InpaintingContractTest {

	@Override
	protected TileFiller createFiller() {
		return TestModels.open("2dgs", TestModels.gsOptions());
	}

	/** A learned fill of smooth test patterns is less exact than a PDE fill, but close. */
	@Override
	protected double smoothFillTolerance() {
		return 0.08;
	}
}
