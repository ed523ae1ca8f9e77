package org.lunchrush.inventory.stock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.OrderStock;
import org.lunchrush.inventory.Reservation;
import org.lunchrush.inventory.StockAudit;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class InventoryService implements Inventory {

	private final LiveStock live;

	private final StockLedger ledger;

	private final CampusTime time;

	InventoryService(LiveStock live, StockLedger ledger, CampusTime time) {
		this.live = live;
		this.ledger = ledger;
		this.time = time;
	}

	@Override
	public Reservation reserve(long merchantId, LocalDate day, List<StockLine> lines) {
		return this.live.reserve(merchantId, day, lines).orElseGet(() -> {
			open(merchantId, day);
			return this.live.reserve(merchantId, day, lines)
				.orElseThrow(() -> new IllegalStateException("Stock of merchant " + merchantId + " did not load"));
		});
	}

	@Override
	public void undoReservation(long merchantId, LocalDate day, List<StockLine> lines) {
		this.live.giveBack(merchantId, day, lines);
	}

	@Override
	@Transactional
	public void recordReservations(List<OrderStock> orders) {
		if (!orders.isEmpty()) {
			this.ledger.recordReservations(orders);
		}
	}

	@Override
	@Transactional
	public void release(OrderStock order) {
		List<StockLine> released = this.ledger.recordRelease(order);
		if (released.isEmpty()) {
			return;
		}
		// The counter moves only once the release is durable; a crash in between leaves
		// the
		// counter short (never over), and the next load from the ledger corrects it.
		Runnable giveBack = () -> this.live.giveBack(order.merchantId(), order.day(), released);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					giveBack.run();
				}
			});
		}
		else {
			giveBack.run();
		}
	}

	@Override
	public Map<Long, Integer> stockLeft(long merchantId, LocalDate day) {
		return this.live.read(merchantId, day).orElseGet(() -> {
			open(merchantId, day);
			return this.live.read(merchantId, day)
				.orElseThrow(() -> new IllegalStateException("Stock of merchant " + merchantId + " did not load"));
		});
	}

	@Override
	@Transactional
	public int setStockLeft(long merchantId, long itemId, int stock) {
		long owner = this.ledger.merchantOf(itemId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("itemId", itemId)));
		if (owner != merchantId) {
			throw new LunchrushException(ErrorCode.FORBIDDEN, Map.of("itemId", itemId));
		}
		LocalDate today = this.time.today();
		OptionalInt old = this.live.set(merchantId, today, itemId, stock);
		if (old.isEmpty()) {
			open(merchantId, today);
			old = this.live.set(merchantId, today, itemId, stock);
		}
		int delta = stock - old.orElseThrow(() -> new IllegalStateException("Stock did not load"));
		if (delta != 0) {
			this.ledger.recordAdjustment(merchantId, today, itemId, delta, this.time.now());
		}
		return stock;
	}

	@Override
	@Transactional
	public void defineItem(long itemId, long merchantId, int dailyStock) {
		this.ledger.defineItem(itemId, merchantId, dailyStock);
		LocalDate today = this.time.today();
		Integer available = this.ledger.openDay(merchantId, today).get(itemId);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				InventoryService.this.live.addItemIfLoaded(merchantId, today, itemId, available);
			}
		});
	}

	@Override
	public List<StockAudit> audit(LocalDate day) {
		Map<Long, Map<Long, Integer>> liveByMerchant = new HashMap<>();
		List<StockAudit> audits = new ArrayList<>();
		for (StockLedger.Balance balance : this.ledger.balances(day)) {
			Map<Long, Integer> live = liveByMerchant.computeIfAbsent(balance.merchantId(),
					(merchant) -> this.live.read(merchant, day).orElse(Map.of()));
			Integer left = live.get(balance.itemId());
			audits.add(new StockAudit(balance.itemId(), balance.merchantId(), day, balance.opening(),
					balance.adjusted(), balance.sold(), balance.available(),
					(left != null) ? OptionalInt.of(left) : OptionalInt.empty()));
		}
		return audits;
	}

	/**
	 * Opens a merchant's day in the ledger and loads its live counter, unless another
	 * process already has.
	 * @return whether this call loaded the counter
	 */
	boolean open(long merchantId, LocalDate day) {
		return this.live.loadIfAbsent(merchantId, day, this.ledger.openDay(merchantId, day));
	}

}
