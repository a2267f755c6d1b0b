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
package io.github.gsinpaint.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.gs.DeviceChoice;

public class MethodsTest {

	@Test
	public void listsTheMethodsDefaultFirst() {
		assertEquals(Arrays.asList("2dgs", "harmonic", "biharmonic"), Method.keys());
		assertEquals(Method.GAUSSIAN_SPLATTING, MethodOptions.defaults().method());
	}

	@Test
	public void opensClassicalMethodsByName() {
		try (TileFiller f = Methods.open(MethodOptions.defaults().withMethod("harmonic"))) {
			assertEquals("harmonic", f.identity());
		}
		try (TileFiller f = Methods.open(MethodOptions.defaults().withMethod(" BiHarmonic "))) {
			assertEquals("biharmonic", f.identity());
		}
	}

	@Test
	public void unknownNameListsTheValidOnes() {
		final InpaintException e = assertThrows(InpaintException.class, () -> Method.parse("telea"));
		for (final String name : Method.keys())
			assertTrue(e.getMessage().contains(name), e.getMessage());
		assertThrows(InpaintException.class, () -> Method.parse(null));
	}

	/** One parser for every front end: cuda is gpu, case and spaces do not matter. */
	@Test
	public void devicesParseTheSameEverywhere() {
		assertEquals(DeviceChoice.GPU, DeviceChoice.parse("cuda"));
		assertEquals(DeviceChoice.GPU, DeviceChoice.parse(" GPU "));
		assertEquals(DeviceChoice.CPU, DeviceChoice.parse("Cpu"));
		assertEquals(DeviceChoice.AUTO, DeviceChoice.parse("auto"));
		final InpaintException e = assertThrows(InpaintException.class, () -> DeviceChoice.parse(
			"tpu"));
		assertTrue(e.getMessage().startsWith("Unknown device 'tpu'"), e.getMessage());
		assertThrows(InpaintException.class, () -> DeviceChoice.parse(null));
	}

	@Test
	public void optionsAreImmutable() {
		final MethodOptions d = MethodOptions.defaults();
		assertNull(d.modelPath());
		assertEquals(DeviceChoice.AUTO, d.device());
		final MethodOptions g = d.withDevice("GPU").withModelPath(Paths.get("models", "x"));
		assertEquals(DeviceChoice.GPU, g.device());
		assertEquals(Paths.get("models", "x"), g.modelPath());
		assertEquals(DeviceChoice.AUTO, d.device());
		assertNull(d.modelPath());
		assertThrows(InpaintException.class, () -> d.withDevice("tpu"));
		assertThrows(InpaintException.class, () -> d.withTileSize(-1));
		assertThrows(InpaintException.class, () -> d.withContextMargin(0));
	}

	/** The defaults of every front end: the pipeline's own. */
	@Test
	public void defaultsAreThePipelines() {
		final InpaintSettings s = MethodOptions.defaults().settings();
		assertEquals(InpaintSettings.defaults().tileSize(), s.tileSize());
		assertEquals(InpaintSettings.defaults().contextMargin(), s.contextMargin());
		assertEquals(InpaintSettings.defaults().overlap(), s.overlap());
		assertEquals(96, MethodOptions.defaults().withTileSize(96).withContextMargin(8).settings()
			.tileSize());
	}

	/** Options that differ only in tiling share an opened method; another model or device not. */
	@Test
	public void openKeyIsWhatTheFillerDependsOn() {
		final MethodOptions d = MethodOptions.defaults();
		assertEquals(d.openKey(), d.withTileSize(64).withContextMargin(9).openKey());
		assertNotEquals(d.openKey(), d.withDevice("cpu").openKey());
		assertNotEquals(d.openKey(), d.withModelPath(Paths.get("m")).openKey());
		final MethodOptions h = d.withMethod(Method.HARMONIC);
		assertEquals(h.openKey(), h.withDevice("cpu").withModelPath(Paths.get("m")).openKey());
	}

	/**
	 * A setting the method does not follow is said, not silently changed: 2dgs rounds a tile size
	 * to whole 16 px patches, at least its smallest tile; a classical method takes any size and
	 * no model.
	 */
	@Test
	public void notesSayWhatTheMethodDoesOtherwise() {
		final MethodOptions d = MethodOptions.defaults().withDevice("cpu");
		try (TileFiller f = Methods.open(d)) {
			final int smallest = f.tileSizeFor(1);
			assertEquals(0, smallest % 16);
			assertEquals(Collections.emptyList(), d.notes(f));
			assertEquals(Collections.emptyList(), d.withTileSize(smallest + 32).notes(f));
			assertEquals(Collections.singletonList("Tile size 33 px is used as " + smallest +
				" px: 2dgs tiles are multiples of 16 px, at least " + smallest + " px."), d
					.withTileSize(33).notes(f));
			assertEquals("Tile size " + (smallest + 20) + " px is used as " + (smallest + 32) +
				" px: 2dgs tiles are multiples of 16 px, at least " + smallest + " px.", d.withTileSize(
					smallest + 20).tileNote(f));
			assertEquals(f.tileSizeFor(0), f.preferredTileSize());
		}
		final MethodOptions h = d.withMethod(Method.HARMONIC).withModelPath(Paths.get("m"))
			.withTileSize(33);
		try (TileFiller f = Methods.open(h)) {
			assertEquals(Collections.singletonList("The harmonic fill uses no model: the model " +
				"folder m is not used."), h.notes(f));
			assertNull(h.tileNote(f));
		}
	}
}
