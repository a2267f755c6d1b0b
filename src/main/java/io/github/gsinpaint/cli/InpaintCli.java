package io.github.gsinpaint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import io.github.gsinpaint.core.InpaintCancelledException;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintMethods;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.MethodOptions;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.ij.ImagePlusInpainter;
import io.github.gsinpaint.ij.ProcessorImgs;
import net.imglib2.img.Img;
import net.imglib2.type.logic.BitType;

/**
 * Command line: one image, or a manifest of many, repaired in one process with the model loaded
 * once. A failing line is reported and the others go on; the exit status is non-zero if any
 * failed. Outputs are written atomically, so a failure never leaves a half-written file.
 */
public final class InpaintCli {

	private InpaintCli() {}

	public static void main(final String[] args) {
		System.exit(run(args));
	}

	/** Runs the command line without exiting the JVM. @return the exit status */
	public static int run(final String[] args) {
		final CliArguments a;
		try {
			a = CliArguments.parse(args);
		}
		catch (final IllegalArgumentException e) {
			System.err.println("Error: " + e.getMessage());
			System.err.println(CliArguments.USAGE);
			return 2;
		}
		if (a.help) {
			System.out.println(CliArguments.USAGE);
			return 0;
		}
		final List<String[]> jobs;
		try {
			jobs = a.manifest != null ? readManifest(Paths.get(a.manifest)) : List.<String[]> of(
				new String[] { a.image, a.mask, a.output });
		}
		catch (final IOException | IllegalArgumentException e) {
			System.err.println("Error: cannot read the manifest " + a.manifest + ": " + e
				.getMessage());
			return 2;
		}
		final InpaintSettings settings = InpaintSettings.defaults().withTileSize(a.tileSize)
			.withContextMargin(a.contextMargin);
		int failed = 0;
		try (TileFiller filler = InpaintMethods.open(a.method, MethodOptions.defaults()
			.withDevice(a.device).withModelPath(a.model == null ? null : Paths.get(a.model))))
		{
			System.out.println("Method: " + filler.identity());
			for (int i = 0; i < jobs.size(); i++) {
				final String[] job = jobs.get(i);
				final long t0 = System.nanoTime();
				try {
					repairLine(job[0], job[1], job[2], filler, settings, false);
					System.out.printf(Locale.ROOT, "%s -> %s: %.1f ms%n", job[0], job[2], (System
						.nanoTime() - t0) / 1e6);
				}
				catch (final InpaintException | IOException e) {
					failed++;
					System.err.println("Error" + (jobs.size() > 1 ? " on line " + (i + 1) : "") + " (" +
						job[0] + "): " + e.getMessage());
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
		if (failed > 0) System.err.println(failed + " of " + jobs.size() + " images failed.");
		return failed > 0 ? 1 : 0;
	}

	/**
	 * Repairs one manifest line with an open method and writes the output atomically. The command
	 * line and the Spark driver both call this, so they write the same bytes.
	 *
	 * @param skipExisting when true and the output exists already (a finished earlier run: outputs
	 *          appear only complete), nothing is read or written
	 * @return true when the output was written, false when it was skipped
	 * @throws InpaintException or IOException with a message that names the reason
	 */
	public static boolean repairLine(final String imagePath, final String maskPath,
		final String outputPath, final TileFiller filler, final InpaintSettings settings,
		final boolean skipExisting) throws IOException
	{
		final Path output = Paths.get(outputPath);
		if (skipExisting && Files.exists(output)) return false;
		repair(imagePath, maskPath, output, filler, settings);
		return true;
	}

	static void repair(final String imagePath, final String maskPath, final Path output,
		final TileFiller filler, final InpaintSettings settings) throws IOException
	{
		final ImagePlus imp = open(imagePath, "image");
		final ImagePlus maskImp = open(maskPath, "mask");
		if (maskImp.getWidth() != imp.getWidth() || maskImp.getHeight() != imp.getHeight())
			throw new InpaintException("The mask " + maskPath + " is " + maskImp.getWidth() + " x " +
				maskImp.getHeight() + " but the image is " + imp.getWidth() + " x " + imp
					.getHeight() + ".");
		final Img<BitType> mask = ProcessorImgs.nonZeroMask(maskImp.getProcessor());
		final int[] planes = new int[imp.getStackSize()];
		for (int p = 0; p < planes.length; p++)
			planes[p] = p + 1;
		final ImagePlus result = ImagePlusInpainter.inpaint(imp, mask, planes, filler, settings,
			Progress.NONE);
		AtomicTiffWriter.write(result, output);
	}

	private static ImagePlus open(final String path, final String what) {
		if (!Files.isReadable(Paths.get(path))) throw new InpaintException("Cannot read the " +
			what + " " + path + " (missing or not readable).");
		final ImagePlus imp = IJ.openImage(path);
		if (imp == null) throw new InpaintException("Cannot open the " + what + " " + path +
			": not an image format ImageJ can read.");
		return imp;
	}

	/**
	 * Reads a manifest: tab-separated lines image, mask, output; blank lines and lines starting
	 * with # are ignored; relative paths are taken from the manifest's folder.
	 *
	 * @return one {image, mask, output} array of absolute paths per line
	 * @throws IllegalArgumentException for a malformed line or a manifest with no lines
	 */
	public static List<String[]> readManifest(final Path file) throws IOException {
		final List<String[]> jobs = new ArrayList<>();
		final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		final Path base = file.toAbsolutePath().getParent();
		for (int i = 0; i < lines.size(); i++) {
			final String line = lines.get(i).trim();
			if (line.isEmpty() || line.startsWith("#")) continue;
			final String[] f = line.split("\t");
			if (f.length != 3) throw new IllegalArgumentException("line " + (i + 1) +
				" must have 3 tab-separated fields (image, mask, output), has " + f.length);
			for (int k = 0; k < 3; k++)
				f[k] = base.resolve(f[k].trim()).toString();
			jobs.add(f);
		}
		if (jobs.isEmpty()) throw new IllegalArgumentException("no image lines");
		return jobs;
	}
}
