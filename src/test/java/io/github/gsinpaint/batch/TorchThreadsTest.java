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
