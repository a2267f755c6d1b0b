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
