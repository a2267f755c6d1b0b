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

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import io.github.gsinpaint.core.InpaintException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose engine does not reproduce the package's reference output is refused at load with
 * advice, not used to fill holes (seen: libtorch's oneDNN kernels on an AVX-512 BF16 processor).
 */
class SelfCheckTest {

	@TempDir
	Path tmp;

	private Path copyOfShipped() throws IOException {
		final Path src = Paths.get("models", ModelLocator.DEFAULT);
		final Path dst = tmp.resolve("pkg");
		Files.createDirectories(dst);
		try (java.util.stream.Stream<Path> files = Files.list(src)) {
			for (final Path f : (Iterable<Path>) files::iterator)
				Files.copy(f, dst.resolve(f.getFileName()));
		}
		return dst;
	}

	@Test
	void theShippedModelPassesItsOwnCheck() {
		GaussianSplattingFiller.open(Paths.get("models", ModelLocator.DEFAULT), DeviceChoice.CPU).close();
	}

	@Test
	void anEngineThatDisagreesWithTheReferenceIsRefusedWithAdvice() throws IOException {
		final Path pkg = copyOfShipped();
		// shift the reference output by 0.5 where it is read: the engine now "disagrees"
		final Path ref = pkg.resolve("reference-output.npy");
		final byte[] bytes = Files.readAllBytes(ref);
		final int header = 10 + (bytes[8] & 0xff | (bytes[9] & 0xff) << 8);
		final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = header; i + 4 <= bytes.length; i += 4 * 97)
			b.putFloat(i, b.getFloat(i) + 0.5f);
		Files.write(ref, bytes);
		final InpaintException e = assertThrows(InpaintException.class, () ->
			GaussianSplattingFiller.open(pkg, DeviceChoice.CPU));
		assertTrue(e.getMessage().contains("ONEDNN_MAX_CPU_ISA=AVX2"), e.getMessage());
	}
}
