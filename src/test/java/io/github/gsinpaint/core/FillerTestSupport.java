package io.github.gsinpaint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntBinaryOperator;

/** Direct checks of a {@link TileFiller} on small planar arrays, shared by the classical tests. */
final class FillerTestSupport {

	private FillerTestSupport() {}

	interface Field {

		double at(int x, int y);
	}

	/** Fills a w x h tile whose known pixels hold f and returns the max error at hole pixels. */
	static double maxHoleError(final TileFiller filler, final int w, final int h,
		final IntBinaryOperator isHole, final Field f)
	{
		final float[][] tile = new float[1][w * h];
		final boolean[] hole = new boolean[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				hole[i] = isHole.applyAsInt(x, y) != 0;
				tile[0][i] = hole[i] ? 0 : (float) f.at(x, y);
			}
		final float[][] out = filler.fill(tile, hole, w, h, Progress.NONE);
		assertEquals(1, out.length);
		assertEquals(w * h, out[0].length);
		double max = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				if (!hole[i]) continue;
				assertTrue(Float.isFinite(out[0][i]), "finite at " + x + "," + y);
				max = Math.max(max, Math.abs(out[0][i] - f.at(x, y)));
			}
		return max;
	}

	/** A rectangle hole [x0, x1) x [y0, y1). */
	static IntBinaryOperator rect(final int x0, final int y0, final int x1, final int y1) {
		return (x, y) -> x >= x0 && x < x1 && y >= y0 && y < y1 ? 1 : 0;
	}

	static void assertAllHoleGivesHalf(final TileFiller filler) {
		final float[][] tile = new float[2][12];
		final boolean[] hole = new boolean[12];
		java.util.Arrays.fill(hole, true);
		final float[][] out = filler.fill(tile, hole, 4, 3, Progress.NONE);
		for (final float[] c : out)
			for (final float v : c)
				assertEquals(0.5f, v);
	}

	/** A large hole and a Progress that is cancelled from the start. */
	static void assertCancels(final TileFiller filler) {
		final int w = 256, h = 256;
		final float[][] tile = new float[1][w * h];
		final boolean[] hole = new boolean[w * h];
		for (int i = 0; i < w * h; i++) {
			final int x = i % w, y = i / w;
			hole[i] = x > 20 && x < 236 && y > 20 && y < 236;
			tile[0][i] = hole[i] ? 0 : (float) Math.sin(x * 0.1) * 0.5f + 0.5f;
		}
		final Progress cancelled = new Progress() {

			@Override
			public void report(final double fraction, final String message) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(InpaintCancelledException.class, () -> filler.fill(tile, hole, w, h,
			cancelled));
	}
}
