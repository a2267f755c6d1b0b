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

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The palette images Pillow made (python/make_palettes.py), in
 * src/test/resources/fixtures/palette/, copied out so ImageJ opens them from a file as a user
 * would.
 */
public final class PaletteFixtures {

	/** Quantised by Pillow: every one holds palette indices. */
	public static final String[] INDEXED = { "face-q32.png", "face-q32.gif", "face-adaptive32.png",
		"face-q256.png", "face-q256.gif", "face-greyish32.png", "face-grey-octree16.png" };

	/** A grey photo saved as GIF: a grey ramp of the greys it holds, then black. */
	public static final String GREY_GIF = "face-grey.gif";

	private PaletteFixtures() {}

	/** @return the fixture's copy in dir (80 x 60 pixels) */
	public static Path copy(final String name, final Path dir) throws IOException {
		try (InputStream in = PaletteFixtures.class.getResourceAsStream("/fixtures/palette/" +
			name))
		{
			assertNotNull(in, name);
			final Path p = dir.resolve(name);
			Files.copy(in, p);
			return p;
		}
	}
}
