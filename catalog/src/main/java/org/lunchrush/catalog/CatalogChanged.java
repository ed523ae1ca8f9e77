package org.lunchrush.catalog;

/**
 * Something about a merchant, its menu, its zone or its settings changed: copies of it
 * kept elsewhere (in another process, say) are stale.
 */
public record CatalogChanged(long merchantId) {
}
