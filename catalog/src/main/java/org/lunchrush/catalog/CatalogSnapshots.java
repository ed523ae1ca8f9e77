package org.lunchrush.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The in-process catalog snapshot the order path reads (Caffeine). An entry is reloaded
 * as soon as a change to its merchant commits, in this process at once and in the other
 * platform processes when the change reaches them over Redis ({@value #CHANNEL}, within
 * milliseconds); the periodic refresh (a minute) is only a safety net for a notice lost
 * while a process was cut off from Redis.
 */
@Component
class CatalogSnapshots implements Catalog {

	private final LoadingCache<Long, Optional<MerchantSnapshot>> merchants;

	private final LoadingCache<Boolean, Map<Long, BuildingPosition>> buildings;

	static final String CHANNEL = "lr:catalog-changed";

	private static final Logger log = LoggerFactory.getLogger(CatalogSnapshots.class);

	private final CatalogStore store;

	private final StringRedisTemplate redis;

	/**
	 * Tells this process's own notices from the others'.
	 */
	private final String origin = UUID.randomUUID().toString();

	CatalogSnapshots(CatalogStore store, StringRedisTemplate redis) {
		this.store = store;
		this.redis = redis;
		this.buildings = Caffeine.newBuilder()
			.maximumSize(1)
			.refreshAfterWrite(Duration.ofMinutes(1))
			.build((all) -> store.buildingPositions());
		this.merchants = Caffeine.newBuilder()
			.maximumSize(10_000)
			.refreshAfterWrite(Duration.ofMinutes(1))
			.build(store::loadMerchant);
	}

	@Override
	public Optional<MerchantSnapshot> merchant(long merchantId) {
		return this.merchants.get(merchantId);
	}

	@Override
	public Map<Long, BuildingPosition> buildings() {
		return this.buildings.get(Boolean.TRUE);
	}

	/**
	 * Reloads a merchant's snapshot as soon as the current transaction commits (at once
	 * without one), so that the request that changed the merchant answers with the order
	 * path already seeing the change. Readers keep the old snapshot until the new one
	 * replaces it.
	 */
	void reloadAfterCommit(long merchantId) {
		Runnable reload = () -> {
			this.merchants.put(merchantId, this.store.loadMerchant(merchantId));
			tellOthers(merchantId);
		};
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			reload.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				reload.run();
			}
		});
	}

	private void tellOthers(long merchantId) {
		try {
			this.redis.convertAndSend(CHANNEL, merchantId + " " + this.origin);
		}
		catch (RuntimeException ex) {
			log.warn("Other platform processes not told that merchant {} changed ({}); they see it within a minute",
					merchantId, ex.toString());
		}
	}

	/**
	 * Another process changed a merchant: reload its snapshot here.
	 */
	void changedElsewhere(String notice) {
		String[] parts = notice.split(" ", 2);
		if (parts.length != 2 || parts[1].equals(this.origin) || !parts[0].matches("[0-9]{1,18}")) {
			return;
		}
		long merchantId = Long.parseLong(parts[0]);
		this.merchants.put(merchantId, this.store.loadMerchant(merchantId));
	}

	@Bean
	static RedisMessageListenerContainer catalogChangeListener(RedisConnectionFactory redis,
			ObjectProvider<CatalogSnapshots> snapshots) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(redis);
		container.addMessageListener(
				(message, pattern) -> snapshots.getObject()
					.changedElsewhere(new String(message.getBody(), StandardCharsets.UTF_8)),
				new ChannelTopic(CHANNEL));
		return container;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void warmUp() {
		this.merchants.getAll(this.store.merchantIds());
	}

}
