package io.github.gsinpaint.core;

import static io.github.gsinpaint.core.FillerTestSupport.maxHoleError;
import static io.github.gsinpaint.core.FillerTestSupport.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gsinpaint.core.classical.BiharmonicFiller;

import org.junit.jupiter.api.Test;

public class BiharmonicFillerContractTest extends InpaintingContractTest {

	@Override
	protected TileFiller createFiller() {
		return new BiharmonicFiller();
	}

	@Test
	public void reproducesALinearRamp() {
		assertEquals(0, maxHoleError(new BiharmonicFiller(), 24, 18, rect(4, 3, 20, 15), (x,
			y) -> 0.2 + 0.03 * x - 0.02 * y), 1e-4);
	}

	@Test
	public void reproducesAQuadratic() {
		// Its Laplacian is constant, so its bilaplacian vanishes: exactly biharmonic.
		assertEquals(0, maxHoleError(new BiharmonicFiller(), 26, 20, rect(5, 4, 21, 16), (x,
			y) -> 0.1 + 0.002 * x * x - 0.001 * y * y + 0.0015 * x * y + 0.01 * y), 1e-4);
	}

	@Test
	public void allHoleTileGivesMidGrey() {
		FillerTestSupport.assertAllHoleGivesHalf(new BiharmonicFiller());
	}

	@Test
	public void cancels() {
		FillerTestSupport.assertCancels(new BiharmonicFiller());
	}
}
