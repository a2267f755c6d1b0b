package io.github.gsinpaint.core.gs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;

/**
 * DJL loads a small TorchScript file saved by Python (python/make_fixture.py) offline, on the
 * bundled CPU libtorch, and reproduces the output Python saved with it.
 */
class TorchScriptFixtureTest {

	@Test
	void loadsAndRunsOffline() throws Exception {
		assertEquals("true", System.getProperty("ai.djl.offline", "true"));
		final Npy input = Npy.read("/fixtures/torchscript/tiny-input.npy");
		final Npy expected = Npy.read("/fixtures/torchscript/tiny-output.npy");
		final Path dir = Paths.get(getClass().getResource("/fixtures/torchscript/tiny.pt").toURI())
			.getParent();
		TorchEngine.get();
		try (Model model = Model.newInstance("tiny", Device.cpu(), TorchEngine.NAME)) {
			model.load(dir, "tiny");
			try (Predictor<NDList, NDList> p = model.newPredictor(new NoopTranslator())) {
				final NDArray x = model.getNDManager().create(input.data, new Shape(input.shape));
				final NDArray y = p.predict(new NDList(x)).get(0);
				assertArrayEquals(expected.shape, y.getShape().getShape());
				assertArrayEquals(expected.data, y.toFloatArray(), 1e-5f);
			}
		}
	}
}
