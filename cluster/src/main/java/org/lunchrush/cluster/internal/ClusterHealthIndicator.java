package org.lunchrush.cluster.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of the readiness probe ({@code /actuator/health/readiness}, contributor
 * {@code cluster}): down while this process's heartbeats do not reach Redis, that is
 * while the other processes count it as gone. Such a process cannot take an order (every
 * order reserves its stock in Redis; it answers {@code 503 BUSY}): the load balancer
 * leaves it out until Redis answers it again, and sends its requests to the others. Read
 * from the last heartbeat, so the probe never waits on Redis itself.
 */
class ClusterHealthIndicator implements HealthIndicator {

	private final RedisInstances instances;

	ClusterHealthIndicator(RedisInstances instances) {
		this.instances = instances;
	}

	@Override
	public Health health() {
		Optional<Duration> since = this.instances.sinceLastHeartbeat();
		Health.Builder health = (since.isPresent() && since.get().compareTo(this.instances.aliveWithin()) <= 0)
				? Health.up() : Health.down();
		health.withDetail("instance", this.instances.self());
		since.ifPresentOrElse((age) -> health.withDetail("lastHeartbeatMillisAgo", age.toMillis()),
				() -> health.withDetail("lastHeartbeatMillisAgo", "none yet"));
		return health.build();
	}

}
