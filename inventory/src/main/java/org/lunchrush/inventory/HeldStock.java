package org.lunchrush.inventory;

import java.time.LocalDate;
import java.util.List;

/**
 * A reservation in the live stock whose order is neither persisted nor given up yet.
 *
 * @param merchantId the merchant whose counter holds it
 * @param day the counter's day
 * @param lines what it reserved
 * @param intent what it is for
 */
public record HeldStock(long merchantId, LocalDate day, List<StockLine> lines, StockIntent intent) {

	public HeldStock {
		lines = List.copyOf(lines);
	}

}
