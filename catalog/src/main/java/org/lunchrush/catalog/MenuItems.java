package org.lunchrush.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.lunchrush.inventory.Inventory;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.kernel.PlainText;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A merchant's own menu: adding, editing and deleting items, and their pictures. Every
 * change publishes {@link CatalogChanged} and reloads the merchant's snapshot as soon as
 * it commits, so that the menu and the order path see it when the merchant's request
 * answers.
 * <p>
 * Orders keep the name and price their lines were placed with (ordering stores its own
 * lines), so editing or deleting an item changes no order.
 */
@Service
class MenuItems {

	/**
	 * Items one merchant may have on its menu (on sale or not, deleted ones not counted).
	 */
	static final int MAX_ITEMS = 200;

	static final int MAX_NAME = 40;

	static final int MAX_CATEGORY = 20;

	static final int MIN_PRICE_CENTS = 1;

	static final int MAX_PRICE_CENTS = 100_000;

	/**
	 * Decoding a 4096×4096 picture takes about 64 MB for a moment: two at a time bound
	 * what a burst of uploads can take from the heap.
	 */
	private static final Semaphore DECODING = new Semaphore(2);

	private static final Duration DECODE_WAIT = Duration.ofSeconds(10);

	private final CatalogStore store;

	private final CatalogSnapshots snapshots;

	private final ItemPictures pictures;

	private final Inventory inventory;

	private final CampusTime time;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	MenuItems(CatalogStore store, CatalogSnapshots snapshots, ItemPictures pictures, Inventory inventory,
			CampusTime time, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.store = store;
		this.snapshots = snapshots;
		this.pictures = pictures;
		this.inventory = inventory;
		this.time = time;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * An item as its merchant sees it, with today's stock left and the portions today's
	 * orders hold (sold).
	 */
	record MerchantItem(long itemId, String name, int priceCents, String category, boolean onSale,
			Optional<String> pictureUrl, int stockLeft, int soldToday) {
	}

	/**
	 * What a merchant writes about an item; the texts as sent (they are trimmed here).
	 */
	record ItemFields(String name, int priceCents, String category) {
	}

	/**
	 * @return the merchant's items in menu order, on sale or not (read from the database,
	 * not the snapshot, so that an edit made through another process shows too)
	 */
	List<MerchantItem> list(long merchantId) {
		Map<Long, Integer> left = this.inventory.stockLeft(merchantId, this.time.today());
		Map<Long, Integer> sold = this.inventory.sold(merchantId, this.time.today());
		return this.store.items(merchantId).stream().map((row) -> view(row, left, sold)).toList();
	}

	MerchantItem item(long merchantId, long itemId) {
		CatalogStore.ItemRow row = this.store.item(itemId)
			.filter((item) -> item.merchantId() == merchantId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("itemId", itemId)));
		return view(row, this.inventory.stockLeft(merchantId, this.time.today()),
				this.inventory.sold(merchantId, this.time.today()));
	}

	/**
	 * Adds an item with no stock today: the merchant sets it with the stock route, as for
	 * any other item.
	 * @return the new item's id
	 */
	@Transactional
	long create(long merchantId, ItemFields fields, boolean onSale) {
		ItemFields checked = checked(fields);
		this.store.lockMerchant(merchantId);
		if (this.store.countItems(merchantId) >= MAX_ITEMS) {
			throw new LunchrushException(ErrorCode.ITEM_LIMIT_REACHED, Map.of("maxItems", MAX_ITEMS));
		}
		long id = this.store.insertItem(merchantId, checked.name(), checked.priceCents(), checked.category(), onSale);
		this.inventory.defineItem(id, merchantId, 0);
		changed(merchantId);
		return id;
	}

	@Transactional
	void edit(long merchantId, long itemId, ItemFields fields) {
		ItemFields checked = checked(fields);
		requireOwn(merchantId, itemId);
		this.store.updateItem(itemId, checked.name(), checked.priceCents(), checked.category());
		changed(merchantId);
	}

