package org.lunchrush.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory module's published API.
 * <p>
 * Stock moves only by atomic operations: a reservation takes every line of an order or
 * none (one Redis script), and a release is recorded in the ledger exactly once before it
 * is given back. For every item and day: sold + available = opening stock + merchant
 * adjustments.
 */
public interface Inventory {

	/**
	 * Reserves stock for all lines of one order, all or nothing. Runs no SQL unless the
	 * day's counter has to be loaded first.
	 * @param merchantId the merchant all lines belong to
	 * @param day the campus day the stock belongs to
	 * @param lines one line per distinct item
	 * @param intent what the reservation is for: kept beside the counter (in the same
	 * atomic step) until {@link #settleIntents} or {@link #undoReservation}, so that the
	 * reservation of a process that died before its order reached the order stream can be
	 * found ({@link #heldStock}) and given back
	 * @return {@link Reservation.Reserved}, {@link Reservation.SoldOut} naming the short
	 * items, or {@link Reservation.Rebuilding} while the live stock is not current
	 */
	Reservation reserve(long merchantId, LocalDate day, List<StockLine> lines, StockIntent intent);

	/**
	 * Which lines the live stock cannot cover now, by the rule of {@link #reserve},
	 * without reserving anything (a checkout quote). While the live stock is being
	 * rebuilt, the ledger's figures answer.
	 * @param lines one line per distinct item
	 * @return the ids of the items short of stock, in the order of the lines; empty when
	 * {@link #reserve} would take them all now
	 */
	List<Long> shortOf(long merchantId, LocalDate day, List<StockLine> lines);

	/**
	 * Gives back a reservation that never became an order (for example when the order
	 * could not be enqueued). Nothing was recorded in the ledger for it, so only the
	 * counter moves; once, and only while its intent is still there (a counter rebuilt
	 * from the ledger since does not count it).
	 * @return whether anything was given back
	 */
	boolean undoReservation(long merchantId, LocalDate day, long orderId, List<StockLine> lines);

	/**
	 * Forgets the intents of reservations whose orders are recorded in the ledger now
	 * (call after the transaction that recorded them commits).
	 */
	void settleIntents(List<OrderStock> orders);

	/**
	 * @return the reservations of a day whose intents are still kept: orders on their way
	 * to the ledger, or whose process died before they reached the order stream
	 */
	List<HeldStock> heldStock(LocalDate day);

	/**
	 * Records the reservations of persisted orders in the ledger, within the caller's
	 * transaction. Idempotent per order and item, so a redelivered batch records nothing
	 * twice.
	 */
	void recordReservations(List<OrderStock> orders);

	/**
	 * Releases an order's stock: recorded in the ledger once per order and item, and
	 * given back to the live counter after the caller's transaction commits. Repeating it
	 * is a no-op.
	 */
	void release(OrderStock order);

	/**
	 * @return the live stock left per item of a merchant for a day
	 */
	/**
	 * @return per item of the merchant, the portions its orders hold on that day:
	 * reserved less released (a cancelled order's portions went back), from the ledger;
	 * an item no order took is absent
	 */
	Map<Long, Integer> sold(long merchantId, LocalDate day);

	/**
	 * @return the items of every merchant whose portions a day's orders hold most
	 * (reserved less released, from the ledger), most first (ties: lower item id first),
	 * at most {@code limit}; items no order holds are left out
	 */
	List<ItemSales> bestSellers(LocalDate day, int limit);

	Map<Long, Integer> stockLeft(long merchantId, LocalDate day);

	/**
	 * Sets today's stock of an item to {@code stock} portions left, as the merchant
	 * counts it.
	 * @return the item's stock after the change
	 */
	int setStockLeft(long merchantId, long itemId, int stock);

	/**
	 * Declares an item's default daily stock (each day opens with it).
	 */
	void defineItem(long itemId, long merchantId, int dailyStock);

	/**
	 * The item left its merchant's menu for good: no later day opens with it and its
	 * stock can no longer be set ({@code NOT_FOUND}, as for an item that never was). What
	 * was reserved, sold and released of it stays in the ledger, so releases of its
	 * orders and the day's audit still count it.
	 */
	void retireItem(long itemId);

	/**
	 * Compares the ledger with the live counters for one day.
	 */
	List<StockAudit> audit(LocalDate day);

	/**
	 * @return whether the live stock in Redis is the generation this process last
	 * rebuilt; false before the first rebuild and once Redis has lost its data
	 */
	boolean liveStockCurrent();

	/**
	 * Starts a new generation of the live stock, only if Redis' is still {@code from}
	 * (empty: none), in one script: the fence of a rebuild. A rebuilder that stalled
	 * after reading the generation (a long pause, while another process took the rebuild
	 * over and finished it) finds the generation moved on and must change nothing. From
	 * the new generation on, counters load only for this process, until others adopt it.
	 * @return the new generation, now this process's; empty when the live stock is no
	 * longer of {@code from}
	 */
	Optional<String> startLiveGeneration(Optional<String> from);

	/**
	 * Drops every live counter and loads the given days from the ledger, under the
	 * generation this process started ({@link #startLiveGeneration}). Refuses, dropping
	 * nothing, when the live stock has moved to another generation since. Only correct
	 * when no reservation is in flight and every reservation made so far is recorded in
	 * the ledger: the caller (order intake's recovery) pauses intake and waits for the
	 * order stream to be persisted first.
	 * @throws IllegalStateException when the live stock is not of this process's
	 * generation
	 */
	void rebuildLiveStock(List<LocalDate> days);

	/**
	 * @return the generation of the live stock this process rebuilt or adopted, empty
	 * before either
	 */
	Optional<String> knownGeneration();

	/**
	 * @return the generation of the live stock in Redis now, empty when Redis has none
	 * (it lost its data, or was never loaded)
	 */
	Optional<String> liveGeneration();

	/**
	 * Takes up a generation another platform process rebuilt: counters load under it from
	 * now on. Only correct once that rebuild is complete.
	 */
	void adoptLiveStock(String generation);

}
