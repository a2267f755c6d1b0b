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
