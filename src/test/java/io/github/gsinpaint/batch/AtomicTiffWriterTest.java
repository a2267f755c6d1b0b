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
package io.github.gsinpaint.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.process.ByteProcessor;

/** Issue 15 item 8: temporary files of killed runs are removed by the next run. */
class AtomicTiffWriterTest {

	@TempDir
	Path dir;

	/**
	 * The writer writes where OutputCheck looked: through a link and then "..", as the system
	 * resolves it; and it refuses to step out of a folder that is not there instead of making it.
	 */
	@Test
	void theFileWrittenIsTheOneTheChecksResolved() throws Exception {
		Files.createDirectories(dir.resolve("in/sub"));
		final Path out = Files.createDirectories(dir.resolve("out"));
		OutputCheckTest.link(out.resolve("lnk"), "../in/sub");
		final Path given = out.resolve("lnk/../x.tif");
		AtomicTiffWriter.write(new ImagePlus("x", new ByteProcessor(4, 4)), given);
		assertTrue(Files.isRegularFile(dir.resolve("in/x.tif")));
		assertEquals(OutputCheck.canonical(given), dir.resolve("in/x.tif").toRealPath());
		assertEquals(1, Files.list(out).count(), "only the link");
		final io.github.gsinpaint.core.InpaintException e = assertThrows(
			io.github.gsinpaint.core.InpaintException.class, () -> AtomicTiffWriter.write(
				new ImagePlus("y", new ByteProcessor(4, 4)), out.resolve("none/../y.tif")));
		assertTrue(e.getMessage().startsWith("The folder " + out.resolve("none") +
			" does not exist"), e.getMessage());
		assertFalse(Files.exists(out.resolve("none")) || Files.exists(out.resolve("y.tif")));
	}

	@Test
	void staleTemporaryFilesOfDeadProcessesAreRemovedAndLiveOnesKept() throws Exception {
		final Path out = dir.resolve("o.tif");
		AtomicTiffWriter.write(new ImagePlus("o", new ByteProcessor(4, 4)), out);
		assertEquals(1, Files.list(dir).count(), "only the output");
		// what a writer killed mid-write leaves: the same name pattern, a process now gone
		final String mine = "." + out.getFileName() + ".gsinpaint-";
		final Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		final String host = hostOfAPartFile();
		final Path dead = Files.write(dir.resolve(mine + host + "-" + gone.pid() + "-7.part"),
			new byte[] { 1 });
		final long alive = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
		final Path running = Files.write(dir.resolve(mine + host + "-" + alive + "-3.part"),
			new byte[] { 2 });
		final Path otherHost = Files.write(dir.resolve(mine + "elsewhere-" + gone.pid() +
			"-1.part"), new byte[] { 3 });
		final Path notOurs = Files.write(dir.resolve(".notes.part"), new byte[] { 4 });
		assertEquals(1, AtomicTiffWriter.removeStaleParts(dir));
		assertFalse(Files.exists(dead));
		assertTrue(Files.exists(running) && Files.exists(otherHost) && Files.exists(notOurs));
	}

	/** The host part of this machine's temporary names, seen through a write that fails. */
	private String hostOfAPartFile() throws Exception {
		final Path probe = dir.resolve("probe");
		Files.createDirectories(probe);
		final ImagePlus imp = new ImagePlus("p", new ByteProcessor(2, 2)) {

			@Override
			public int getStackSize() {
				// look at the temporary file while it exists
				try (java.util.stream.Stream<Path> s = Files.list(probe)) {
					seen = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))
						.findFirst().orElse(null);
				}
				catch (final java.io.IOException e) {
					throw new RuntimeException(e);
				}
				return 1;
			}
		};
		AtomicTiffWriter.write(imp, probe.resolve("x.tif"));
		final String name = seen.substring(".x.tif.gsinpaint-".length());
		return name.substring(0, name.lastIndexOf('-', name.lastIndexOf('-') - 1));
	}

	private static String seen;
}
