package io.github.gsinpaint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.gs.ModelLocator;
import io.github.gsinpaint.core.gs.ModelPackage;
import io.github.gsinpaint.methods.MethodOptions;
import io.github.gsinpaint.methods.Methods;

/**
 * Model packages for tests. The 2DGS tests run the trained default model when the checkout has it
 * ({@code models/gs-inpaint-v1}); otherwise, and for the fault tests that damage a package, the
 * tiny untrained fixture {@code src/test/resources/fixtures/fake-model} (made by
 * {@code python/make_test_model.py}), which has the same input and output contract.
 */
public final class TestModels {

	private TestModels() {}

	/** @return the fixture package folder (on the test class path) */
	public static Path fixture() {
		try {
			return Paths.get(TestModels.class.getResource("/fixtures/fake-model/" +
				ModelPackage.DESCRIPTOR).toURI()).getParent();
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** @return true when the trained default model is in the checkout */
	public static boolean hasTrainedModel() {
		final Path dir = Paths.get("models", ModelLocator.DEFAULT);
		return Files.isRegularFile(dir.resolve(ModelPackage.DESCRIPTOR)) && Files.isRegularFile(
			dir.resolve("model.pt"));
	}

	/**
	 * @return options that open "2dgs" on the CPU: the checkout's trained default model if present,
	 *         else the fixture
	 */
	public static MethodOptions gsOptions() {
		final MethodOptions cpu = MethodOptions.defaults().withDevice("cpu");
		return cpu.withModelPath(hasTrainedModel() ? Paths.get("models", ModelLocator.DEFAULT)
			: fixture());
	}

	/** Opens a method by name with the other options of {@code o}. */
	public static TileFiller open(final String method, final MethodOptions o) {
		return Methods.open(o.withMethod(method));
	}

	/** Copies the fixture package into {@code dir} (created if needed) and returns it. */
	public static Path copyFixture(final Path dir) {
		try {
			Files.createDirectories(dir);
			for (final String f : new String[] { ModelPackage.DESCRIPTOR, "model.pt" })
				Files.copy(fixture().resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
			return dir;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
