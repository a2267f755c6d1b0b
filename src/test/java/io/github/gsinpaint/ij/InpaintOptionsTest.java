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
package io.github.gsinpaint.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.gsinpaint.batch.RepairOptions;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.gs.DeviceChoice;
import io.github.gsinpaint.methods.MethodOptions;

/** The one options object: documented defaults, canonical choices, checks where set. */
class InpaintOptionsTest {

	@Test
	void defaultsAreTheDocumentedOnes() {
		final InpaintOptions o = InpaintOptions.defaults();
		assertEquals("2dgs", o.method().key());
		assertEquals(InpaintOptions.SELECTION, o.maskSource());
		assertEquals(InpaintOptions.CURRENT_POSITION, o.planes());
		assertEquals(false, o.outline());
		assertEquals("method=2dgs mask_source=selection dilation=0 planes=[current position] " +
			"device=auto", o.toMacroOptions());
	}

	@Test
	void choicesAreCanonicalAndValuesChecked() {
		final InpaintOptions o = InpaintOptions.defaults().withMethod(" Harmonic ").withMaskSource(
			"nan PIXELS").withPlanes("ALL planes").withShape("Square").withDevice("CPU");
		assertEquals("harmonic", o.method().key());
		assertEquals(InpaintOptions.NAN, o.maskSource());
		assertEquals(InpaintOptions.ALL_PLANES, o.planes());
		assertEquals("square", o.shape());
		assertEquals("cpu", o.device().key());
		assertEquals(o, InpaintOptions.defaults().withMethod("harmonic").withMaskSource(
			InpaintOptions.NAN).withPlanes(InpaintOptions.ALL_PLANES).withShape("square")
			.withDevice("cpu"));
		assertNotEquals(o, o.withOutline(true));
		assertTrue(assertThrows(InpaintException.class, () -> o.withPlanes("some")).getMessage()
			.contains("current position"));
		assertThrows(InpaintException.class, () -> o.withDilation(-1));
		assertThrows(InpaintException.class, () -> o.withTileSize(-5));
		assertThrows(InpaintException.class, () -> o.withSaturationLevel(-1));
		assertThrows(InpaintException.class, () -> o.withValue(Double.NaN));
	}

	@Test
	void macroOptionsNameOnlyWhatApplies() {
		final InpaintOptions o = InpaintOptions.defaults().withMethod("biharmonic").withMaskSource(
			InpaintOptions.MASK_IMAGE).withMaskImage("scale bar mask").withDilation(2).withValue(7)
			.withOutline(true);
		assertEquals("method=biharmonic mask_source=[mask image] mask_image=[scale bar mask] " +
			"dilation=2 shape=disk planes=[current position] outline", o.toMacroOptions());
		assertEquals("method=2dgs mask_source=saturated saturation_level=4095 dilation=0 " +
			"planes=[current position] device=auto", InpaintOptions.defaults().withMaskSource(
				"saturated").withSaturationLevel(4095).toMacroOptions());
	}

	@Test
	void macroOptionsRoundTrip() {
		final InpaintOptions o = InpaintOptions.defaults().withMethod("harmonic").withMaskSource(
			InpaintOptions.MASK_IMAGE).withMaskImage("scale bar mask").withDilation(3).withShape(
				"square").withPlanes(InpaintOptions.ALL_PLANES).withTileSize(128).withOutline(true);
		assertEquals(o, InpaintOptions.fromMacroOptions(o.toMacroOptions()));
		final InpaintOptions g = InpaintOptions.defaults().withModel("/models/my model")
			.withDevice("gpu").withMaskSource("saturated").withSaturationLevel(4095);
		assertEquals(g, InpaintOptions.fromMacroOptions(g.toMacroOptions()));
		assertEquals(InpaintOptions.defaults(), InpaintOptions.fromMacroOptions(""));
		assertThrows(InpaintException.class, () -> InpaintOptions.fromMacroOptions("dilation=two"));
	}

	/** The device parser of every front end: cuda is gpu, and is written back as gpu. */
	@Test
	void cudaIsGpu() {
		final InpaintOptions o = InpaintOptions.fromMacroOptions("device=cuda");
		assertEquals(DeviceChoice.GPU, o.device());
		assertTrue(o.toMacroOptions().contains(" device=gpu"), o.toMacroOptions());
	}

	/** The ImageJ side and the batch side (command line, Spark) start from the same defaults. */
	@Test
	void sameMethodDefaultsAsTheBatchSide() {
		assertEquals(MethodOptions.defaults(), InpaintOptions.defaults().methodOptions());
		assertEquals(MethodOptions.defaults(), RepairOptions.defaults().methodOptions());
		assertEquals(RepairOptions.builder().method("harmonic").device("cpu").tileSize(128).build()
			.methodOptions(), InpaintOptions.defaults().withMethod("harmonic").withDevice("cpu")
				.withTileSize(128).methodOptions());
	}

	/** A hand-written macro may name a choice by its first word, when that word is unique. */
	@Test
	void aChoiceMayBeNamedByItsFirstWord() {
		assertEquals(InpaintOptions.NAN, InpaintOptions.fromMacroOptions("mask_source=nan")
			.maskSource());
		assertEquals(InpaintOptions.ROI_MANAGER, InpaintOptions.fromMacroOptions("mask_source=roi")
			.maskSource());
		assertEquals(InpaintOptions.OUTLIERS, InpaintOptions.fromMacroOptions(
			"mask_source=Outlier").maskSource());
		assertEquals(InpaintOptions.NAN, InpaintOptions.fromMacroOptions(
			"mask_source=[nan pixels]").maskSource());
		// "current" starts three plane choices: no guess
		final InpaintException e = assertThrows(InpaintException.class, () -> InpaintOptions
			.fromMacroOptions("planes=current"));
		assertTrue(e.getMessage().contains("choose one of"), e.getMessage());
		assertThrows(InpaintException.class, () -> InpaintOptions.fromMacroOptions(
			"mask_source=pixels"));
	}
}
