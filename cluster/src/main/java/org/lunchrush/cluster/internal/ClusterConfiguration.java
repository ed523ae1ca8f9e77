package org.lunchrush.cluster.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.lunchrush.cluster.ClusterProperties;
import org.lunchrush.cluster.Instances;
import org.lunchrush.cluster.Leases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	@Bean
	RedisInstances instances(ClusterProperties properties, StringRedisTemplate redis,
			@Value("${server.port:8080}") int port, MeterRegistry meters) {
		String name = properties.instance().isEmpty() ? defaultName(port) : properties.instance();
		RedisInstances instances = new RedisInstances(redis, name, properties.heartbeatInterval(),
				properties.aliveWithin());
		Gauge.builder("lunchrush.cluster.instances", () -> {
			try {
				return instances.alive().size();
			}
			catch (RuntimeException ex) {
				return Double.NaN;
			}
		}).description("Platform processes alive on this Redis, as this process sees them").register(meters);
		return instances;
	}

	/**
	 * Readiness goes down while this process is cut off from Redis (the contributor
	 * {@code cluster} of the readiness group).
	 */
	@Bean
	ClusterHealthIndicator clusterHealthIndicator(RedisInstances instances) {
		return new ClusterHealthIndicator(instances);
	}

	@Bean
	Leases leases(DataSource dataSource, Instances instances, MeterRegistry meters) {
		return new JdbcLeases(dataSource, instances.self(), meters);
	}

	/**
	 * The host name and the HTTP port: the same when the instance restarts (so that its
	 * old heartbeat is not taken for another process), different for two instances on one
	 * host. A random port (tests) falls back to the process id.
	 */
	private static String defaultName(int port) {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		if (port > 0) {
			return host + ":" + port;
		}
		// Several application contexts of one test JVM are several instances.
		return host + ":pid" + ProcessHandle.current().pid() + "-"
				+ Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
	}

}
