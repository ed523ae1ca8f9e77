package org.lunchrush.catalog;

/**
 * Something about a merchant, its menu or its zone changed: snapshots of it are stale.
 */
public record CatalogChanged(long merchantId) {
}
