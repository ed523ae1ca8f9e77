package org.lunchrush.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The stock one order holds: what the ledger records for it.
 */
public record OrderStock(long orderId, long merchantId, LocalDate day, List<StockLine> lines, Instant at) {

	public OrderStock {
		lines = List.copyOf(lines);
	}

}
