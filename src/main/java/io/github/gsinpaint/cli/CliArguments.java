package io.github.gsinpaint.cli;

import java.util.ArrayList;
import java.util.List;

/** The command line's options. Unknown options are errors, so typos never pass silently. */
final class CliArguments {

	String image, mask, output, manifest, model;
	String method = "2dgs", device = "auto";
	int tileSize, contextMargin = io.github.gsinpaint.core.InpaintSettings.DEFAULT_CONTEXT_MARGIN;
	boolean help;

	static final String USAGE = String.join("\n",
		"Usage: --image IMAGE --mask MASK --output OUTPUT.tif [options]",
		"       --manifest FILE   (tab-separated lines: image<TAB>mask<TAB>output)",
		"Options:",
		"  --method NAME     2dgs (default), harmonic or biharmonic",
		"  --model DIR       a model package folder (default: the bundled model)",
		"  --device D        auto (default), cpu or gpu",
		"  --tile N          tile size in pixels (default: the method's)",
		"  --margin N        context margin around damage in pixels (default 32)",
		"A non-zero mask pixel is a hole. Outputs are TIFF of the input's type.");

	static CliArguments parse(final String[] args) {
		final CliArguments a = new CliArguments();
		final List<String> list = new ArrayList<>();
		for (final String s : args)
			if (s != null && !s.isEmpty()) list.add(s);
		for (int i = 0; i < list.size(); i++) {
			final String key = list.get(i);
			if (key.equals("--help") || key.equals("-h")) {
				a.help = true;
				continue;
			}
			if (i + 1 >= list.size()) throw new IllegalArgumentException("Option " + key +
				" needs a value.");
			final String v = list.get(++i);
			switch (key) {
				case "--image": a.image = v; break;
				case "--mask": a.mask = v; break;
				case "--output": a.output = v; break;
				case "--manifest": a.manifest = v; break;
				case "--model": a.model = v; break;
				case "--method": a.method = v; break;
				case "--device": a.device = v; break;
				case "--tile": a.tileSize = positive(key, v); break;
				case "--margin": a.contextMargin = positive(key, v); break;
				default: throw new IllegalArgumentException("Unknown option " + key + ".");
			}
		}
		if (!a.help) {
			final boolean single = a.image != null || a.mask != null || a.output != null;
			if (a.manifest != null && single) throw new IllegalArgumentException(
				"Give either --manifest or --image/--mask/--output, not both.");
			if (a.manifest == null && (a.image == null || a.mask == null || a.output == null))
				throw new IllegalArgumentException("Give --image, --mask and --output (or --manifest).");
		}
		return a;
	}

	private static int positive(final String key, final String v) {
		try {
			final int n = Integer.parseInt(v);
			if (n > 0) return n;
		}
		catch (final NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException("Option " + key + " needs a positive integer, got '" + v +
			"'.");
	}
}
