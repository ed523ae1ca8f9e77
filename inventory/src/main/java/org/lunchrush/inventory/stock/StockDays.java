package org.lunchrush.inventory.stock;

import java.time.LocalDate;

import org.lunchrush.kernel.CampusTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens tomorrow's live stock shortly before midnight, so that intake never has to read
 * the ledger at the start of a day. Today's counters are loaded when the platform starts,
 * by the rebuild that order intake's recovery runs before it takes orders.
 */
@Component
class StockDays {

	private static final Logger log = LoggerFactory.getLogger(StockDays.class);

	private final InventoryService inventory;

	private final CampusTime time;

	StockDays(InventoryService inventory, CampusTime time) {
		this.inventory = inventory;
		this.time = time;
	}

	@Scheduled(cron = "0 50 23 * * *", zone = "${lunchrush.campus.time-zone:Asia/Shanghai}")
	void openTomorrow() {
		LocalDate tomorrow = this.time.today().plusDays(1);
		int loaded = this.inventory.openAll(tomorrow);
		log.info("Stock for {} open: {} merchant counters loaded into Redis", tomorrow, loaded);
	}

}
