package org.lunchrush.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersistenceProbeTest {

	@Test
	void lagIsEndMinusCommittedOrMinusTheStartWhereNothingWasCommitted() {
		Map<Integer, Long> end = Map.of(0, 1000L, 1, 500L, 2, 300L, 3, 40L);
		Map<Integer, Long> committed = Map.of(0, 990L, 1, 500L, 3, 50L);
		Map<Integer, Long> start = Map.of(0, 0L, 1, 0L, 2, 100L, 3, 0L);
		// 10 + 0 + (300 - 100) + 0 (a committed offset past the end counts as no lag)
		assertThat(PersistenceProbe.lag(end, committed, start)).isEqualTo(210);
		assertThat(PersistenceProbe.lag(Map.of(), committed, start)).isZero();
	}

	@Test
	void theDatabaseComesFromTheJdbcUrl() {
		assertThat(PersistenceProbe.databaseOf("jdbc:postgresql://127.0.0.1:5432/lunchrush_bench"))
			.isEqualTo("lunchrush_bench");
		assertThat(PersistenceProbe.databaseOf("jdbc:postgresql://db:5432/lunchrush?reWriteBatchedInserts=true"))
			.isEqualTo("lunchrush");
		assertThat(PersistenceProbe.databaseOf("jdbc:postgresql://db:5432/")).isNull();
		assertThat(PersistenceProbe.databaseOf("jdbc:postgresql://db:5432")).isNull();
		assertThat(PersistenceProbe.databaseOf(null)).isNull();
	}

	@Test
	void namesMatchTheOrderingModule() {
		assertThat(PersistenceProbe.ORDERS_TOPIC).isEqualTo("lunchrush.orders");
		assertThat(PersistenceProbe.PERSISTER_GROUP).isEqualTo("ordering-persister");
		assertThat(PersistenceProbe.ORDERS_TABLE).isEqualTo("ordering.orders");
	}

}
