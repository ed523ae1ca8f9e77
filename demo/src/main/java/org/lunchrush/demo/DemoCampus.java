package org.lunchrush.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.lunchrush.catalog.CatalogSetup;
import org.lunchrush.catalog.CatalogSetup.BuildingKind;
import org.lunchrush.catalog.CatalogSetup.MerchantKind;
import org.lunchrush.catalog.OpeningHours;
import org.lunchrush.edge.Accounts;
import org.lunchrush.edge.Accounts.NewAccount;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.kernel.Role;
import org.lunchrush.promotion.Memberships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo campus once (a campus already present is left alone): 14 dorm buildings,
 * 2 canteens with 12 stalls, 1 shop outside the south gate, 150 menu items with daily
 * stock, and the demo accounts (password {@code demo123}).
 * <p>
 * The stalls keep the hours of {@code lunchrush.demo.opening-hours}, all day by default,
 * so the demo can be tried at any hour; the shop delivers only to the dorms near the
 * gate. {@code vip1}…{@code vip10} are granted VIP membership, as the admin, while no
 * student holds one yet (so an installation seeded before memberships existed gets them
 * too).
 */
@Component
@ConditionalOnBooleanProperty(name = "lunchrush.demo.enabled", matchIfMissing = true)
class DemoCampus implements ApplicationRunner {

	static final String PASSWORD = "demo123";

	static final int STUDENTS = 200;

	static final int VIPS = 10;

	static final int RIDERS = 30;

	private static final Logger log = LoggerFactory.getLogger(DemoCampus.class);

	private final CatalogSetup catalog;

	private final Inventory inventory;

	private final Accounts accounts;

	private final Memberships memberships;

	private final OpeningHours stallHours;

	private final int dailyStock;

	DemoCampus(CatalogSetup catalog, Inventory inventory, Accounts accounts, Memberships memberships,
			@Value("${lunchrush.demo.opening-hours:00:00-24:00}") String stallHours,
			@Value("${lunchrush.demo.daily-stock:300}") int dailyStock) {
		this.catalog = catalog;
		this.inventory = inventory;
		this.accounts = accounts;
		this.memberships = memberships;
		this.stallHours = OpeningHours.parse(stallHours);
		this.dailyStock = dailyStock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.catalog.hasCampus()) {
			log.info("Demo campus present, not seeding");
		}
		else {
			seedCampus();
		}
		seedVipMemberships();
	}

	private void seedCampus() {
		log.info("Seeding the demo campus 南湖大学 ...");
		long campus = this.catalog.createCampus("南湖大学 Nanhu University", "Asia/Shanghai");
		Map<String, Long> buildings = new LinkedHashMap<>();
		DemoData.BUILDINGS.forEach((building) -> buildings.put(building.name(),
				this.catalog.addBuilding(campus, building.name(), building.kind(), building.x(), building.y())));
		Set<Long> deliverable = Set.copyOf(DemoData.BUILDINGS.stream()
			.filter((b) -> b.kind() == BuildingKind.DORM || b.kind() == BuildingKind.TEACHING
					|| b.kind() == BuildingKind.LIBRARY)
			.map((b) -> buildings.get(b.name()))
			.toList());
		List<Long> merchants = new ArrayList<>();
		int items = 0;
		for (DemoData.Stall stall : DemoData.STALLS) {
			boolean shop = stall.kind() == MerchantKind.SHOP;
			Set<Long> zone = shop ? Set.copyOf(DemoData.SHOP_ZONE.stream().map(buildings::get).toList()) : deliverable;
			long merchant = this.catalog.addMerchant(campus, buildings.get(stall.building()), stall.name(),
					stall.kind(), this.stallHours, zone);
			merchants.add(merchant);
			for (int position = 0; position < stall.dishes().size(); position++) {
				DemoData.Dish dish = stall.dishes().get(position);
				long item = this.catalog.addItem(merchant, dish.name(), dish.priceCents(),
						DemoData.category(dish.name(), position));
				this.inventory.defineItem(item, merchant, this.dailyStock);
				items++;
			}
		}
		int created = this.accounts.registerAll(accounts(merchants));
		log.info("Demo campus seeded: {} buildings, {} merchants, {} menu items, {} accounts (password {})",
				buildings.size(), merchants.size(), items, created, PASSWORD);
	}

	private void seedVipMemberships() {
		if (!this.memberships.members().isEmpty()) {
			return;
		}
		OptionalLong admin = this.accounts.idOf("admin");
		if (admin.isEmpty()) {
			return;
		}
		int granted = 0;
		for (int i = 1; i <= VIPS; i++) {
			OptionalLong vip = this.accounts.idOf("vip" + i);
			if (vip.isPresent()) {
				this.memberships.grant(vip.getAsLong(), admin.getAsLong(), Optional.of("demo VIP"));
				granted++;
			}
		}
		log.info("Demo VIP memberships granted: {}", granted);
	}

	private static List<NewAccount> accounts(List<Long> merchants) {
		List<NewAccount> accounts = new ArrayList<>();
		for (int i = 1; i <= STUDENTS; i++) {
			accounts.add(new NewAccount("student" + i, PASSWORD, Role.STUDENT, OptionalLong.empty(), false));
		}
		for (int i = 1; i <= VIPS; i++) {
			accounts.add(new NewAccount("vip" + i, PASSWORD, Role.STUDENT, OptionalLong.empty(), true));
		}
		for (int i = 0; i < merchants.size(); i++) {
			accounts.add(new NewAccount("merchant" + (i + 1), PASSWORD, Role.MERCHANT,
					OptionalLong.of(merchants.get(i)), false));
		}
		for (int i = 1; i <= RIDERS; i++) {
			accounts.add(new NewAccount("rider" + i, PASSWORD, Role.RIDER, OptionalLong.empty(), false));
		}
		accounts.add(new NewAccount("admin", PASSWORD, Role.ADMIN, OptionalLong.empty(), false));
		return accounts;
	}

}
