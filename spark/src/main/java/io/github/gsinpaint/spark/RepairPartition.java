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
