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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.io.FileSaver;
import io.github.gsinpaint.core.InpaintException;

/**
 * Writes a TIFF under a temporary name in the target folder, then renames it: readers never see a
 * half-written file, and a failure leaves no temporary file behind and the previous file (if any)
 * as it was. Every failure is an {@link InpaintException} that names the path and the reason.
 * <p>
 * A process killed while writing (kill -9, power loss) leaves its temporary file; the name holds
 * the host and process id, so a later run removes such files once that process is gone, and
 * never touches the file of a run still going on this or another machine.
 */
public final class AtomicTiffWriter {

	private static final String MARK = ".gsinpaint-";
	private static final Pattern PART = Pattern.compile("^\\..+" + Pattern.quote(MARK) +
		"(.+)-(\\d+)-(\\d+)\\.part$");
	private static final AtomicLong COUNTER = new AtomicLong();
	private static final String HOST = host();
	private static final long PID = ProcessHandle.current().pid();

	private AtomicTiffWriter() {}

	public static void write(final ImagePlus imp, final Path target) throws IOException {
		final Path given = target.toAbsolutePath();
		final Path name = given.getFileName();
		if (given.getParent() == null || name == null || name.toString().equals(".") || name
			.toString().equals("..")) throw new InpaintException("Cannot write " + target +
				": not a file path. Give the output file's name.");
		if (Files.isDirectory(given)) throw new InpaintException("Cannot write " + given +
			": a folder of that name is in the way. Choose another output name.");
		final Path missing = OutputCheck.missingFolder(given);
		if (missing != null) throw new InpaintException(OutputCheck.missingFolderMessage(target,
			missing));
		// Written where OutputCheck looked: into the folder as the system resolves it (each link,
		// then the ".." after it). The folders still to be created are real ones made here, so
		// the rename lands on the file the checks compared with the inputs.
		final Path dir = OutputCheck.canonical(given.getParent());
		final Path abs = dir.resolve(name);
		try {
			if (!Files.isDirectory(dir)) Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw unwritableFolder(dir, e);
		}
		if (!Files.isWritable(dir)) throw unwritableFolder(dir, null);
		// Not Files.createTempFile: that makes the file private (rw-------), and the output would
		// stay unreadable to the user's group after the rename. A plain create honours the umask.
		final Path tmp = dir.resolve("." + abs.getFileName() + MARK + HOST + "-" + PID + "-" +
			COUNTER.incrementAndGet() + ".part");
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
			if (!ok) throw new InpaintException("Cannot write " + given +
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
			throw new InpaintException("Cannot write " + given + " (" + reason(e) + ").", e);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Removes the temporary files that writers on this host left in {@code dir} when they were
	 * killed: those whose process is no longer running.
	 *
	 * @return how many were removed
	 */
	public static int removeStaleParts(final Path folder) {
		// the folder write() writes into, whichever spelling of it the caller has
		final Path dir = OutputCheck.canonical(folder);
		int removed = 0;
		if (!Files.isDirectory(dir)) return 0;
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.part")) {
			for (final Path p : s) {
				final Matcher m = PART.matcher(p.getFileName().toString());
				if (!m.matches() || !m.group(1).equals(HOST)) continue;
				final long pid = Long.parseLong(m.group(2));
				if (pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
					continue;
				if (Files.deleteIfExists(p)) removed++;
			}
		}
		catch (final IOException | NumberFormatException e) {
			// best effort: a folder we cannot list or clean is reported when writing into it
		}
		return removed;
	}

	/** The host name without a network look-up (which may hang for seconds). */
	private static String host() {
		try {
			final String h = new String(Files.readAllBytes(Paths.get("/proc/sys/kernel/hostname")),
				StandardCharsets.UTF_8).trim();
			if (!h.isEmpty()) return h.replaceAll("[^A-Za-z0-9.-]", "_");
		}
		catch (final IOException | RuntimeException e) {
			// not Linux
		}
		final String env = System.getenv("HOSTNAME") != null ? System.getenv("HOSTNAME") : System
			.getenv("COMPUTERNAME");
		return env == null || env.isEmpty() ? "localhost" : env.replaceAll("[^A-Za-z0-9.-]", "_");
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
