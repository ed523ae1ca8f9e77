package org.lunchrush.catalog;

/**
 * A menu item as the order path prices it.
 */
public record ItemSnapshot(long id, String name, int priceCents, boolean onSale) {
}
