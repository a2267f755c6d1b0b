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
package io.github.gsinpaint.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.ij.DefectFinder;

/**
 * The one argument parser of the command line and the Spark driver. Options that do not apply to
 * the front end, and unknown options, are errors, so a typo never passes silently.
 */
public final class BatchArguments {

	/** Which program parses: the options and one default differ. */
	public enum Frontend {
		/** one process; overwrites outputs by default */
		COMMAND_LINE,
		/** a cluster job; skips outputs that exist by default, so a re-run resumes */
		SPARK
	}

	private RepairOptions options;
	private String image, mask, output, manifest, images, masks, outputs;
	private int partitions;
	private boolean help, verbose;

	private BatchArguments() {}

	/** The options without a value. */
	private static final java.util.Set<String> FLAGS = java.util.Set.of("--help", "--verbose",
		"--overwrite", "--skip-existing", "--nan", "--saturated", "--outliers", "--bad-lines");

	/** The options that take a value: any other "--" argument that is no flag is unknown. */
	private static final java.util.Set<String> VALUED = java.util.Set.of("--image", "--mask",
		"--output", "--partitions", "--manifest", "--images", "--masks", "--outputs", "--method",
		"--model", "--device", "--tile", "--margin", "--torch-threads", "--outputs-under",
		"--saturation-level", "--value", "--threshold", "--dilation", "--shape");

	/** The options and inputs both front ends share, for their usage texts. */
	public static final String COMMON_USAGE = String.join("\n",
		"  --manifest FILE     tab-separated lines: image<TAB>mask<TAB>output; relative paths are",
		"                      taken from the manifest's folder; '-' as mask: none (pixel masks)",
		"  --images DIR --masks DIR --outputs DIR",
		"                      every image with the mask of the same name (or the one mask with",
		"                      the same name before the extension); output OUTPUTS/<name>.tif",
		"Method:",
		"  --method NAME       2dgs (default), harmonic or biharmonic",
		"  --model DIR         a model package folder (default: the bundled model)",
		"  --device D          auto (default), cpu or gpu (cuda: gpu)",
		"  --tile N            tile size in pixels (default: the method's; 2dgs rounds it up to",
		"                      whole 16 px patches, at least 64 px)",
		"  --margin N          context margin around damage in pixels (default 32)",
		"  --torch-threads N   PyTorch threads per process (default: the cores shared among the",
		"                      repair processes running on this machine)",
		"Mask (the union of the mask file and these, then grown):",
		"  --nan               the image's NaN pixels",
		"  --saturated         pixels at the type's maximum (255, 65535; RGB: any channel 255)",
		"  --saturation-level N  pixels at or above N (e.g. 4095 for a 12-bit camera)",
		"  --value V           pixels equal to V",
		"  --outliers          hot and dead pixels and specks, found in each plane",
		"  --bad-lines         dead, hot or stuck rows and columns, found in each plane",
		"  --threshold SDS     how far the two finders' defects stand out, in robust standard",
		"                      deviations of the plane's noise (default 6; lower finds more)",
		"  --dilation N        grow the mask by N pixels (default 0)",
		"  --shape S           disk (default) or square, for --dilation",
		"Outputs:",
		"  --outputs-under DIR refuse any output outside DIR (by default outputs may go anywhere)",
		"  --overwrite | --skip-existing   what to do with an output that exists",
		"                      (default: --overwrite on the command line, --skip-existing on Spark)",
		"A non-zero mask pixel is a hole. Outputs are TIFF of the input's type (name them .tif).");

