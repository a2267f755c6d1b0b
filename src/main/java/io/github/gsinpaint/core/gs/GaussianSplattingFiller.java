package io.github.gsinpaint.core.gs;

import static io.github.gsinpaint.core.gs.GaussianField.*;

import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.classical.BorderBand;

/**
 * The 2DGS method: the TorchScript model predicts a Gaussian field for a tile (masked image + mask
 * in), and the {@link PatchRasterizer} renders the patches that contain holes. Holds the loaded
 * model; close it to free native memory.
 */
public final class GaussianSplattingFiller implements TileFiller {

	private final ModelPackage pkg;
	private final Model model;
	private final Predictor<NDList, NDList> predictor;
	private final PatchRasterizer rasterizer = new PatchRasterizer();
	private final Device device;

	private GaussianSplattingFiller(final ModelPackage pkg, final Model model,
		final Predictor<NDList, NDList> predictor, final Device device)
	{
		this.pkg = pkg;
		this.model = model;
		this.predictor = predictor;
		this.device = device;
	}

	/**
	 * @param modelLocation a model package folder, or null for the default model
	 * @param deviceChoice "auto", "cpu" or "gpu"
	 */
	public static GaussianSplattingFiller open(final Path modelLocation,
		final String deviceChoice)
	{
		final ModelPackage pkg = ModelPackage.read(modelLocation != null ? modelLocation
			: ModelLocator.defaultModel());
		TorchEngine.get();
		final Device device = TorchEngine.device(deviceChoice);
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(GaussianSplattingFiller.class.getClassLoader());
		Model model = null;
		try {
			model = Model.newInstance(pkg.name(), device, TorchEngine.NAME);
			model.load(pkg.folder(), pkg.weightsStem());
			return new GaussianSplattingFiller(pkg, model, model.newPredictor(new NoopTranslator()),
				device);
		}
		catch (final Exception | Error e) {
			if (model != null) model.close();
			throw new InpaintException("Could not load the model " + pkg.weights() + " (" +
				TorchEngine.rootMessage(e) + "). The file may be corrupt or made by an incompatible " +
				"PyTorch version; reinstall the model or use a classical method.", e);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	@Override
	public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
		final int height, final Progress progress)
	{
		if (width % PATCH != 0 || height % PATCH != 0 || width < 2 * PATCH || height < 2 * PATCH)
			throw new IllegalArgumentException("tile sides must be multiples of " + PATCH +
				" and at least " + 2 * PATCH + ", got " + width + " x " + height);
		final int n = width * height;
		final float[] input = ModelInput.pack(tile, hole, n);
		final int[] patches = patchesWithHoles(hole, width, height);
		final float[] rendered;
		TorchEngine.configureThread();
		try (NDManager m = model.getNDManager().newSubManager(device)) {
			final NDArray x = m.create(input, new Shape(1, 4, height, width));
			final NDList out = predictor.predict(new NDList(x));
			progress.checkCancelled();
			final NDArray field = out.get(0).get(0); // [9, h/2, w/2]
			rendered = rasterizer.render(field, patches);
			out.close();
		}
		catch (final ai.djl.translate.TranslateException e) {
			throw new InpaintException("The model failed on a " + width + " x " + height +
				" tile (" + TorchEngine.rootMessage(e) + ").", e);
		}
		final float[][] filled = ModelInput.unpack(rendered, patches, tile.length, width, height);
		return BorderBand.refine(tile, hole, filled, width, height, pkg.borderBand(), pkg
			.borderShare(), progress);
	}

	/** Only patches containing at least one hole pixel are rendered; the rest is never read. */
	static int[] patchesWithHoles(final boolean[] hole, final int width, final int height) {
		final int px = width / PATCH, py = height / PATCH;
		final boolean[] need = new boolean[px * py];
		int count = 0;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				if (hole[y * width + x]) {
					final int p = (y / PATCH) * px + x / PATCH;
					if (!need[p]) {
						need[p] = true;
						count++;
					}
				}
		final int[] list = new int[count];
		for (int p = 0, k = 0; p < need.length; p++)
			if (need[p]) list[k++] = p;
		return list;
	}

	@Override
	public int preferredTileSize() {
		return pkg.tileSize();
	}

	@Override
	public int tileMultiple() {
		return PATCH;
	}

	/**
	 * The network downsamples 16 times and instance-normalises its bottleneck, which needs more than
	 * one cell there; 64 px also gives small defects some context.
	 */
	@Override
	public int minimumTileSize() {
		return 64;
	}

	@Override
	public int maxJointChannels() {
		return COLOURS;
	}

	@Override
	public String identity() {
		final String band = pkg.borderBand() <= 0 ? "" : ", border band " + pkg.borderBand() +
			" px" + (pkg.borderShare() < 1 ? " share " + pkg.borderShare() : "");
		return "2dgs " + pkg.name() + " " + pkg.version() + " (" + device + band + ")";
	}

	public ModelPackage modelPackage() {
		return pkg;
	}

	/** The model's native memory scope; every tile's arrays live in a sub-manager of it (tests). */
	NDManager manager() {
		return model.getNDManager();
	}

	@Override
	public void close() {
		predictor.close();
		model.close();
	}
}
