package org.lunchrush.inventory;

import java.util.List;

/**
 * The outcome of {@link Inventory#reserve}.
 */
public sealed interface Reservation {

	record Reserved() implements Reservation {
	}

	/**
	 * Nothing was reserved: these items have less stock left than asked for.
	 */
	record SoldOut(List<Long> itemIds) implements Reservation {

		public SoldOut {
			itemIds = List.copyOf(itemIds);
		}

	}

}