	/**
	 * @throws IllegalArgumentException with a message for the user when the arguments are wrong
	 */
	public static BatchArguments parse(final String[] args, final Frontend frontend) {
		final BatchArguments a = new BatchArguments();
		final RepairOptions.Builder o = RepairOptions.builder().overwrite(
			frontend == Frontend.COMMAND_LINE);
		MaskRecipe recipe = MaskRecipe.fileOnly();
		int dilation = 0;
		MaskRecipe.Shape shape = MaskRecipe.Shape.DISK;
		final List<String> list = new ArrayList<>();
		for (final String s : args)
			if (s != null && !s.isEmpty()) list.add(s);
		// An option given twice (a script's default and the user's own) would silently take one of
		// the two values; and --overwrite with --skip-existing asks for two things at once.
		final java.util.Set<String> given = new java.util.HashSet<>();
		try {
			for (int i = 0; i < list.size(); i++) {
				final String key = list.get(i);
				// first: a typo is unknown, also as the last argument (not "needs a value") or twice
				if (key.startsWith("--") && !FLAGS.contains(key) && !VALUED.contains(key))
					throw new IllegalArgumentException("Unknown option " + key + ".");
				if (key.startsWith("--") && !given.add(key.equals("--skip-existing") ? "--overwrite"
					: key))
				{
					throw new IllegalArgumentException(key.equals("--overwrite") || key.equals(
						"--skip-existing") ? "Give one of --overwrite and --skip-existing, not both."
							: "Option " + key + " is given twice: give it once.");
				}
				switch (key) {
					case "--help": case "-h": a.help = true; continue;
					case "--verbose": a.verbose = true; continue;
					case "--overwrite": o.overwrite(true); continue;
					case "--skip-existing": o.overwrite(false); continue;
					case "--nan": recipe = recipe.withNan(true); continue;
					case "--saturated": recipe = recipe.withSaturated(Double.NaN); continue;
					case "--outliers": recipe = recipe.withOutliers(true); continue;
					case "--bad-lines": recipe = recipe.withBadLines(true); continue;
					default: break;
				}
				if (!key.startsWith("--")) throw new IllegalArgumentException("Unexpected '" + key +
					"': options start with --.");
				if (i + 1 >= list.size()) throw new IllegalArgumentException("Option " + key +
					" needs a value.");
				final String v = list.get(++i);
				// Empty arguments are dropped above, so an unset variable (--output "$OUT"
				// --skip-existing) would make the next option this one's value: no path or
				// number starts with "--".
				if (v.startsWith("--")) throw new IllegalArgumentException("Option " + key +
					" needs a value, but the next argument is the option '" + v + "' (an empty " +
					"value?).");
				switch (key) {
					case "--image": a.image = only(frontend, Frontend.COMMAND_LINE, key, v); break;
					case "--mask": a.mask = only(frontend, Frontend.COMMAND_LINE, key, v); break;
					case "--output": a.output = only(frontend, Frontend.COMMAND_LINE, key, v); break;
					case "--partitions":
						only(frontend, Frontend.SPARK, key, v);
						a.partitions = integer(key, v, 1);
						break;
					case "--manifest": a.manifest = v; break;
					case "--images": a.images = v; break;
					case "--masks": a.masks = v; break;
					case "--outputs": a.outputs = v; break;
					case "--method": o.method(v); break;
					case "--model": o.model(Paths.get(v)); break;
					case "--device": o.device(v); break;
					case "--tile": o.tileSize(integer(key, v, 1)); break;
					case "--margin": o.contextMargin(integer(key, v, 1)); break;
					case "--torch-threads": o.torchThreads(integer(key, v, 1)); break;
					case "--outputs-under": o.outputsUnder(Paths.get(v)); break;
					case "--saturation-level": {
						final double level = number(key, v);
						// as the dialog: a negative level is no pixel value, 0 is the type's maximum
						if (level < 0) throw new IllegalArgumentException("Option " + key + " needs " +
							"a pixel value >= 0 (0: the type's maximum, as --saturated), got '" + v + "'.");
						recipe = recipe.withSaturated(level);
						break;
					}
					case "--value": recipe = recipe.withValue(number(key, v)); break;
					case "--threshold": {
						final double sds = number(key, v);
						if (!(sds > 0)) throw new IllegalArgumentException("Option " + key + " needs a " +
							"positive number of robust standard deviations (default " + DefectFinder
								.DEFAULT_THRESHOLD + "), got '" + v + "'.");
						recipe = recipe.withThreshold(sds);
						break;
					}
					case "--dilation": dilation = integer(key, v, 0); break;
					case "--shape": shape = shape(v); break;
					default: throw new IllegalArgumentException("Unknown option " + key + ".");
				}
			}
		}
		catch (final InpaintException e) { // a bad method or device name
			throw new IllegalArgumentException(e.getMessage(), e);
		}
		if (given.contains("--threshold") && !recipe.outliers() && !recipe.badLines())
			throw new IllegalArgumentException("Option --threshold is the threshold of --outliers " +
				"and --bad-lines: give one of them too.");
		a.options = o.mask(recipe.withDilation(dilation, shape)).build();
		if (!a.help) a.checkSource(frontend);
		return a;
	}

