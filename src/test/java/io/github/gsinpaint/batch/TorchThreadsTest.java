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

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;

/** Issue 15 item 6: parallel repair processes share the cores instead of each taking all. */
class TorchThreadsTest {

	@Test
	void theCoresAreSharedAmongTheProcesses() {
		assertEquals(2, TorchThreads.share(2, 1));
		assertEquals(1, TorchThreads.share(2, 2));
		assertEquals(1, TorchThreads.share(2, 5), "never below one thread");
		assertEquals(4, TorchThreads.share(16, 4));
	}

	@Test
	void anotherProcessHoldingASlotIsCounted() throws Exception {
		final int before = TorchThreads.othersRunning(2);
		// a slot held elsewhere: the lock of another channel counts as another process
		final Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "gs-inpaint-processes-" +
			System.getProperty("user.name", "user"));
		FileLock held = null;
		FileChannel ch = null;
		for (int i = 0; held == null && i < 16; i++) {
			ch = FileChannel.open(dir.resolve("slot-" + i), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
			try {
				held = ch.tryLock();
			}
			catch (final java.nio.channels.OverlappingFileLockException e) {
				held = null;
			}
			if (held == null) ch.close();
		}
		assertNotNull(held);
		try {
			assertEquals(before + 1, TorchThreads.othersRunning(2));
		}
		finally {
			held.release();
			ch.close();
		}
		assertEquals(before, TorchThreads.othersRunning(2));
	}
}
