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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import io.github.gsinpaint.batch.BatchArguments;
import io.github.gsinpaint.batch.LineResult;
import io.github.gsinpaint.batch.Manifest;
import io.github.gsinpaint.batch.OutputCheck;
import io.github.gsinpaint.batch.RepairLine;
import io.github.gsinpaint.batch.RepairOptions;
import io.github.gsinpaint.core.InpaintException;

/**
 * The Spark driver: the batch layer's lines (a manifest, or a folder of images and a folder of
 * masks) are split into partitions, and executors repair them with the batch layer's per-line
 * code, each loading the model once. Every path must be readable (and output folders writable)
 * from every executor: a shared file system on a cluster. Malformed and refused lines and failed
 * images are listed at the end; the exit status is 1 if any failed.
 */
public final class SparkInpaint {

	static final String USAGE = String.join("\n",
		"Usage: spark-submit [spark options] GS_Inpainting-spark-*-all.jar",
		"         (--manifest FILE | --images DIR --masks DIR --outputs DIR) [options]",
		BatchArguments.COMMON_USAGE,
		"  --partitions N      tasks (default: four per core of the cluster)",
		"Outputs that exist are skipped (a re-run resumes) unless --overwrite. PyTorch gets one",
		"thread per task unless --torch-threads. The master is spark-submit's --master, else",
		"local[*].");

	private SparkInpaint() {}

	public static void main(final String[] args) {
		final int status = run(args, new SparkConf());
		System.exit(status);
	}

	/**
	 * @param conf Spark settings; the master defaults to local[*] and the application name to
	 *          "2DGS Inpainting" where it does not set them
	 * @return the exit status: 0 all written or skipped, 1 some failed, 2 bad arguments
	 */
	public static int run(final String[] args, final SparkConf conf) {
		final BatchArguments a;
		final Manifest manifest;
		try {
			a = BatchArguments.parse(args, BatchArguments.Frontend.SPARK);
			if (a.help()) {
				System.out.println(USAGE);
				return 0;
			}
			manifest = a.lines();
		}
		catch (final IllegalArgumentException | InpaintException | IOException e) {
			System.err.println("Error: " + e.getMessage());
			System.err.println("Run with --help for the options.");
			return 2;
		}
		for (final String note : manifest.notes())
			System.err.println(note);
		final Map<RepairLine, String> refused = OutputCheck.problems(manifest.lines(), a.options()
			.outputsUnder(), a.isManifest());
		final List<RepairLine> todo = new ArrayList<>();
		final List<LineResult> results = new ArrayList<>();
		for (final RepairLine l : manifest.lines())
			if (refused.containsKey(l)) results.add(LineResult.failed(l, refused.get(l)));
			else todo.add(l);
		conf.setIfMissing("spark.master", "local[*]");
		conf.setIfMissing("spark.app.name", "2DGS Inpainting");
		final long t0 = System.nanoTime();
		if (!todo.isEmpty()) try (JavaSparkContext sc = new JavaSparkContext(conf)) {
			results.addAll(repair(sc, todo, a.options(), a.partitions()));
		}
		results.sort(Comparator.comparingInt(r -> r.line().index()));
		return report(manifest.problems(), results, (System.nanoTime() - t0) / 1e9);
	}

	/**
	 * Repairs the lines on the cluster.
	 *
	 * @param partitions how many tasks; 0 for about four per core of the cluster
	 * @return one result per line, in line order
	 */
	public static List<LineResult> repair(final JavaSparkContext sc, final List<RepairLine> lines,
		final RepairOptions options, final int partitions)
	{
		if (lines.isEmpty()) return List.of();
		final int slices = Math.max(1, Math.min(lines.size(), partitions > 0 ? partitions : 4 * sc
			.defaultParallelism()));
		final List<LineResult> results = new ArrayList<>(sc.parallelize(lines, slices)
			.mapPartitions(new RepairPartition(options)).collect());
		results.sort(Comparator.comparingInt(r -> r.line().index()));
		return results;
	}

	static int report(final List<String> problems, final List<LineResult> results,
		final double seconds)
	{
		int repaired = 0, skipped = 0, failed = problems.size();
		for (final LineResult r : results) {
			switch (r.status()) {
				case REPAIRED: repaired++; System.out.println(r); break;
				case SKIPPED: skipped++; System.out.println(r); break;
				default: failed++;
			}
		}
		for (final String p : problems)
			System.err.println("FAILED    " + p);
		for (final LineResult r : results)
			if (r.status() == LineResult.Status.FAILED) System.err.println(r);
		System.out.printf(Locale.ROOT, "%d repaired, %d skipped, %d failed, of %d images in %.1f s%n",
			repaired, skipped, failed, results.size() + problems.size(), seconds);
		return failed > 0 ? 1 : 0;
	}
}
