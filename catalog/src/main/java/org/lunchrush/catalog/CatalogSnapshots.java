package org.lunchrush.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The in-process catalog snapshot the order path reads (Caffeine). An entry is dropped as
 * soon as a change to its merchant commits; the periodic refresh is only a safety net for
 * changes made by another process.
 */
@Component
class CatalogSnapshots implements Catalog {

	private final LoadingCache<Long, Optional<MerchantSnapshot>> merchants;

	private final LoadingCache<Boolean, Map<Long, BuildingPosition>> buildings;

	private final CatalogStore store;

	CatalogSnapshots(CatalogStore store) {
		this.store = store;
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
		Runnable reload = () -> this.merchants.put(merchantId, this.store.loadMerchant(merchantId));
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

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void warmUp() {
		this.merchants.getAll(this.store.merchantIds());
	}

}