	/**
	 * Deletes an item for good: it leaves the menu (new orders for it are
	 * {@code UNKNOWN_ITEM}), its picture is removed and its stock can no longer be set.
	 */
	@Transactional
	void delete(long merchantId, long itemId) {
		requireOwn(merchantId, itemId);
		this.store.deleteItem(itemId);
		this.inventory.retireItem(itemId);
		this.pictures.forgetAfterCommit(itemId);
		changed(merchantId);
	}

	/**
	 * Checks the picture (type, bytes, decoding, size) before anything is written, and
	 * outside the transaction (hence a template rather than {@code @Transactional}), so
	 * that no connection is held while a picture decodes.
	 */
	void setPicture(long merchantId, long itemId, Optional<String> contentType, byte[] bytes) {
		requireOwn(merchantId, itemId);
		PictureFormats.CheckedPicture picture = decodingOneOfTwo(() -> PictureFormats.check(contentType, bytes));
		this.transactions.executeWithoutResult((status) -> {
			requireOwn(merchantId, itemId);
			this.store.savePicture(itemId, picture.contentType(), picture.bytes(), picture.sha256());
			this.pictures.forgetAfterCommit(itemId);
			changed(merchantId);
		});
	}

	@Transactional
	void removePicture(long merchantId, long itemId) {
		requireOwn(merchantId, itemId);
		this.store.deletePicture(itemId);
		this.pictures.forgetAfterCommit(itemId);
		changed(merchantId);
	}

	/**
	 * As the stock and on-sale routes answer: an item of nobody (or deleted) is
	 * {@code NOT_FOUND}, another merchant's {@code FORBIDDEN}.
	 */
	private void requireOwn(long merchantId, long itemId) {
		long owner = this.store.merchantOfItem(itemId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("itemId", itemId)));
		if (owner != merchantId) {
			throw new LunchrushException(ErrorCode.FORBIDDEN, Map.of("itemId", itemId));
		}
	}

	private void changed(long merchantId) {
		this.events.publishEvent(new CatalogChanged(merchantId));
		this.snapshots.reloadAfterCommit(merchantId);
	}

	private static MerchantItem view(CatalogStore.ItemRow row, Map<Long, Integer> left, Map<Long, Integer> sold) {
		return new MerchantItem(row.id(), row.name(), row.priceCents(), row.category(), row.onSale(),
				row.pictureVersion().map((version) -> ItemPictures.url(row.id(), version)),
				left.getOrDefault(row.id(), 0), sold.getOrDefault(row.id(), 0));
	}

	private static ItemFields checked(ItemFields fields) {
		String name = text("name", fields.name(), MAX_NAME);
		String category = text("category", fields.category(), MAX_CATEGORY);
		if (fields.priceCents() < MIN_PRICE_CENTS || fields.priceCents() > MAX_PRICE_CENTS) {
			throw invalid("priceCents", "must be %d to %d".formatted(MIN_PRICE_CENTS, MAX_PRICE_CENTS));
		}
		return new ItemFields(name, fields.priceCents(), category);
	}

	/**
	 * @return the text without leading and trailing white space, 1 to {@code max}
	 * characters (UTF-16 units, as every length of the API), plain text
	 */
	private static String text(String field, String value, int max) {
		String stripped = (value != null) ? value.strip() : "";
		Optional<String> problem = PlainText.problem(stripped);
		if (problem.isPresent()) {
			throw invalid(field, problem.get());
		}
		if (stripped.isEmpty() || stripped.length() > max) {
			throw invalid(field, "must be 1 to %d characters, leading and trailing spaces not counted".formatted(max));
		}
		return stripped;
	}

	private static LunchrushException invalid(String field, String reason) {
		return new LunchrushException(ErrorCode.VALIDATION,
				Map.of("fields", List.of(Map.of("field", field, "reason", reason))));
	}

	private static <T> T decodingOneOfTwo(Supplier<T> decode) {
		boolean acquired;
		try {
			acquired = DECODING.tryAcquire(DECODE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LunchrushException(ErrorCode.BUSY, Map.of("reason", "interrupted"));
		}
		if (!acquired) {
			throw new LunchrushException(ErrorCode.BUSY, Map.of("reason", "too many pictures being checked"));
		}
		try {
			return decode.get();
		}
		finally {
			DECODING.release();
		}
	}

}
