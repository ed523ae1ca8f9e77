package org.lunchrush.catalog;

import java.util.Map;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a merchant changes about its own stall: settings, opening hours, items on sale.
 */
@Service
class MerchantConsole {

	private final CatalogStore store;

	private final CatalogSnapshots snapshots;

	private final ApplicationEventPublisher events;

	MerchantConsole(CatalogStore store, CatalogSnapshots snapshots, ApplicationEventPublisher events) {
		this.store = store;
		this.snapshots = snapshots;
		this.events = events;
	}

	MerchantSnapshot merchant(long merchantId) {
		return this.snapshots.merchant(merchantId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("merchantId", merchantId)));
	}

	/**
	 * Changes the settings given, keeps the others.
	 */
	@Transactional
	void updateSettings(long merchantId, SettingsChange change) {
		MerchantSnapshot current = merchant(merchantId);
		OpeningHours hours = current.openingHours();
		if (change.openingHours() != null) {
			try {
				hours = OpeningHours.parse(change.openingHours()).requireDisjoint();
			}
			catch (IllegalArgumentException ex) {
				throw new LunchrushException(ErrorCode.VALIDATION,
						Map.of("field", "openingHours", "reason", String.valueOf(ex.getMessage())));
			}
		}
		boolean autoAccept = (change.autoAccept() != null) ? change.autoAccept() : current.settings().autoAccept();
		boolean busy = (change.busy() != null) ? change.busy() : current.settings().busy();
		this.store.updateSettings(merchantId, autoAccept, busy, hours.toString());
		this.events.publishEvent(new CatalogChanged(merchantId));
		this.snapshots.reloadAfterCommit(merchantId);
	}

	@Transactional
	void setOnSale(long merchantId, long itemId, boolean onSale) {
		long owner = this.store.merchantOfItem(itemId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("itemId", itemId)));
		if (owner != merchantId) {
			throw new LunchrushException(ErrorCode.FORBIDDEN, Map.of("itemId", itemId));
		}
		this.store.setOnSale(itemId, onSale);
		this.events.publishEvent(new CatalogChanged(merchantId));
		this.snapshots.reloadAfterCommit(merchantId);
	}

	record SettingsChange(Boolean autoAccept, Boolean busy, String openingHours) {
	}

}
