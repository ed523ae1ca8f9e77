package org.lunchrush.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the peak forecast turns orders per minute into replicas.
 *
 * @param replicaCapacity orders per minute, averaged over a slot, that one replica of the
 * platform takes while staying under the autoscaler's CPU target (6,000 by default: 100 a
 * second on average, room for the surge inside a slot, whose first seconds bring several
 * times the slot's average; measure your own in docs/benchmarks.md's way and set it)
 * @param minReplicas the fewest replicas recommended, the autoscaler's minimum (2)
 * @param maxReplicas the most replicas recommended, the autoscaler's maximum (20)
 */
@ConfigurationProperties("lunchrush.ops.forecast")
public record ForecastProperties(Integer replicaCapacity, Integer minReplicas, Integer maxReplicas) {

	public ForecastProperties {
		replicaCapacity = (replicaCapacity != null) ? replicaCapacity : 6000;
		minReplicas = (minReplicas != null) ? minReplicas : 2;
		maxReplicas = (maxReplicas != null) ? maxReplicas : 20;
		if (replicaCapacity < 1) {
			throw new IllegalArgumentException("lunchrush.ops.forecast.replica-capacity must be at least 1 order per "
					+ "minute, not " + replicaCapacity);
		}
		if (minReplicas < 1 || maxReplicas < minReplicas) {
			throw new IllegalArgumentException("lunchrush.ops.forecast needs 1 <= min-replicas <= max-replicas, not "
					+ minReplicas + " and " + maxReplicas);
		}
	}

}
