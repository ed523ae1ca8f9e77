package org.lunchrush.catalog;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The in-process catalog snapshot the order path reads (Caffeine). An entry is dropped as
 * soon as a change to its merchant commits; the periodic refresh is only a safety net for
 * changes made by another process.
 */
@Component
class CatalogSnapshots implements Catalog {

	private final LoadingCache<Long, Optional<MerchantSnapshot>> merchants;

	private final CatalogStore store;

	CatalogSnapshots(CatalogStore store) {
		this.store = store;
		this.merchants = Caffeine.newBuilder()
			.maximumSize(10_000)
			.refreshAfterWrite(Duration.ofMinutes(1))
			.build(store::loadMerchant);
	}

	@Override
	public Optional<MerchantSnapshot> merchant(long merchantId) {
		return this.merchants.get(merchantId);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CatalogChanged changed) {
		// Refresh rather than invalidate: readers keep the old snapshot until the new one
		// is in.
		this.merchants.refresh(changed.merchantId());
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void warmUp() {
		this.merchants.getAll(this.store.merchantIds());
	}

}
