package org.lunchrush.catalog;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Menu item pictures as the public picture route reads them: from PostgreSQL, through a
 * small in-process cache (the lunch rush opens the same menus thousands of times).
 * <p>
 * A picture's URL carries its version, a prefix of the SHA-256 of its bytes. A cached
 * picture is served for a URL only when the versions match, and then the bytes are
 * exactly the ones that URL has always meant, whichever process changed the picture
 * since; any other request reads the database. So no process can serve stale bytes under
 * a URL that browsers keep for good. (A picture removed through another process can still
 * be served for its old URL here until its entry expires, ten minutes at most.)
 */
@Component
class ItemPictures {

	/**
	 * Hex characters of the SHA-256 in a picture's URL: 64 bits, no collision between two
	 * pictures of one item in practice.
	 */
	static final int VERSION_LENGTH = 16;

	private final CatalogStore store;

	private final Cache<Long, CatalogStore.StoredPicture> cache;

	ItemPictures(CatalogStore store) {
		this.store = store;
		this.cache = Caffeine.newBuilder()
			.maximumWeight(64L * 1024 * 1024)
			.weigher((Long item, CatalogStore.StoredPicture picture) -> picture.bytes().length)
			.expireAfterWrite(Duration.ofMinutes(10))
			.build();
	}

	static String version(String sha256) {
		return sha256.substring(0, VERSION_LENGTH);
	}

	/**
	 * @return the path a client shows an item's picture from
	 */
	static String url(long itemId, String version) {
		return "/api/v1/items/" + itemId + "/picture?v=" + version;
	}

	/**
	 * @param version the version the client's URL names, if any
	 * @return the item's current picture, empty when it has none or is deleted
	 */
	Optional<CatalogStore.StoredPicture> current(long itemId, Optional<String> version) {
		CatalogStore.StoredPicture cached = this.cache.getIfPresent(itemId);
		if (cached != null && version.isPresent() && version.get().equals(cached.version())) {
			return Optional.of(cached);
		}
		Optional<CatalogStore.StoredPicture> stored = this.store.picture(itemId);
		stored.ifPresentOrElse((picture) -> this.cache.put(itemId, picture), () -> this.cache.invalidate(itemId));
		return stored;
	}

	/**
	 * Drops the cached picture once the change commits (at once without a transaction).
	 */
	void forgetAfterCommit(long itemId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.cache.invalidate(itemId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ItemPictures.this.cache.invalidate(itemId);
			}
		});
	}

}
