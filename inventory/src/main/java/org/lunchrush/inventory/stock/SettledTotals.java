package org.lunchrush.inventory.stock;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per day, the ledger's totals per item over every movement written by a transaction
 * older than a horizon: a snapshot's {@code xmin}, below which every transaction has
 * ended, so that the movements below it are all visible in that snapshot and none can
 * appear later ({@code stock_ledger.tx}). A reading of the day's balances then sums only
 * the movements at or above the horizon it starts from, and moves the horizon up to its
 * own snapshot's: its cost follows the movements since the last reading, not the day's.
 * <p>
 * Kept in this process's memory for the newest {@value #DAYS_KEPT} days read; the first
 * reading of a day in a process reads the whole day once. Thread-safe: readings that
 * overlap each start from a complete fold and the one reaching the higher horizon is
 * kept.
 */
final class SettledTotals {

	static final int DAYS_KEPT = 2;

	/** Below every transaction id (PostgreSQL's xid8 starts above 0). */
	static final Fold NONE = new Fold(0, Map.of());

	private final TreeMap<LocalDate, Fold> folds = new TreeMap<>();

	/**
	 * @return the day's totals as last folded, or {@link #NONE}
	 */
	synchronized Fold of(LocalDate day) {
		return this.folds.getOrDefault(day, NONE);
	}

	/**
	 * Keeps {@code fold} for the day unless a fold reaching at least as high is kept
	 * already; forgets the oldest days beyond {@value #DAYS_KEPT}.
	 */
	synchronized void keep(LocalDate day, Fold fold) {
		Fold kept = this.folds.get(day);
		if (kept != null && Long.compareUnsigned(kept.horizon(), fold.horizon()) >= 0) {
			return;
		}
		this.folds.put(day, fold);
		while (this.folds.size() > DAYS_KEPT) {
			this.folds.pollFirstEntry();
		}
	}

	/**
	 * What an item's movements add up to.
	 *
	 * @param adjusted the sum of its {@code ADJUST} movements
	 * @param sold the portions its reservations less its releases hold
	 */
	record Moves(int adjusted, int sold) {

		static final Moves NONE = new Moves(0, 0);

		Moves plus(Moves other) {
			return new Moves(this.adjusted + other.adjusted, this.sold + other.sold);
		}

	}

	/**
	 * @param horizon every movement of a transaction below it is in {@code settled}, and
	 * none at or above it
	 * @param settled per item
	 */
	record Fold(long horizon, Map<Long, Moves> settled) {

		Fold {
			settled = Map.copyOf(settled);
		}

		Moves of(long itemId) {
			return this.settled.getOrDefault(itemId, Moves.NONE);
		}

		/**
		 * @param horizon the new horizon, at or above this one's
		 * @param settledSince per item, the movements from this horizon up to the new one
		 */
		Fold advance(long horizon, Map<Long, Moves> settledSince) {
			if (Long.compareUnsigned(horizon, this.horizon) < 0) {
				throw new IllegalArgumentException(
						"horizon " + Long.toUnsignedString(horizon) + " below " + Long.toUnsignedString(this.horizon));
			}
			Map<Long, Moves> totals = new HashMap<>(this.settled);
			settledSince.forEach((item, moves) -> totals.merge(item, moves, Moves::plus));
			return new Fold(horizon, totals);
		}

	}

}
