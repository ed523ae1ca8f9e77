package org.lunchrush.cluster;

/**
 * A write under a lease that another process has taken over since: the write's
 * transaction must roll back.
 */
public class FencedOffException extends RuntimeException {

	private final String lease;

	private final long token;

	private final long current;

	public FencedOffException(String lease, long token, long current) {
		super("Lease " + lease + " was taken over (this process holds token " + token + ", the lease is at " + current
				+ "): nothing is written");
		this.lease = lease;
		this.token = token;
		this.current = current;
	}

	public String lease() {
		return this.lease;
	}

	public long token() {
		return this.token;
	}

	public long current() {
		return this.current;
	}

}
