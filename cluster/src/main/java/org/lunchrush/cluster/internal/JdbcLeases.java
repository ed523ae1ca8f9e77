package org.lunchrush.cluster.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.lunchrush.cluster.Fence;
import org.lunchrush.cluster.FencedOffException;
import org.lunchrush.cluster.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Leases on PostgreSQL: ShedLock's JDBC lock provider decides who holds a lease (the
 * database's clock, so clocks that disagree between hosts do not matter), and every
 * taking raises the lease's fencing token in {@code cluster.lease_fence}.
 */
public class JdbcLeases implements Leases {

	private static final Logger log = LoggerFactory.getLogger(JdbcLeases.class);

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

	private final LockProvider locks;

	private final JdbcClient jdbc;

	private final String holder;

	private final MeterRegistry meters;

	/**
	 * @param holder this process's name, recorded with each lease it takes
	 */
	public JdbcLeases(DataSource dataSource, String holder, MeterRegistry meters) {
		this.locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("cluster.shedlock")
			.withLockedByValue(holder)
			.usingDbTime()
			.build());
		this.jdbc = JdbcClient.create(dataSource);
		this.holder = holder;
		this.meters = meters;
	}

	@Override
	public boolean runExclusively(String name, Duration atLeastFor, Duration atMostFor, Consumer<Fence> work) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("A lease name is lower-case letters, digits and '-': " + name);
		}
		if (atLeastFor.isNegative() || atLeastFor.compareTo(atMostFor) > 0) {
			throw new IllegalArgumentException("A lease is held at least 0 and at most as long as at most: " + name);
		}
		Optional<SimpleLock> lock = this.locks.lock(new LockConfiguration(Instant.now(), name, atMostFor, atLeastFor));
		if (lock.isEmpty()) {
			count(name, "skipped");
			return false;
		}
		boolean fenced = false;
		try {
			long token = take(name);
			work.accept(new TokenFence(name, token));
			count(name, "ran");
		}
		catch (FencedOffException ex) {
			fenced = true;
			count(name, "fenced");
			log.warn("{}: this process ({}) held the lease past its {} and another took it over; "
					+ "what it had not written yet was dropped", name, this.holder, atMostFor);
		}
		finally {
			// A lease another process has taken over since is not ours to end.
			if (!fenced) {
				lock.get().unlock();
			}
		}
		return true;
	}

	/**
	 * Raises the lease's token: waits for every transaction still checking the old one.
	 */
	private long take(String name) {
		return this.jdbc.sql("""
				insert into cluster.lease_fence (name, token, holder, taken_at) values (:name, 1, :holder, now())
				on conflict (name) do update
				set token = cluster.lease_fence.token + 1, holder = excluded.holder, taken_at = excluded.taken_at
				returning token
				""").param("name", name).param("holder", this.holder).query(Long.class).single();
	}

	private void count(String lease, String outcome) {
		Counter.builder("lunchrush.cluster.lease.turns")
			.description("Turns of singleton work by lease: ran here, skipped (another process held the lease), "
					+ "or fenced (taken over while running)")
			.tag("lease", lease)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private final class TokenFence implements Fence {

		private final String lease;

		private final long token;

		TokenFence(String lease, long token) {
			this.lease = lease;
			this.token = token;
		}

		@Override
		public String lease() {
			return this.lease;
		}

		@Override
		public long token() {
			return this.token;
		}

		@Override
		public void check() {
			if (!TransactionSynchronizationManager.isActualTransactionActive()) {
				throw new IllegalStateException("A fence is checked inside the transaction that writes");
			}
			long current = JdbcLeases.this.jdbc
				.sql("select token from cluster.lease_fence where name = :name for share")
				.param("name", this.lease)
				.query(Long.class)
				.single();
			if (current != this.token) {
				throw new FencedOffException(this.lease, this.token, current);
			}
		}

	}

}
