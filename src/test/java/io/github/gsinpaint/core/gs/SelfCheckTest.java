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
