package org.lunchrush.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the cluster of platform processes.
 *
 * @param instance this process's name among the others ({@code LUNCHRUSH_INSTANCE});
 * empty: the host name and the HTTP port, which stay the same when the instance restarts
 * @param heartbeatInterval how often this process says it is alive (500 ms)
 * @param aliveWithin how recent a heartbeat must be for its process to count as alive (2
 * s)
 */
@ConfigurationProperties("lunchrush.cluster")
public record ClusterProperties(String instance, Duration heartbeatInterval, Duration aliveWithin) {

	public ClusterProperties {
		instance = (instance != null) ? instance.strip() : "";
		heartbeatInterval = (heartbeatInterval != null) ? heartbeatInterval : Duration.ofMillis(500);
		aliveWithin = (aliveWithin != null) ? aliveWithin : Duration.ofSeconds(2);
		if (!instance.isEmpty() && !instance.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
			throw new IllegalArgumentException(
					"lunchrush.cluster.instance (LUNCHRUSH_INSTANCE) must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
		}
		if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
				|| aliveWithin.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(
					"lunchrush.cluster.alive-within must be at least twice lunchrush.cluster.heartbeat-interval");
		}
	}

}
