package io.github.gsinpaint.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.gsinpaint.core.InpaintException;

/**
 * Writes a TIFF under a temporary name in the target folder, then renames it: readers never see a
 * half-written file, and a failure leaves no temporary file behind and the previous file (if any)
 * as it was. Every failure is an {@link InpaintException} that names the path and the reason.
 */
final class AtomicTiffWriter {

	private AtomicTiffWriter() {}

	static void write(final ImagePlus imp, final Path target) throws IOException {
		final Path abs = target.toAbsolutePath();
		final Path dir = abs.getParent();
		if (dir == null) throw new InpaintException("Cannot write " + target +
			": not a file path.");
		if (Files.isDirectory(abs)) throw new InpaintException("Cannot write " + abs +
			": a folder of that name is in the way. Choose another output name.");
		try {
			if (!Files.isDirectory(dir)) Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw unwritableFolder(dir, e);
		}
		if (!Files.isWritable(dir)) throw unwritableFolder(dir, null);
		// Not Files.createTempFile: that makes the file private (rw-------), and the output would
		// stay unreadable to the user's group after the rename. A plain create honours the umask.
		final Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(System
			.nanoTime()) + Thread.currentThread().getId() + ".part");
		try {
			Files.createFile(tmp);
		}
		catch (final IOException e) {
			throw unwritableFolder(dir, e);
		}
		try {
			final FileSaver saver = new FileSaver(imp);
			final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.toString())
				: saver.saveAsTiff(tmp.toString());
			if (!ok) throw new InpaintException("Cannot write " + abs +
				" (the TIFF writer failed; is the disk full?).");
			try {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (final IOException e) {
			throw new InpaintException("Cannot write " + abs + " (" + reason(e) + ").", e);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static InpaintException unwritableFolder(final Path dir, final IOException e) {
		return new InpaintException("Cannot write to the folder " + dir + " (" + (e == null
			? "not writable" : reason(e)) + "). Choose an output folder you can write to.", e);
	}

	/** NIO's messages are often just the path: say what the exception type means. */
	private static String reason(final IOException e) {
		if (e instanceof FileAlreadyExistsException) return "a file is in the way of " +
			((FileSystemException) e).getFile();
		if (e instanceof DirectoryNotEmptyException) return "a folder is in the way";
		if (e instanceof AccessDeniedException) return "permission denied";
		if (e instanceof NoSuchFileException) return "no such file or folder: " +
			((FileSystemException) e).getFile();
		final String m = e.getMessage();
		return m == null ? e.getClass().getSimpleName() : m;
	}
}
