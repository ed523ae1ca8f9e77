package org.lunchrush.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.ItemSales;
import org.lunchrush.kernel.CampusTime;

import org.springframework.stereotype.Component;

/**
 * The hot list (今日热销): the campus's best-selling dishes of the day, by the portions the
 * day's orders hold (reserved less released, from the stock ledger). Counted at most once
 * every {@link #FRESH_FOR} in each process, whatever the number of students asking, and
 * not at all while the load governor has the hot list off.
 */
@Component
class HotItems {

	static final int SIZE = 10;

	static final Duration FRESH_FOR = Duration.ofSeconds(30);

	private final Inventory inventory;

	private final Catalog catalog;

	private final CampusTime time;

	private final LoadingCache<LocalDate, HotList> lists;

	HotItems(Inventory inventory, Catalog catalog, CampusTime time) {
		this.inventory = inventory;
		this.catalog = catalog;
		this.time = time;
		this.lists = Caffeine.newBuilder().maximumSize(2).expireAfterWrite(FRESH_FOR).build(this::count);
	}

	/**
	 * @return today's hot list, as counted at most {@link #FRESH_FOR} ago
	 */
	HotList today() {
		return this.lists.get(this.time.today());
	}

	private HotList count(LocalDate day) {
		List<HotItem> items = new ArrayList<>();
		// Deleted and off-sale dishes are left out: ask for more than the list shows.
		for (ItemSales sales : this.inventory.bestSellers(day, SIZE * 3)) {
			Optional<MerchantSnapshot> merchant = this.catalog.merchant(sales.merchantId());
			Optional<ItemSnapshot> item = merchant.flatMap((m) -> m.item(sales.itemId())).filter(ItemSnapshot::onSale);
			if (item.isPresent()) {
				ItemSnapshot dish = item.get();
				items.add(new HotItem(dish.id(), dish.name(), dish.priceCents(), merchant.get().id(),
						merchant.get().name(), sales.portions(),
						dish.pictureVersion().map((version) -> ItemPictures.url(dish.id(), version)).orElse(null)));
			}
			if (items.size() == SIZE) {
				break;
			}
		}
		return new HotList(day, this.time.local(this.time.now()), List.copyOf(items));
	}

	/**
	 * @param day the campus day counted
	 * @param countedAt when it was counted (the list is at most {@link #FRESH_FOR} old)
	 * @param items most sold first
	 */
	record HotList(LocalDate day, OffsetDateTime countedAt, List<HotItem> items) {
	}

	/**
	 * @param soldToday the portions the day's orders hold
	 * @param pictureUrl as on the menu, {@code null} without a picture
	 */
	record HotItem(long itemId, String name, int priceCents, long merchantId, String merchantName, int soldToday,
			String pictureUrl) {
	}

}
