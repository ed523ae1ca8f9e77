package org.lunchrush.inventory;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * One item's stock for one day, as the ledger and the live counter see it.
 *
 * @param opening the stock the day opened with
 * @param adjusted net change the merchant made by setting the stock
 * @param sold portions reserved by persisted orders and not released
 * @param ledgerAvailable opening + adjusted - sold
 * @param inFlight portions reserved in Redis by orders not in the ledger yet (accepted
 * and on their way through the order stream), which the counter already took
 * @param liveAvailable the Redis counter, empty when it is not loaded
 */
public record StockAudit(long itemId, long merchantId, LocalDate day, int opening, int adjusted, int sold,
		int ledgerAvailable, int inFlight, OptionalInt liveAvailable) {

	/**
	 * @return whether the counter is what the ledger and the orders in flight make it
	 */
	public boolean agrees() {
		return this.liveAvailable.isEmpty() || this.liveAvailable.getAsInt() == this.ledgerAvailable - this.inFlight;
	}

}
