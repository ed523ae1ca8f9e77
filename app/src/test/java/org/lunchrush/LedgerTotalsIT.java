package org.lunchrush;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.StockAudit;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The day's stock totals the audit reports (the invariant check's {@code OVERSOLD} and
 * {@code STOCK_MISMATCH}) are what the whole day's ledger adds up to, though each audit
 * after the first reads only the movements written since the one before: as orders and
 * stock changes arrive, and when a transaction that began before a reading commits after
 * it.
 */
class LedgerTotalsIT extends IntegrationTest {

	private static final int STUDENT = 152;

	@Autowired
	private Inventory inventory;

	@Autowired
	private DataSource dataSource;

	@Test
	void theAuditsTotalsAreTheWholeLedgersThoughEachReadsOnlyWhatIsNew() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		JsonNode merchant = merchantNamed("第二食堂·韩式拌饭");
		long merchantId = merchant.path("id").asLong();
		long itemId = firstItemId(merchant);
		setStockLeft(merchantId, itemId, 50);
		Session student = student(STUDENT);
		String first = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
		awaitStatus(student, first, "PENDING_PAYMENT");
		assertTotalsAreTheLedgers(today);

		String second = placeAcceptedOrder(student, orderBody(merchant, itemId, 2));
		awaitStatus(student, second, "PENDING_PAYMENT");
		assertTotalsAreTheLedgers(today);

		try (Connection late = this.dataSource.getConnection()) {
			late.setAutoCommit(false);
			adjust(late, merchantId, itemId, today, 3);
			// Readings while that transaction is open do not count its movement, and do
			// not fold past it: a movement committed after it began is counted, and its
			// own is counted once it commits.
			assertTotalsAreTheLedgers(today);
			try (Connection now = this.dataSource.getConnection()) {
				adjust(now, merchantId, itemId, today, -3);
			}
			assertTotalsAreTheLedgers(today);
			late.commit();
		}
		assertTotalsAreTheLedgers(today);
		assertThat(audit(today).get(itemId).agrees()).as("the two adjustments cancel out").isTrue();
	}

	private void assertTotalsAreTheLedgers(LocalDate day) {
		await().atMost(PIPELINE).untilAsserted(() -> {
			Map<Long, int[]> ledger = new HashMap<>();
			this.jdbc.sql("""
					select item_id, coalesce(sum(quantity) filter (where kind = 'ADJUST'), 0),
					       -coalesce(sum(quantity) filter (where kind <> 'ADJUST'), 0)
					from inventory.stock_ledger where day = ? group by item_id
					""")
				.param(day)
				.query((rs, row) -> ledger.put(rs.getLong(1), new int[] { rs.getInt(2), rs.getInt(3) }))
				.list();
			Map<Long, StockAudit> audits = audit(day);
			assertThat(audits).isNotEmpty();
			audits.values().forEach((audit) -> {
				int[] whole = ledger.getOrDefault(audit.itemId(), new int[2]);
				assertThat(new int[] { audit.adjusted(), audit.sold() }).as("item %d: adjusted, sold", audit.itemId())
					.containsExactly(whole);
			});
		});
	}

	private Map<Long, StockAudit> audit(LocalDate day) {
		Map<Long, StockAudit> audits = new HashMap<>();
		List<StockAudit> all = this.inventory.audit(day);
		all.forEach((audit) -> audits.put(audit.itemId(), audit));
		return audits;
	}

	private static void adjust(Connection connection, long merchantId, long itemId, LocalDate day, int delta)
			throws Exception {
		writeLedgerMove(connection, null, merchantId, itemId, day, "ADJUST", delta);
	}

}
