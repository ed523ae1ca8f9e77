package org.lunchrush.catalog;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

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

	CatalogSnapshots(CatalogStore store) {
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
		this.merchants.invalidate(changed.merchantId());
	}

}
