package org.lunchrush.bench;

/**
 * Ends the benchmark with a clear message and a non-zero exit status.
 */
final class BenchFailure extends RuntimeException {

	static final int EXIT_UNUSABLE = 1;

	static final int EXIT_USAGE = 2;

	private final int exitCode;

	private BenchFailure(String message, int exitCode) {
		super(message);
		this.exitCode = exitCode;
	}

	static BenchFailure usage(String message) {
		return new BenchFailure(message, EXIT_USAGE);
	}

	static BenchFailure unusable(String message) {
		return new BenchFailure(message, EXIT_UNUSABLE);
	}

	int exitCode() {
		return this.exitCode;
	}

	boolean isUsage() {
		return this.exitCode == EXIT_USAGE;
	}

}
