package org.lunchrush.inventory.stock;

import java.time.LocalDate;

import org.lunchrush.kernel.CampusTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens each day's live stock ahead of the orders, so that intake never has to read the
 * ledger: today's counters when the platform starts, tomorrow's shortly before midnight.
 */
@Component
class StockDays {

	private static final Logger log = LoggerFactory.getLogger(StockDays.class);

	private final StockLedger ledger;

	private final InventoryService inventory;

	private final CampusTime time;

	StockDays(StockLedger ledger, InventoryService inventory, CampusTime time) {
		this.ledger = ledger;
		this.inventory = inventory;
		this.time = time;
	}

	@EventListener(ApplicationReadyEvent.class)
	void openToday() {
		open(this.time.today());
	}

	@Scheduled(cron = "0 50 23 * * *", zone = "${lunchrush.campus.time-zone:Asia/Shanghai}")
	void openTomorrow() {
		open(this.time.today().plusDays(1));
	}

	void open(LocalDate day) {
		int loaded = 0;
		for (long merchant : this.ledger.merchants()) {
			if (this.inventory.open(merchant, day)) {
				loaded++;
			}
		}
		log.info("Stock for {} open: {} merchant counters loaded into Redis", day, loaded);
	}

}
