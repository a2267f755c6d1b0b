package io.github.gsinpaint.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.gsinpaint.core.InpaintException;

/**
 * Writes a TIFF under a temporary name in the target folder, then renames it: readers never see a
 * half-written file, and a failure leaves no temporary file behind.
 */
final class AtomicTiffWriter {

	private AtomicTiffWriter() {}

	static void write(final ImagePlus imp, final Path target) throws IOException {
		final Path abs = target.toAbsolutePath();
		final Path dir = abs.getParent();
		if (dir != null && !Files.isDirectory(dir)) Files.createDirectories(dir);
		if (dir == null || !Files.isWritable(dir)) throw new InpaintException(
			"Cannot write to the folder " + dir + ".");
		// Not Files.createTempFile: that makes the file private (rw-------), and the output would
		// stay unreadable to the user's group after the rename. A plain create honours the umask.
		final Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System
			.nanoTime()) + Thread.currentThread().getId() + ".part");
		Files.createFile(tmp);
		try {
			final FileSaver saver = new FileSaver(imp);
			final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.toString())
				: saver.saveAsTiff(tmp.toString());
			if (!ok) throw new InpaintException("Could not write " + target + ".");
			try {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}
}
