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
package io.github.gsinpaint.core.gs;

import static io.github.gsinpaint.core.gs.GaussianField.*;

import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import io.github.gsinpaint.core.BorderBand;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.Prior;
import io.github.gsinpaint.core.Progress;
import io.github.gsinpaint.core.TileCost;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.WholeHoleSolver;

/**
 * The 2DGS method: the TorchScript model predicts a Gaussian field for a tile (masked image + mask
 * in), and a {@link Rasterizer} renders the patches that contain holes: {@link JavaRasterizer} for
 * a field on the CPU, {@link PatchRasterizer} for one on a GPU. Holds the loaded model; close it to
 * free native memory.
 */
public final class GaussianSplattingFiller implements TileFiller {

	private final ModelPackage pkg;
	private final Model model;
	private final Predictor<NDList, NDList> predictor;
	/**
	 * Share of a tile's progress at which rendering starts (the network has the share before): on
	 * 2 CPU cores the Java render takes a tenth (a few hole patches) to a third (a tile full of
	 * strokes) of the network's time.
	 */
	private static final double RENDER_FROM = 0.8;

	/** Chosen per field by the device it is on (the model's device). */
	private final Rasterizer onGpu = new PatchRasterizer(), onCpu = new JavaRasterizer();
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
	 * @param deviceChoice where the model runs
	 */
	public static GaussianSplattingFiller open(final Path modelLocation,
		final DeviceChoice deviceChoice)
	{
		final ModelPackage pkg = ModelPackage.read(modelLocation != null ? modelLocation
			: ModelLocator.defaultModel());
		TorchEngine.get();
		final Device device = TorchEngine.device(deviceChoice);
		try {
			return TorchEngine.withPluginLoader(() -> load(pkg, device));
		}
		catch (final InpaintException e) {
			throw e;
		}
		catch (final Exception | Error e) {
			throw new InpaintException("Could not load the model " + pkg.weights() + " (" +
				TorchEngine.rootMessage(e) + "). The file may be corrupt or made by an incompatible " +
				"PyTorch version; reinstall the model or use a classical method.", e);
		}
	}

	/** Loads and checks the model; on any failure the native model is closed again. */
	private static GaussianSplattingFiller load(final ModelPackage pkg, final Device device)
		throws Exception
	{
		final Model model = Model.newInstance(pkg.name(), device, TorchEngine.NAME);
		try {
			model.load(pkg.folder(), pkg.weightsStem());
			final Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
			selfCheck(pkg, model, predictor, device);
			return new GaussianSplattingFiller(pkg, model, predictor, device);
		}
		catch (final Exception | Error e) {
			model.close();
			throw e;
		}
	}

	/** v2 models ask for the whole-hole harmonic fill as their input's hole; v1 for none. */
	@Override
	public Prior prior() {
		return pkg.prior();
	}

	/** v2 2.6.0 on: the harmonic prior solved as training did ({@code prior_sweeps}). */
	@Override
	public int priorSweeps() {
		return pkg.priorSweeps();
	}

	/**
	 * Without a prior from the pipeline (direct callers), a model that needs one gets the
	 * classical fill of this tile's own hole.
	 */
	@Override
	public float[][] fill(final float[][] tile, final boolean[] hole, final int width,
		final int height, final Progress progress)
	{
		if (pkg.prior() == Prior.NONE) return fillTile(tile, hole, null, width, height, progress);
		final float[][] prior = WholeHoleSolver.prior(tile, hole, width, height, pkg.prior(), pkg
			.priorSweeps(), progress.part(0, 0.5, "prior: "));
		return fillTile(tile, hole, prior, width, height, progress.part(0.5, 0.5, ""));
	}

	@Override
	public float[][] fill(final float[][] tile, final boolean[] hole, final float[][] prior,
		final int width, final int height, final Progress progress)
	{
		if (pkg.prior() == Prior.NONE) return fillTile(tile, hole, null, width, height, progress);
		if (prior == null) return fill(tile, hole, width, height, progress);
		return fillTile(tile, hole, prior, width, height, progress);
	}

