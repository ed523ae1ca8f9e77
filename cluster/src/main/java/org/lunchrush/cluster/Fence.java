package org.lunchrush.cluster;

/**
 * The fencing token of a lease taken by this process. Work done under a lease calls
 * {@link #check()} in each transaction that writes: the check takes a share lock of the
 * lease's token row, so the transaction either commits before another process takes the
 * lease (taking it raises the token and waits for that lock) or fails the check.
 */
public interface Fence {

	/**
	 * @return the lease this fence guards
	 */
	String lease();

	/**
	 * @return the token this process was given when it took the lease; a later holder has
	 * a larger one
	 */
	long token();

	/**
	 * Verifies, inside the caller's transaction, that this process still holds the lease.
	 * @throws FencedOffException when another process has taken the lease since
	 * @throws IllegalStateException when called outside a transaction
	 */
	void check();

}
