package org.lunchrush.catalog;

import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CatalogSetupService implements CatalogSetup {

	private final CatalogStore store;

	private final ApplicationEventPublisher events;

	private final CatalogSnapshots snapshots;

	CatalogSetupService(CatalogStore store, ApplicationEventPublisher events, CatalogSnapshots snapshots) {
		this.store = store;
		this.events = events;
		this.snapshots = snapshots;
	}

	@Override
	public boolean hasCampus() {
		return this.store.campus().isPresent();
	}

	@Override
	@Transactional
	public long createCampus(String name, String timeZone) {
		return this.store.insertCampus(name, timeZone);
	}

	@Override
	@Transactional
	public long addBuilding(long campusId, String name, BuildingKind kind, int xMetres, int yMetres) {
		return this.store.insertBuilding(campusId, name, kind.name(), xMetres, yMetres);
	}

	@Override
	@Transactional
	public long addMerchant(long campusId, long buildingId, String name, MerchantKind kind, OpeningHours hours,
			Set<Long> deliveryBuildingIds) {
		long id = this.store.insertMerchant(campusId, buildingId, name, kind.name(), hours.toString(),
				deliveryBuildingIds);
		this.events.publishEvent(new CatalogChanged(id));
		this.snapshots.reloadAfterCommit(id);
		return id;
	}

	@Override
	@Transactional
	public long addItem(long merchantId, String name, int priceCents, String category) {
		long id = this.store.insertItem(merchantId, name, priceCents, category, true);
		this.events.publishEvent(new CatalogChanged(merchantId));
		this.snapshots.reloadAfterCommit(merchantId);
		return id;
	}

}
