package org.lunchrush.governor.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU load as the JVM sees it: the machine's (the container's, in one: the JVM reads
 * its cgroup), and this process's share. Each figure covers the time since the previous
 * reading.
 */
class CpuLoad {

	private final OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();

	/**
	 * @return the CPU load of the machine or container, 0 to 1; NaN when the JVM cannot
	 * tell
	 */
	double system() {
		if (this.system instanceof com.sun.management.OperatingSystemMXBean os) {
			return known(os.getCpuLoad());
		}
		return Double.NaN;
	}

	/**
	 * @return this JVM's CPU load, 0 to 1 of the machine's or container's CPUs; NaN when
	 * unknown
	 */
	double process() {
		if (this.system instanceof com.sun.management.OperatingSystemMXBean os) {
			return known(os.getProcessCpuLoad());
		}
		return Double.NaN;
	}

	private static double known(double load) {
		return (load < 0 || Double.isNaN(load)) ? Double.NaN : Math.min(load, 1.0);
	}

}
