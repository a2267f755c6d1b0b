package io.github.gsinpaint.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;

import io.github.gsinpaint.batch.LineRepairer;
import io.github.gsinpaint.batch.LineResult;
import io.github.gsinpaint.batch.RepairLine;
import io.github.gsinpaint.batch.RepairOptions;
import io.github.gsinpaint.core.TileFiller;

/**
 * Runs on an executor: repairs the lines of one partition with one borrowed filler, through the
 * batch layer's per-line code that the command line runs too (so outputs are the same bytes). A
 * line that fails becomes a FAILED result with its reason; it never fails the task, so Spark
 * neither retries nor stops the other lines.
 */
final class RepairPartition implements FlatMapFunction<Iterator<RepairLine>, LineResult> {

	private static final long serialVersionUID = 2L;

	private final RepairOptions options;

	RepairPartition(final RepairOptions options) {
		this.options = options;
	}

	@Override
	public Iterator<LineResult> call(final Iterator<RepairLine> lines) {
		final String executor = executorName();
		final List<LineResult> results = new ArrayList<>();
		final TileFiller filler;
		try {
			filler = FillerPool.borrow(options);
		}
		catch (final RuntimeException e) {
			final String why = "cannot open the method " + options.method() + ": " + reason(e);
			lines.forEachRemaining(l -> results.add(LineResult.failed(l, why).on(executor)));
			return results.iterator();
		}
		try {
			while (lines.hasNext())
				results.add(LineRepairer.repair(lines.next(), filler, options).on(executor));
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
