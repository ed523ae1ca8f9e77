package org.lunchrush.inventory;

import java.util.List;

/**
 * The outcome of {@link Inventory#reserve}.
 */
public sealed interface Reservation {

	record Reserved() implements Reservation {
	}

	/**
	 * Nothing was reserved: the live stock is being rebuilt (Redis lost its data, or the
	 * platform is starting), and no counter may load from the ledger meanwhile. Worth
	 * trying again in a moment.
	 */
	record Rebuilding() implements Reservation {
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
