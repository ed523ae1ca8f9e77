package org.lunchrush.inventory.stock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.lunchrush.inventory.HeldStock;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.ItemSales;
import org.lunchrush.inventory.OrderStock;
import org.lunchrush.inventory.Reservation;
import org.lunchrush.inventory.StockAudit;
import org.lunchrush.inventory.StockIntent;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class InventoryService implements Inventory {

	private static final Logger log = LoggerFactory.getLogger(InventoryService.class);

	/** How many times an item found differing from the ledger is audited in all. */
	static final int AUDIT_READS = 3;

	static final long AUDIT_PAUSE_MILLIS = 200;

	private final LiveStock live;

	private final StockLedger ledger;

	private final CampusTime time;

	/**
	 * The generation of the live stock this process rebuilt or found, {@code null} until
	 * the first rebuild: no counter loads from the ledger without it.
	 */
	private volatile String generation;

	InventoryService(LiveStock live, StockLedger ledger, CampusTime time) {
		this.live = live;
		this.ledger = ledger;
		this.time = time;
	}

	@Override
	public Reservation reserve(long merchantId, LocalDate day, List<StockLine> lines, StockIntent intent) {
		return this.live.reserve(merchantId, day, lines, intent).orElseGet(() -> {
			if (open(merchantId, day) == LiveStock.Load.STALE_GENERATION) {
				return new Reservation.Rebuilding();
			}
			return this.live.reserve(merchantId, day, lines, intent)
				.orElseThrow(() -> new IllegalStateException("Stock of merchant " + merchantId + " did not load"));
		});
	}

	@Override
	public List<Long> shortOf(long merchantId, LocalDate day, List<StockLine> lines) {
		Map<Long, Integer> left = stockLeft(merchantId, day);
		// As reserve.lua: an item the day's counter does not hold has nothing left.
		return lines.stream()
			.filter((line) -> left.getOrDefault(line.itemId(), -1) < line.quantity())
			.map(StockLine::itemId)
			.toList();
	}

	@Override
	public boolean undoReservation(long merchantId, LocalDate day, long orderId, List<StockLine> lines) {
		return this.live.giveBack(merchantId, day, orderId, lines);
	}

	@Override
	public void settleIntents(List<OrderStock> orders) {
		if (!orders.isEmpty()) {
			this.live.forgetIntents(orders);
		}
	}

	@Override
	public List<HeldStock> heldStock(LocalDate day) {
		return this.live.held(day, this.ledger.merchantsOpenOn(day));
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
		// The counter moves only once the release is durable, and once per order however
		// the give-back and a reload of the counter interleave. A crash in between leaves
		// the counter short (never over) until the next rebuild.
		Runnable giveBack = () -> this.live.releaseBack(order.merchantId(), order.day(), order.orderId(), released);
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
	public Map<Long, Integer> sold(long merchantId, LocalDate day) {
		return this.ledger.sold(merchantId, day);
	}

	@Override
	public List<ItemSales> bestSellers(LocalDate day, int limit) {
		return this.ledger.bestSellers(day, limit);
	}

	@Override
	public Map<Long, Integer> stockLeft(long merchantId, LocalDate day) {
		return this.live.read(merchantId, day).orElseGet(() -> {
			if (open(merchantId, day) == LiveStock.Load.STALE_GENERATION) {
				// Being rebuilt: the ledger's figures, without loading them.
				return this.ledger.openDay(merchantId, day);
			}
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
			if (open(merchantId, today) == LiveStock.Load.STALE_GENERATION) {
				throw new LunchrushException(ErrorCode.BUSY, Map.of("reason", "live stock being rebuilt"));
			}
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
	@Transactional
	public void retireItem(long itemId) {
		this.ledger.retireItem(itemId);
	}

	/**
	 * Reads the counters, then the ledger, so that an order reserved before the read is
	 * either among the counter's intents or in the ledger (or both, for a moment: then it
	 * counts as ledgered), and a busy platform's orders in flight are no mismatch. What
	 * can still move between the two reads (an order accepted after the first and
	 * ledgered before the second, a release between its commit and its give-back) lasts
	 * milliseconds: items found differing are audited again, up to {@value #AUDIT_READS}
	 * times {@value #AUDIT_PAUSE_MILLIS} ms apart, and reported differing only if they
	 * differ every time.
	 */
	@Override
	public List<StockAudit> audit(LocalDate day) {
		List<StockAudit> audits = auditOnce(day);
		for (int read = 1; read < AUDIT_READS && audits.stream().anyMatch((audit) -> !audit.agrees()); read++) {
			try {
				Thread.sleep(AUDIT_PAUSE_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			Map<Long, StockAudit> again = new HashMap<>();
			auditOnce(day).forEach((audit) -> again.put(audit.itemId(), audit));
			audits = audits.stream()
				.map((audit) -> audit.agrees() ? audit : again.getOrDefault(audit.itemId(), audit))
				.toList();
		}
		return audits;
	}

	private List<StockAudit> auditOnce(LocalDate day) {
		Map<Long, LiveStock.Counter> counters = new HashMap<>();
		Map<Long, Integer> intended = new HashMap<>();
		List<Long> intentOrders = new ArrayList<>();
		for (long merchant : this.ledger.merchantsOpenOn(day)) {
			this.live.readWithIntents(merchant, day).ifPresent((counter) -> {
				counters.put(merchant, counter);
				for (HeldStock held : counter.intents()) {
					intentOrders.add(held.intent().orderId());
					held.lines().forEach((line) -> intended.merge(line.itemId(), line.quantity(), Integer::sum));
				}
			});
		}
		List<StockAudit> audits = new ArrayList<>();
		for (StockLedger.Balance balance : this.ledger.balances(day, intentOrders)) {
			LiveStock.Counter counter = counters.get(balance.merchantId());
			Integer left = (counter != null) ? counter.left().get(balance.itemId()) : null;
			int inFlight = intended.getOrDefault(balance.itemId(), 0) - balance.reservedByGivenOrders();
			audits.add(new StockAudit(balance.itemId(), balance.merchantId(), day, balance.opening(),
					balance.adjusted(), balance.sold(), balance.available(), inFlight,
					(left != null) ? OptionalInt.of(left) : OptionalInt.empty()));
		}
		return audits;
	}

	@Override
	public boolean liveStockCurrent() {
		String known = this.generation;
		return known != null && this.live.generation().filter(known::equals).isPresent();
	}

	@Override
	public Optional<String> knownGeneration() {
		return Optional.ofNullable(this.generation);
	}

	@Override
	public Optional<String> liveGeneration() {
		return this.live.generation();
	}

	@Override
	public void adoptLiveStock(String generation) {
		if (generation == null || generation.isBlank()) {
			throw new IllegalArgumentException("No generation to adopt");
		}
		this.generation = generation;
	}

	@Override
	public Optional<String> startLiveGeneration(Optional<String> from) {
		Optional<String> started = this.live.startGeneration(from);
		started.ifPresent((generation) -> this.generation = generation);
		return started;
	}

	@Override
	public void rebuildLiveStock(List<LocalDate> days) {
		if (!liveStockCurrent()) {
			throw new IllegalStateException("The live stock in Redis is not of the generation this process started "
					+ "(another rebuild moved it on, or none was started): nothing dropped");
		}
		this.live.dropAll();
		for (LocalDate day : days) {
			int loaded = openAll(day);
			log.info("Live stock for {} rebuilt from the ledger: {} merchant counters", day, loaded);
		}
	}

	/**
	 * Opens a day for every merchant.
	 * @return how many counters this call loaded
	 */
	int openAll(LocalDate day) {
		int loaded = 0;
		for (long merchant : this.ledger.merchants()) {
			if (open(merchant, day) == LiveStock.Load.LOADED) {
				loaded++;
			}
		}
		return loaded;
	}

	/**
	 * Opens a merchant's day in the ledger and loads its live counter, unless another
	 * process already has or the live stock is not of the generation this process knows.
	 */
	LiveStock.Load open(long merchantId, LocalDate day) {
		String known = this.generation;
		if (known == null) {
			return LiveStock.Load.STALE_GENERATION;
		}
		StockLedger.DaySnapshot snapshot = this.ledger.snapshotDay(merchantId, day);
		LiveStock.Load load = this.live.loadIfAbsent(merchantId, day, known, snapshot);
		if (load == LiveStock.Load.LOADED) {
			// A release committed after the snapshot may have found no counter to give
			// back to: give back every release the counter does not count yet. Those in
			// the snapshot it counts (a give-back of one would change nothing, at a round
			// trip each: 27,000 of them for one merchant's day kept a rebuild past its
			// pause), and only releases written at or above the snapshot's xmin can be
			// missing from it: the day's other releases are not read again.
			Set<Long> counted = snapshot.released();
			this.ledger.releasesSince(merchantId, day, snapshot.horizon()).forEach((order, lines) -> {
				if (!counted.contains(order)) {
					this.live.releaseBack(merchantId, day, order, lines);
				}
			});
		}
		return load;
	}

}
