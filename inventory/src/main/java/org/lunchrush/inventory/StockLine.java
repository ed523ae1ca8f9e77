package org.lunchrush.inventory;

/**
 * A quantity of one item.
 */
public record StockLine(long itemId, int quantity) {

	public StockLine {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be positive: " + quantity);
		}
	}

}
