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
package io.github.gsinpaint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.gsinpaint.batch.LineRepairer;
import io.github.gsinpaint.batch.LineResult;
import io.github.gsinpaint.batch.RepairLine;
import io.github.gsinpaint.batch.RepairOptions;
import io.github.gsinpaint.batch.TorchThreads;
import io.github.gsinpaint.methods.Methods;

/**
 * Development-set cases through the command line's per-line repair ({@link LineRepairer}: read,
 * repair, write TIFF) with several models in one JVM, interleaved case by case (the order of the
 * models alternates), so a shared machine's drift weighs on every model alike. Besides the time
 * per case it splits off the time spent inside the model's tile fills (network, rasterizer,
 * packing; a timing wrapper around the filler), so the rest (reading, the context statistics,
 * the frame, v2's prior, v1's border band, compositing, writing) shows on its own. Prints the
 * median per model, and the mean per mask kind. Run (with {@code ONEDNN_MAX_CPU_ISA=AVX2}):
 * {@code java -cp target/test-classes:target/classes:<test classpath>
 * io.github.gsinpaint.bench.CaseSideBySide data/dev [every] [model folder ...]}; {@code every}
 * takes every n-th case (1: all 252).
 */
public final class CaseSideBySide {

	private CaseSideBySide() {}

	public static void main(final String[] args) throws IOException {
		final Path dev = Paths.get(args.length > 0 ? args[0] : "data/dev");
		final int every = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		final String[] models = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length)
			: new String[] { "models/gs-inpaint-v1", "models/gs-inpaint-v2" };
		final List<String[]> cases = new ArrayList<>();
		final List<String> rows = Files.readAllLines(dev.resolve("manifest.tsv"),
			StandardCharsets.UTF_8);
		for (int i = 1; i < rows.size(); i += every)
			cases.add(rows.get(i).split("\t"));
		final Path out = Files.createTempDirectory("case-side-by-side");
		TorchThreads.configure(RepairOptions.AUTOMATIC_THREADS);
		final ScalingBenchmark.TimedFiller[] fillers = new ScalingBenchmark.TimedFiller[models.length];
		final RepairOptions[] options = new RepairOptions[models.length];
		final double[][] total = new double[models.length][cases.size()], inside =
			new double[models.length][cases.size()];
		try {
			for (int m = 0; m < models.length; m++) {
				options[m] = RepairOptions.builder().method("2dgs").model(Paths.get(models[m]))
					.device("cpu").build();
				fillers[m] = new ScalingBenchmark.TimedFiller(Methods.open(options[m].methodOptions()));
			}
			for (int k = 0; k < cases.size(); k++) {
				final String[] c = cases.get(k);
				for (int j = 0; j < models.length; j++) {
					final int m = k % 2 == 0 ? j : models.length - 1 - j;
					final RepairLine line = new RepairLine(k + 1, dev.resolve(c[1]).toString(), dev
						.resolve(c[2]).toString(), out.resolve(m + "-" + c[0] + ".tif").toString());
					fillers[m].nanos = 0;
					final LineResult r = LineRepairer.repair(line, fillers[m], options[m]);
					if (r.status() != LineResult.Status.REPAIRED) throw new IllegalStateException(r
						.toString());
					total[m][k] = r.millis();
					inside[m][k] = fillers[m].nanos / 1e6;
				}
			}
		}
		finally {
			for (final ScalingBenchmark.TimedFiller f : fillers)
				if (f != null) f.close();
		}
		final double first = BenchInputs.median(total[0]);
		for (int m = 0; m < models.length; m++) {
			final double[] rest = new double[cases.size()];
			for (int k = 0; k < rest.length; k++)
				rest[k] = total[m][k] - inside[m][k];
			System.out.printf(Locale.ROOT,
				"%-24s median per case %6.1f ms (%.2fx)  in the tile fills %6.1f  the rest %5.1f%n",
				models[m], BenchInputs.median(total[m]), BenchInputs.median(total[m]) / first,
				BenchInputs.median(inside[m]), BenchInputs.median(rest));
		}
		final Map<String, double[]> kinds = new TreeMap<>();
		for (int k = 0; k < cases.size(); k++) {
			final double[] s = kinds.computeIfAbsent(cases.get(k)[4], x -> new double[2 * models.length +
				1]);
			for (int m = 0; m < models.length; m++) {
				s[2 * m] += total[m][k];
				s[2 * m + 1] += total[m][k] - inside[m][k];
			}
			s[2 * models.length]++;
		}
		for (int m = 1; m < models.length; m++) {
			final double[] ratio = new double[cases.size()], fills = new double[cases.size()],
				rest = new double[cases.size()];
			for (int k = 0; k < ratio.length; k++) {
				ratio[k] = total[m][k] / total[0][k];
				fills[k] = inside[m][k] - inside[0][k];
				rest[k] = total[m][k] - inside[m][k] - (total[0][k] - inside[0][k]);
			}
			System.out.printf(Locale.ROOT,
				"%s against %s, case by case: median ratio %.3f, median difference in the tile fills %+.1f ms, in the rest %+.1f ms%n",
				models[m], models[0], BenchInputs.median(ratio), BenchInputs.median(fills),
				BenchInputs.median(rest));
		}
		for (final Map.Entry<String, double[]> e : kinds.entrySet()) {
			final double[] s = e.getValue();
			final StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s", e.getKey()));
			for (int m = 0; m < models.length; m++)
				b.append(String.format(Locale.ROOT, "  mean %6.1f ms (rest %5.1f)", s[2 * m] / s[2 *
					models.length], s[2 * m + 1] / s[2 * models.length]));
			System.out.println(b);
		}
	}
}
