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
package io.github.gsinpaint.cli;

/**
 * Keeps the libraries' routine log lines (DJL's INFO lines on engine loading, its "Failed to
 * detect GPU count" warning on every machine without CUDA) out of a normal run's terminal, so what
 * remains is the command line's own report and real problems. slf4j-simple reads these properties
 * when the first logger is made, so this runs first thing in main. A setting given with -D wins.
 */
final class QuietLogging {

	private static final String PREFIX = "org.slf4j.simpleLogger.";

	private QuietLogging() {}

	static void apply(final boolean verbose) {
		setIfAbsent(PREFIX + "defaultLogLevel", verbose ? "info" : "warn");
		if (!verbose) setIfAbsent(PREFIX + "log.ai.djl.util.cuda.CudaUtils", "error");
		// plain lines: no thread names, nothing a redirect into a file would not want
		setIfAbsent(PREFIX + "showThreadName", "false");
		setIfAbsent(PREFIX + "logFile", "System.err");
	}

	private static void setIfAbsent(final String key, final String value) {
		if (System.getProperty(key) == null) System.setProperty(key, value);
	}
}
