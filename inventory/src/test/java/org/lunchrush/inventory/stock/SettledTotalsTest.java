package org.lunchrush.inventory.stock;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.inventory.stock.SettledTotals.Fold;
import org.lunchrush.inventory.stock.SettledTotals.Moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettledTotalsTest {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

	@Test
	void aDayNotReadYetStartsBelowEveryTransaction() {
		Fold fold = new SettledTotals().of(DAY);
		assertThat(fold.horizon()).isZero();
		assertThat(fold.of(1001)).isEqualTo(Moves.NONE);
	}

	@Test
	void eachReadingAddsTheMovementsSettledSinceTheLastOne() {
		SettledTotals totals = new SettledTotals();
		totals.keep(DAY, totals.of(DAY).advance(500, Map.of(1001L, new Moves(10, 3), 1002L, new Moves(0, 1))));
		totals.keep(DAY, totals.of(DAY).advance(620, Map.of(1001L, new Moves(-2, 4), 1003L, new Moves(5, 0))));

		Fold fold = totals.of(DAY);
		assertThat(fold.horizon()).isEqualTo(620);
		assertThat(fold.of(1001)).isEqualTo(new Moves(8, 7));
		assertThat(fold.of(1002)).isEqualTo(new Moves(0, 1));
		assertThat(fold.of(1003)).isEqualTo(new Moves(5, 0));
	}

	@Test
	void ofTwoOverlappingReadingsTheOneReachingHigherIsKept() {
		SettledTotals totals = new SettledTotals();
		Fold start = totals.of(DAY);
		Fold higher = start.advance(900, Map.of(1001L, new Moves(0, 9)));
		Fold lower = start.advance(700, Map.of(1001L, new Moves(0, 7)));

		totals.keep(DAY, higher);
		totals.keep(DAY, lower);

		assertThat(totals.of(DAY)).isEqualTo(higher);
	}

	@Test
	void aHorizonNeverMovesDown() {
		Fold fold = SettledTotals.NONE.advance(900, Map.of());
		assertThatIllegalArgumentException().isThrownBy(() -> fold.advance(899, Map.of()));
	}

	@Test
	void onlyTheNewestDaysAreKept() {
		SettledTotals totals = new SettledTotals();
		for (int back = 3; back >= 0; back--) {
			totals.keep(DAY.minusDays(back), SettledTotals.NONE.advance(100 + back, Map.of(1L, new Moves(back, 0))));
		}
		assertThat(totals.of(DAY).horizon()).isEqualTo(100);
		assertThat(totals.of(DAY.minusDays(1)).horizon()).isEqualTo(101);
		assertThat(totals.of(DAY.minusDays(2))).isEqualTo(SettledTotals.NONE);
		assertThat(totals.of(DAY.minusDays(3))).isEqualTo(SettledTotals.NONE);
	}

}
