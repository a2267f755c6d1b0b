package io.github.gsinpaint.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.classical.HarmonicFiller;

/** The per-line entry point shared by the command line and the Spark driver. */
class RepairLineTest {

	@TempDir
	Path dir;

	@Test
	void writesThenSkipsAnExistingOutputUnlessAskedToOverwrite() throws Exception {
		final ByteProcessor ip = new ByteProcessor(40, 30);
		for (int i = 0; i < 40 * 30; i++)
			ip.set(i, i % 251);
		final ByteProcessor m = new ByteProcessor(40, 30);
		m.set(10, 10, 255);
		final String image = dir.resolve("i.tif").toString(), mask = dir.resolve("m.tif").toString();
		assertTrue(new FileSaver(new ImagePlus("i", ip)).saveAsTiff(image));
		assertTrue(new FileSaver(new ImagePlus("m", m)).saveAsTiff(mask));
		final Path out = dir.resolve("out").resolve("o.tif");
		try (TileFiller f = new HarmonicFiller()) {
			final InpaintSettings s = InpaintSettings.defaults();
			assertTrue(InpaintCli.repairLine(image, mask, out.toString(), f, s, true));
			final byte[] first = Files.readAllBytes(out);
			final FileTime old = FileTime.fromMillis(1_000_000_000_000L);
			Files.setLastModifiedTime(out, old);
			assertFalse(InpaintCli.repairLine(image, mask, out.toString(), f, s, true));
			assertEquals(old, Files.getLastModifiedTime(out));
			assertTrue(InpaintCli.repairLine(image, mask, out.toString(), f, s, false));
			assertArrayEquals(first, Files.readAllBytes(out));
			final InpaintException e = assertThrows(InpaintException.class, () -> InpaintCli
				.repairLine(dir.resolve("none.tif").toString(), mask, dir.resolve("x.tif").toString(),
					f, s, true));
			assertTrue(e.getMessage().contains("Cannot read the image"), e.getMessage());
		}
	}

	@Test
	void manifestPathsAreTakenFromTheManifestsFolder() throws Exception {
		final Path manifest = Files.write(dir.resolve("list.tsv"), List.of("# comment", "",
			"a.png\tmasks/a.png\tout/a.tif"), StandardCharsets.UTF_8);
		final List<String[]> jobs = InpaintCli.readManifest(manifest);
		assertEquals(1, jobs.size());
		assertEquals(dir.resolve("masks/a.png").toAbsolutePath().toString(), jobs.get(0)[1]);
	}
}
