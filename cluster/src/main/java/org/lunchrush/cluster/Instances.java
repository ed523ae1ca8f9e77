package org.lunchrush.cluster;

import java.util.Set;

/**
 * The platform processes alive on the same Redis: each one writes a heartbeat every
 * {@code lunchrush.cluster.heartbeat-interval}, and counts as alive while its last
 * heartbeat is younger than {@code lunchrush.cluster.alive-within}.
 */
public interface Instances {

	/**
	 * @return this process's name ({@code LUNCHRUSH_INSTANCE}, or the host name and HTTP
	 * port): stable across restarts of the same instance
	 */
	String self();

	/**
	 * @return the names of the processes alive now, this one included once it has written
	 * its first heartbeat
	 */
	Set<String> alive();

	/**
	 * @return the processes alive now other than this one
	 */
	default Set<String> others() {
		Set<String> alive = new java.util.TreeSet<>(alive());
		alive.remove(self());
		return alive;
	}

}
