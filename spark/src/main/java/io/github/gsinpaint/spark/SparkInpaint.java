package io.github.gsinpaint.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import io.github.gsinpaint.cli.InpaintCli;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintMethods;

/**
 * The Spark driver: the command line's manifest (or a folder of images and a folder of masks) is
 * split into partitions, and executors repair them with the core, each loading the model once.
 * Every path must be readable (and output folders writable) from every executor: a shared file
 * system on a cluster. Failed lines are listed at the end; the exit status is 1 if any failed.
 */
public final class SparkInpaint {

	static final String USAGE = String.join("\n",
		"Usage: spark-submit [spark options] GS_Inpainting-spark-*-all.jar",
		"         --manifest FILE                 (lines: image<TAB>mask<TAB>output)",
		"       | --images DIR --masks DIR --outputs DIR",
		"         [--method 2dgs|harmonic|biharmonic] [--model DIR] [--device auto|cpu|gpu]",
		"         [--tile N] [--margin N] [--partitions N] [--torch-threads N] [--overwrite]",
		"With --images, each image's mask is the file of the same name in --masks, or else the",
		"one file there with the same name before the extension; the output is",
		"OUTPUTS/<name>.tif. Outputs that exist are skipped (a re-run resumes) unless",
		"--overwrite. The master is spark-submit's --master, else local[*].");

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
		final Arguments a;
		final List<RepairLine> lines;
		try {
			a = Arguments.parse(args);
			if (a.help) {
				System.out.println(USAGE);
				return 0;
			}
			lines = a.manifest != null ? fromManifest(Paths.get(a.manifest)) : fromFolders(Paths.get(
				a.images), Paths.get(a.masks), Paths.get(a.outputs));
		}
		catch (final IllegalArgumentException | InpaintException | IOException e) {
			System.err.println("Error: " + e.getMessage());
			System.err.println(USAGE);
			return 2;
		}
		conf.setIfMissing("spark.master", "local[*]");
		conf.setIfMissing("spark.app.name", "2DGS Inpainting");
		final long t0 = System.nanoTime();
		final List<LineResult> results;
		try (JavaSparkContext sc = new JavaSparkContext(conf)) {
			results = repair(sc, lines, a.options, a.partitions);
		}
		return report(results, (System.nanoTime() - t0) / 1e9);
	}

	/**
	 * Repairs the lines on the cluster.
	 *
	 * @param partitions how many tasks; 0 for about four per core of the cluster
	 * @return one result per line, in line order
	 */
	public static List<LineResult> repair(final JavaSparkContext sc, final List<RepairLine> lines,
		final JobOptions options, final int partitions)
	{
		if (lines.isEmpty()) return List.of();
		final int slices = Math.max(1, Math.min(lines.size(), partitions > 0 ? partitions : 4 * sc
			.defaultParallelism()));
		final List<LineResult> results = new ArrayList<>(sc.parallelize(lines, slices)
			.mapPartitions(new RepairPartition(options)).collect());
		results.sort(Comparator.comparingInt(r -> r.line.index));
		return results;
	}

	static int report(final List<LineResult> results, final double seconds) {
		int repaired = 0, skipped = 0, failed = 0;
		for (final LineResult r : results) {
			switch (r.status) {
				case REPAIRED: repaired++; System.out.println(r); break;
				case SKIPPED: skipped++; System.out.println(r); break;
				default: failed++;
			}
		}
		for (final LineResult r : results)
			if (r.status == LineResult.Status.FAILED) System.err.println(r);
		System.out.printf(Locale.ROOT, "%d repaired, %d skipped, %d failed, of %d images in %.1f s%n",
			repaired, skipped, failed, results.size(), seconds);
		return failed > 0 ? 1 : 0;
	}

	/** The command line's manifest format, read by the command line's own reader. */
	public static List<RepairLine> fromManifest(final Path manifest) throws IOException {
		final List<String[]> jobs;
		try {
			jobs = InpaintCli.readManifest(manifest);
		}
		catch (final IOException | IllegalArgumentException e) {
			throw new IllegalArgumentException("cannot read the manifest " + manifest + ": " + e
				.getMessage(), e);
		}
		final List<RepairLine> lines = new ArrayList<>(jobs.size());
		for (final String[] j : jobs)
			lines.add(new RepairLine(lines.size() + 1, j[0], j[1], j[2]));
		return lines;
	}

	/**
	 * Pairs every file in {@code images} (sorted by name; hidden files left out) with its mask: the
	 * file of the same name in {@code masks}, else the only one with the same stem. An image
	 * without a mask still gets a line, which then fails with "cannot read the mask".
	 */
	public static List<RepairLine> fromFolders(final Path images, final Path masks,
		final Path outputs) throws IOException
	{
		for (final Path d : new Path[] { images, masks })
			if (!Files.isDirectory(d)) throw new IllegalArgumentException("not a folder: " + d);
		final List<Path> imageFiles = list(images);
		final List<Path> maskFiles = list(masks);
		final List<RepairLine> lines = new ArrayList<>();
		for (final Path img : imageFiles) {
			final String name = img.getFileName().toString();
			final String stem = stem(name);
			Path mask = masks.resolve(name);
			if (!Files.isRegularFile(mask)) {
				final List<Path> same = maskFiles.stream().filter(m -> stem(m.getFileName().toString())
					.equals(stem)).collect(Collectors.toList());
				if (same.size() == 1) mask = same.get(0);
			}
			lines.add(new RepairLine(lines.size() + 1, img.toAbsolutePath().toString(), mask
				.toAbsolutePath().toString(), outputs.resolve(stem + ".tif").toAbsolutePath()
					.toString()));
		}
		if (lines.isEmpty()) throw new IllegalArgumentException("no images in " + images);
		return lines;
	}

	private static List<Path> list(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(
				".")).sorted().collect(Collectors.toList());
		}
	}

	private static String stem(final String name) {
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	/** The driver's options; unknown ones are errors. */
	static final class Arguments {

		String manifest, images, masks, outputs;
		int partitions;
		boolean help;
		final JobOptions options = new JobOptions();

		static Arguments parse(final String[] args) {
			final Arguments a = new Arguments();
			for (int i = 0; i < args.length; i++) {
				final String key = args[i];
				if (key.equals("--help") || key.equals("-h")) {
					a.help = true;
					continue;
				}
				if (key.equals("--overwrite")) {
					a.options.overwrite = true;
					continue;
				}
				if (i + 1 >= args.length) throw new IllegalArgumentException("Option " + key +
					" needs a value.");
				final String v = args[++i];
				switch (key) {
					case "--manifest": a.manifest = v; break;
					case "--images": a.images = v; break;
					case "--masks": a.masks = v; break;
					case "--outputs": a.outputs = v; break;
					case "--method": a.options.method = v; break;
					case "--model": a.options.model = Paths.get(v).toAbsolutePath().toString(); break;
					case "--device": a.options.device = v; break;
					case "--tile": a.options.tileSize = number(key, v, 1); break;
					case "--margin": a.options.contextMargin = number(key, v, 1); break;
					case "--partitions": a.partitions = number(key, v, 1); break;
					case "--torch-threads": a.options.torchThreads = number(key, v, 0); break;
					default: throw new IllegalArgumentException("Unknown option " + key + ".");
				}
			}
			if (a.help) return a;
			final boolean folders = a.images != null || a.masks != null || a.outputs != null;
			if (a.manifest != null && folders) throw new IllegalArgumentException(
				"Give either --manifest or --images/--masks/--outputs, not both.");
			if (a.manifest == null && (a.images == null || a.masks == null || a.outputs == null))
				throw new IllegalArgumentException(
					"Give --manifest, or --images, --masks and --outputs.");
			if (!InpaintMethods.names().contains(a.options.method.trim().toLowerCase(Locale.ROOT)))
				throw new IllegalArgumentException("Unknown method " + a.options.method +
					": choose one of " + String.join(", ", InpaintMethods.names()) + ".");
			a.options.methodOptions(); // checks the device name on the driver
			return a;
		}

		private static int number(final String key, final String v, final int min) {
			try {
				final int n = Integer.parseInt(v);
				if (n >= min) return n;
			}
			catch (final NumberFormatException e) {
				// reported below
			}
			throw new IllegalArgumentException("Option " + key + " needs an integer >= " + min +
				", got '" + v + "'.");
		}
	}
}
