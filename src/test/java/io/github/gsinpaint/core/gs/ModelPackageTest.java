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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.gsinpaint.TestModels;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.Prior;

/** model.json as the Gson-mapped descriptor reads it: the shipped packages and the defaults. */
class ModelPackageTest {

	@Test
	void theShippedPackagesReadAsTheyDid() {
		final ModelPackage v1 = ModelPackage.read(Paths.get("models", "gs-inpaint-v1"));
		assertEquals("gs-inpaint-v1", v1.name());
		assertEquals(Prior.NONE, v1.prior());
		assertFalse(v1.rendersCorrection());
		assertEquals(5.0, v1.borderBand().width());
		assertEquals(0.9, v1.borderBand().share(), 1e-12);
		assertEquals(256, v1.tileSize());
		assertEquals(64, v1.minimumTileSize());
		final ModelPackage v2 = ModelPackage.read(Paths.get("models", ModelLocator.DEFAULT));
		assertEquals(Prior.HARMONIC, v2.prior());
		assertTrue(v2.rendersCorrection());
		assertFalse(v2.borderBand().isActive());
		assertEquals(64, v2.minimumTileSize());
	}

	/** tile.minimum is the one minimum tile size; one that the rasterizer cannot cut is refused. */
	@Test
	void theDescriptorSetsTheMinimumTileSize(@TempDir final Path dir) throws IOException {
		final Path pkg = TestModels.copyFixture(dir.resolve("m"));
		final Path json = pkg.resolve(ModelPackage.DESCRIPTOR);
		final String text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
		Files.write(json, text.replace("\"halo\": 16,", "\"halo\": 16, \"minimum\": 32,").getBytes(
			StandardCharsets.UTF_8));
		assertEquals(32, ModelPackage.read(pkg).minimumTileSize());
		Files.write(json, text.replace("\"halo\": 16,", "\"halo\": 16, \"minimum\": 40,").getBytes(
			StandardCharsets.UTF_8));
		final InpaintException e = assertThrows(InpaintException.class, () -> ModelPackage.read(
			pkg));
		assertTrue(e.getMessage().contains("at least 40 px"), e.getMessage());
	}

	/** A key of the wrong kind is a message about the descriptor, not a stack trace. */
	@Test
	void aWrongKindOfValueIsAClearError(@TempDir final Path dir) throws IOException {
		final Path pkg = TestModels.copyFixture(dir.resolve("m"));
		final Path json = pkg.resolve(ModelPackage.DESCRIPTOR);
		final String text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
		Files.write(json, text.replace("\"size\": 64,", "\"size\": \"large\",").getBytes(
			StandardCharsets.UTF_8));
		final InpaintException e = assertThrows(InpaintException.class, () -> ModelPackage.read(
			pkg));
		assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
	}

	/** A truncated descriptor: where it ends, without the reader's exception class. */
	@Test
	void aBrokenDescriptorSaysWhereWithoutJavaClassNames(@TempDir final Path dir)
		throws IOException
	{
		final Path pkg = TestModels.copyFixture(dir.resolve("m"));
		Files.write(pkg.resolve(ModelPackage.DESCRIPTOR), "{broken\n".getBytes(
			StandardCharsets.UTF_8));
		final String m = assertThrows(InpaintException.class, () -> ModelPackage.read(pkg))
			.getMessage();
		assertTrue(m.contains("not valid JSON (End of input at line 2") && !m.contains("java."), m);
	}

	/**
	 * prior_sweeps: the harmonic prior solved as training did; absent is the exact solve, and a
	 * count out of range or with another prior is refused in one message.
	 */
	@Test
	void theDescriptorChoosesHowThePriorIsSolved(@TempDir final Path dir) throws IOException {
		final Path pkg = TestModels.copyFixture(dir.resolve("m"));
		final Path json = pkg.resolve(ModelPackage.DESCRIPTOR);
		final String text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
		assertEquals(0, ModelPackage.read(pkg).priorSweeps());
		final String head = "{\"prior\": \"harmonic\", \"render\": \"correction\", ";
		Files.write(json, text.replaceFirst("\\{", head + "\"prior_sweeps\": 40, ").getBytes(
			StandardCharsets.UTF_8));
		assertEquals(40, ModelPackage.read(pkg).priorSweeps());
		for (final String bad : new String[] { head + "\"prior_sweeps\": -1, ",
			head + "\"prior_sweeps\": 5000, ", "{\"prior\": \"biharmonic\", \"prior_sweeps\": 40, " })
		{
			Files.write(json, text.replaceFirst("\\{", bad).getBytes(StandardCharsets.UTF_8));
			final InpaintException e = assertThrows(InpaintException.class, () -> ModelPackage.read(
				pkg), bad);
			assertTrue(e.getMessage().contains("prior sweeps"), e.getMessage());
		}
	}
}
