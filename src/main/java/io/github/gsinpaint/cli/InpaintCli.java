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
package io.github.gsinpaint.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.gsinpaint.batch.AtomicTiffWriter;
import io.github.gsinpaint.batch.BatchArguments;
import io.github.gsinpaint.batch.LineRepairer;
import io.github.gsinpaint.batch.LineResult;
import io.github.gsinpaint.batch.LossyMasks;
import io.github.gsinpaint.batch.Manifest;
import io.github.gsinpaint.batch.OutputCheck;
import io.github.gsinpaint.batch.RepairLine;
import io.github.gsinpaint.batch.RepairOptions;
import io.github.gsinpaint.batch.TorchThreads;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.methods.Method;
import io.github.gsinpaint.methods.Methods;

/**
 * Command line: one image, a manifest or a pair of folders, repaired in one process with the model
 * loaded once. Every line is checked before anything runs (an output may never be an input); a
 * malformed or failing line is reported in one line and the others go on; the exit status is 1 if
 * any line failed. Outputs are written atomically, so a failure never leaves a half-written file.
 */
public final class InpaintCli {

	static final String USAGE = String.join("\n",
		"Usage: --image IMAGE --mask MASK --output OUTPUT.tif [options]",
		"   or: --manifest FILE [options]",
		"   or: --images DIR --masks DIR --outputs DIR [options]",
		BatchArguments.COMMON_USAGE,
		"  --verbose           show the libraries' own log lines",
		"Exit status: 0 all repaired, 1 some line failed, 2 bad arguments, 130 cancelled.");

	private InpaintCli() {}

	public static void main(final String[] args) {
		// Ctrl-C or a kill ends the JVM with 130 or 143 and no word: say what is left behind
		final AtomicBoolean finished = new AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (!finished.get()) System.err.println("Interrupted: the outputs reported above are " +
				"complete; the image in progress was not written.");
		}, "gs-inpaint interrupted"));
		final int status = run(args);
		finished.set(true);
		System.exit(status);
	}

	/** Runs the command line without exiting the JVM. @return the exit status */
	public static int run(final String[] args) {
		QuietLogging.apply(java.util.Arrays.asList(args).contains("--verbose"));
		final BatchArguments a;
		try {
			a = BatchArguments.parse(args, BatchArguments.Frontend.COMMAND_LINE);
		}
		catch (final IllegalArgumentException e) {
			System.err.println("Error: " + e.getMessage());
			System.err.println("Run with --help for the options.");
			return 2;
		}
		if (a.help()) {
			System.out.println(USAGE);
			return 0;
		}
		final Manifest manifest;
		try {
			manifest = a.lines();
		}
		catch (final InpaintException | IOException e) {
			System.err.println("Error: " + e.getMessage());
			return 2;
		}
		final RepairOptions options = a.options();
		int failed = 0;
		for (final String note : manifest.notes())
			System.err.println(note);
		for (final String problem : manifest.problems()) {
			System.err.println("Error on " + problem);
			failed++;
		}
		final Map<RepairLine, String> refused = OutputCheck.problems(manifest.lines(), options
			.outputsUnder(), a.isManifest());
		final List<RepairLine> todo = new ArrayList<>();
		for (final RepairLine l : manifest.lines())
			if (refused.containsKey(l)) {
				System.err.println(failure(a, l, refused.get(l)));
				failed++;
			}
			else todo.add(l);
		// made as needed, but a mistyped path should not make a stray folder tree unsaid (in folder
		// mode --outputs names the one folder to make)
		final Set<Path> made = new LinkedHashSet<>();
		if (!a.isBatch() || a.isManifest()) for (final RepairLine l : todo) {
			final Path d = l.output().toAbsolutePath().getParent();
			if (d != null && !java.nio.file.Files.exists(d) && made.add(d)) System.err.println(
				"Note: the output folder " + d + " does not exist; it is made.");
		}
		final String lossy = LossyMasks.note(todo);
		if (lossy != null) System.err.println("Note: " + lossy);
		final int total = manifest.lines().size() + manifest.problems().size();
		if (!todo.isEmpty()) try {
			removeStaleParts(todo);
			if (options.method() == Method.GAUSSIAN_SPLATTING) TorchThreads.configure(
				options.torchThreads());
			try (TileFiller filler = Methods.open(options.methodOptions())) {
				System.out.println("Method: " + filler.identity());
				for (final String note : options.methodOptions().notes(filler))
					System.err.println("Note: " + note);
				for (final RepairLine line : todo) {
					final LineResult r = LineRepairer.repair(line, filler, options);
					if (r.status() == LineResult.Status.FAILED) {
						failed++;
						System.err.println(failure(a, line, r.message()));
					}
					// "image -> output: N ms", the format python/benchmark.py reads
					else if (r.status() == LineResult.Status.REPAIRED) System.out.printf(Locale.ROOT,
						"%s -> %s: %.1f ms%n", line.image(), line.output(), r.millis());
					else System.out.println(line.output() + ": exists, skipped");
				}
			}
		}
		catch (final InpaintException e) {
			System.err.println("Error: " + e.getMessage());
			return 1;
		}
		catch (final InpaintCancelledException e) {
			System.err.println(e.getMessage());
			return 130;
		}
		if (failed > 0 && a.isBatch()) System.err.println(failed + " of " + total +
			" images failed.");
		return failed > 0 ? 1 : 0;
	}

	private static String failure(final BatchArguments a, final RepairLine l, final String why) {
		// folder mode numbers its images, but no line the user wrote: the file names it
		return "Error" + (a.isManifest() ? " on line " + l.index() : "") + " (" + l.image() + "): " +
			why;
	}

	/** Temporary files of killed earlier runs, in the folders this run writes to. */
	private static void removeStaleParts(final List<RepairLine> lines) {
		final Set<Path> dirs = new LinkedHashSet<>();
		for (final RepairLine l : lines)
			dirs.add(l.output().toAbsolutePath().getParent());
		for (final Path d : dirs)
			if (d != null) AtomicTiffWriter.removeStaleParts(d);
	}
}
