package org.lunchrush.ordering.domain;

/**
 * One item of an order, priced by the server when the order was placed.
 */
public record OrderLine(long itemId, String name, int unitPriceCents, int quantity) {

	public OrderLine {
		if (quantity < 1 || quantity > OrderRules.MAX_QUANTITY) {
			throw new IllegalArgumentException("quantity out of range: " + quantity);
		}
	}

	public int subtotalCents() {
		return this.unitPriceCents * this.quantity;
	}

}
