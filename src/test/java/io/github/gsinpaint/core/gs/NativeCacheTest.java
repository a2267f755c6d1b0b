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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 8: a truncated libtorch in DJL's cache is removed, never mapped. */
class NativeCacheTest {

	@TempDir
	Path root;

	@Test
	void aCacheFolderWithATruncatedLibraryIsRemovedAndAGoodOneKept() throws Exception {
		final Path cache = Files.createDirectories(root.resolve("pytorch/2.7.1-x-cpu-linux-x86_64"));
		// libtorch.so is 7,584 bytes in the native jar of libtorch 2.7.1
		Files.write(cache.resolve("libtorch.so"), new byte[100]);
		assertEquals(1, NativeCache.removeDamaged(root));
		assertFalse(Files.exists(cache));
		final Path good = Files.createDirectories(root.resolve("pytorch/2.7.1-y-cpu-linux-x86_64"));
		Files.write(good.resolve("libtorch.so"), new byte[7584]);
		Files.write(good.resolve("0.36.0-libdjl_torch.so"), new byte[3]); // not in the jar: kept
		assertEquals(0, NativeCache.removeDamaged(root));
		assertTrue(Files.exists(good.resolve("libtorch.so")));
	}
}