	private float[][] fillTile(final float[][] tile, final boolean[] hole, final float[][] prior,
		final int width, final int height, final Progress progress)
	{
		final int min = pkg.minimumTileSize();
		if (width % PATCH != 0 || height % PATCH != 0 || width < min || height < min)
			throw new IllegalArgumentException("tile sides must be multiples of " + PATCH +
				" and at least " + min + ", got " + width + " x " + height);
		final int n = width * height;
		final float[] input = ModelInput.pack(tile, hole, prior, n);
		final int[] patches = patchesWithHoles(hole, width, height);
		final float[] rendered;
		TorchEngine.configureThread();
		try (NDManager m = model.getNDManager().newSubManager(device)) {
			final NDArray x = m.create(input, new Shape(1, 4, height, width));
			// The network is one native call that cannot be polled: report before and after it,
			// then per group of patches while rendering (docs/BENCHMARKS.md 2.5).
			progress.checkCancelled();
			progress.report(0, "running the network");
			final NDList out = predictor.predict(new NDList(x));
			progress.checkCancelled();
			progress.report(RENDER_FROM, "rendering " + patches.length + " patches");
			final NDArray field = out.get(0).get(0); // [9, h/2, w/2]
			final Rasterizer rasterizer = field.getDevice().isGpu() ? onGpu : onCpu;
			rendered = rasterizer.render(field, patches, progress.part(RENDER_FROM, 1 - RENDER_FROM,
				"rendering: "));
			out.close();
		}
		catch (final ai.djl.translate.TranslateException e) {
			throw new InpaintException("The model failed on a " + width + " x " + height +
				" tile (" + TorchEngine.rootMessage(e) + ").", e);
		}
		return ModelInput.unpack(rendered, patches, tile.length, width, height, pkg
			.rendersCorrection() ? prior : null);
	}

	/**
	 * Largest difference to the package's reference output that the engine may show. Another
	 * libtorch or a GPU orders float sums differently (1e-6 .. 1e-4 seen); a broken kernel gives
	 * differences of 0.1 or NaN.
	 */
	static final double SELF_CHECK_TOLERANCE = 1e-2;

	/**
	 * Runs the package's reference input (saved at export) through the loaded model and compares
	 * with the reference output. libtorch 2.7.1's oneDNN convolutions were seen to compute wrong
	 * fields (errors of 0.3, or NaN) on a processor with AVX-512 BF16, while the same model was right
	 * with ONEDNN_MAX_CPU_ISA=AVX2: a model must not silently fill holes with such values.
	 */
	private static void selfCheck(final ModelPackage pkg, final Model model,
		final Predictor<NDList, NDList> predictor, final Device device) throws Exception
	{
		final Path in = pkg.folder().resolve("reference-input.npy");
		final Path out = pkg.folder().resolve("reference-output.npy");
		if (!Files.isRegularFile(in) || !Files.isRegularFile(out)) return;
		TorchEngine.configureThread();
		final double worst;
		try (NDManager m = model.getNDManager().newSubManager(device)) {
			final NDArray x = NDList.decode(m, Files.readAllBytes(in)).get(0);
			final NDArray expected = NDList.decode(m, Files.readAllBytes(out)).get(0);
			final NDList y = predictor.predict(new NDList(x));
			worst = y.get(0).sub(expected).abs().max().getFloat();
			y.close();
		}
		if (!(worst <= SELF_CHECK_TOLERANCE)) throw new InpaintException("The PyTorch engine " +
			"computes wrong results with this model on this computer (largest difference " + worst +
			" on the model's reference tile, device " + device + "). A known cause is libtorch's " +
			"oneDNN kernels on some AVX-512 processors: set the environment variable " +
			"ONEDNN_MAX_CPU_ISA=AVX2 before starting Fiji or the command line, or use a classical " +
			"method.");
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

	/** The package's post-processing band (v1: 5 px, 0.9; v2: none), applied by the pipeline. */
	@Override
	public BorderBand borderBand() {
		return pkg.borderBand();
	}

	@Override
	public int preferredTileSize() {
		return pkg.tileSize();
	}

	/**
	 * The network's measured cost on the CPU for gs-inpaint-v2, whose tiles are priced
	 * ({@link NetworkTileCost}); none for other packages (v1 runs another layout, whose cost was not
	 * measured above 256 px) nor on a GPU (not measured), which keep the package's tile.
	 */
	@Override
	public TileCost tileCost() {
		return device.isGpu() || !NetworkTileCost.PACKAGE.equals(pkg.name()) ? null
			: NetworkTileCost.V2_ON_CPU;
	}

	@Override
	public int tileMultiple() {
		return PATCH;
	}

	/** The descriptor's {@code tile.minimum} (64 px for v1 and v2): the one minimum tile size. */
	@Override
	public int minimumTileSize() {
		return pkg.minimumTileSize();
	}

	@Override
	public int maxJointChannels() {
		return COLOURS;
	}

	@Override
	public String identity() {
		final String band = pkg.borderBand().isActive() ? ", " + pkg.borderBand() : "";
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