	private void checkSource(final Frontend frontend) {
		final boolean pixels = options.mask().usesPixels();
		final int sources = (manifest != null ? 1 : 0) + (images != null || masks != null ||
			outputs != null ? 1 : 0) + (image != null || mask != null || output != null ? 1 : 0);
		final String choices = frontend == Frontend.COMMAND_LINE
			? "--image/--mask/--output, --manifest, or --images/--masks/--outputs"
			: "--manifest, or --images/--masks/--outputs";
		if (sources != 1) throw new IllegalArgumentException("Give one of " + choices + ".");
		if ((image != null || mask != null || output != null) && (image == null || output ==
			null || mask == null && !pixels)) throw new IllegalArgumentException(
				"Give --image, --mask and --output (--mask may be left out with --nan, --saturated, " +
					"--saturation-level, --value, --outliers or --bad-lines).");
		if ((images != null || masks != null || outputs != null) && (images == null ||
			outputs == null || masks == null && !pixels)) throw new IllegalArgumentException(
				"Give --images, --masks and --outputs (--masks may be left out with a pixel mask).");
	}

	private static String only(final Frontend frontend, final Frontend allowed, final String key,
		final String v)
	{
		if (frontend != allowed) throw new IllegalArgumentException("Option " + key +
			" is not available here.");
		return v;
	}

	private static int integer(final String key, final String v, final int min) {
		try {
			final int n = Integer.parseInt(v.trim());
			if (n >= min) return n;
		}
		catch (final NumberFormatException e) {
			// A whole number past the int range is not "no whole number": say what is wrong with it.
			if (v.trim().matches("\\+?[0-9]+")) throw new IllegalArgumentException("Option " +
				key + " got " + v.trim() + ", which is too large: give a whole number from " + min +
				" to " + Integer.MAX_VALUE + ".");
		}
		throw new IllegalArgumentException("Option " + key + " needs a whole number >= " + min +
			", got '" + v + "'.");
	}

	private static double number(final String key, final String v) {
		try {
			final double d = Double.parseDouble(v.trim());
			if (Double.isFinite(d)) return d;
		}
		catch (final NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException("Option " + key + " needs a number, got '" + v + "'.");
	}

	private static MaskRecipe.Shape shape(final String v) {
		try {
			return MaskRecipe.Shape.valueOf(v.trim().toUpperCase(Locale.ROOT));
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("Option --shape needs disk or square, got '" + v +
				"'.");
		}
	}

	/**
	 * The lines to repair, with the problems of malformed manifest lines (reported and skipped,
	 * not fatal).
	 *
	 * @throws InpaintException when there is nothing to repair at all (no manifest, no images)
	 */
	public Manifest lines() throws IOException {
		if (manifest != null) return Manifest.read(Paths.get(manifest), options.mask()
			.usesPixels());
		if (images != null) return FolderPairs.pair(Paths.get(images), masks == null ? null
			: Paths.get(masks), Paths.get(outputs));
		final Path abs = Paths.get(image).toAbsolutePath();
		return Manifest.of(new RepairLine(1, abs.toString(), mask == null ? null : Paths.get(mask)
			.toAbsolutePath().toString(), Paths.get(output).toAbsolutePath().toString()));
	}

	public RepairOptions options() {
		return options;
	}

	/** @return Spark partitions; 0 for the driver's default */
	public int partitions() {
		return partitions;
	}

	public boolean help() {
		return help;
	}

	/** @return whether the libraries' own INFO lines should be shown */
	public boolean verbose() {
		return verbose;
	}

	/** @return whether the lines come from a manifest file (their numbers mean its lines) */
	public boolean isManifest() {
		return manifest != null;
	}

	/** @return whether more than one line may come (a manifest or folders) */
	public boolean isBatch() {
		return image == null;
	}
}
