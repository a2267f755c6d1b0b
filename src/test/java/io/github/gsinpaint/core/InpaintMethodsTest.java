package io.github.gsinpaint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

public class InpaintMethodsTest {

	@Test
	public void listsTheMethodsDefaultFirst() {
		assertEquals(Arrays.asList("2dgs", "harmonic", "biharmonic"), InpaintMethods.names());
	}

	@Test
	public void opensClassicalMethodsByName() {
		try (TileFiller f = InpaintMethods.open("harmonic", MethodOptions.defaults())) {
			assertEquals("harmonic", f.identity());
		}
		try (TileFiller f = InpaintMethods.open(" BiHarmonic ", null)) {
			assertEquals("biharmonic", f.identity());
		}
	}

	@Test
	public void unknownNameListsTheValidOnes() {
		final InpaintException e = assertThrows(InpaintException.class, () -> InpaintMethods.open(
			"telea", MethodOptions.defaults()));
		for (final String name : InpaintMethods.names())
			assertTrue(e.getMessage().contains(name), e.getMessage());
		assertThrows(InpaintException.class, () -> InpaintMethods.open(null, null));
	}

	@Test
	public void optionsAreImmutable() {
		final MethodOptions d = MethodOptions.defaults();
		assertNull(d.modelPath());
		assertEquals("auto", d.device());
		final MethodOptions g = d.withDevice("GPU").withModelPath(Paths.get("models", "x"));
		assertEquals("gpu", g.device());
		assertEquals(Paths.get("models", "x"), g.modelPath());
		assertEquals("auto", d.device());
		assertNull(d.modelPath());
		assertThrows(InpaintException.class, () -> d.withDevice("tpu"));
	}
}
