package io.github.gsinpaint.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;

import io.github.gsinpaint.cli.InpaintCli;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.TileFiller;

/**
 * Runs on an executor: repairs the lines of one partition with one borrowed filler, through the
 * command line's own per-line code (so outputs are the same bytes). A line that fails becomes a
 * FAILED result with its reason; it never fails the task, so Spark neither retries nor stops the
 * other lines.
 */
final class RepairPartition implements FlatMapFunction<Iterator<RepairLine>, LineResult> {

	private static final long serialVersionUID = 1L;

	private final JobOptions options;

	RepairPartition(final JobOptions options) {
		this.options = options;
	}

	@Override
	public Iterator<LineResult> call(final Iterator<RepairLine> lines) {
		final String executor = executorName();
		final List<LineResult> results = new ArrayList<>();
		final InpaintSettings settings;
		final TileFiller filler;
		try {
			settings = options.settings();
			filler = FillerPool.borrow(options);
		}
		catch (final RuntimeException e) {
			final String why = "cannot open the method " + options.method + ": " + reason(e);
			lines.forEachRemaining(l -> results.add(new LineResult(l, LineResult.Status.FAILED, why,
				0, executor)));
			return results.iterator();
		}
		try {
			while (lines.hasNext()) {
				final RepairLine l = lines.next();
				final long t0 = System.nanoTime();
				try {
					final boolean written = InpaintCli.repairLine(l.image, l.mask, l.output, filler,
						settings, !options.overwrite);
					results.add(new LineResult(l, written ? LineResult.Status.REPAIRED
						: LineResult.Status.SKIPPED, null, (System.nanoTime() - t0) / 1e6, executor));
				}
				catch (final Exception | OutOfMemoryError | StackOverflowError e) {
					results.add(new LineResult(l, LineResult.Status.FAILED, reason(e), 0, executor));
				}
			}
		}
		finally {
			FillerPool.giveBack(options, filler);
		}
		return results.iterator();
	}

	static String reason(final Throwable e) {
		final String m = e.getMessage();
		return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
	}

	private static String executorName() {
		final SparkEnv env = SparkEnv.get();
		final TaskContext tc = TaskContext.get();
		return "executor " + (env == null ? "?" : env.executorId()) + (tc == null ? ""
			: ", partition " + tc.partitionId());
	}
}
