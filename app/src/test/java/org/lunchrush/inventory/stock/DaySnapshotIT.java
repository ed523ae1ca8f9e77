package org.lunchrush.inventory.stock;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.Ids;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A counter loaded from a snapshot of a merchant's day learns afterwards of the releases
 * the snapshot missed (committed after it was taken) by reading only the releases written
 * at or above the snapshot's xmin, not the whole day's again. Here, in the package of the
 * package-private {@link StockLedger} it calls, because only this module's tests run the
 * real PostgreSQL.
 */
class DaySnapshotIT extends IntegrationTest {

	@Autowired
	private StockLedger ledger;

	@Autowired
	private DataSource dataSource;

	@Test
	void aReleaseCommittedAfterTheSnapshotIsReadAfterItThoughTheSnapshotDidNotCountIt() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		JsonNode merchant = merchantNamed("第二食堂·韩式拌饭");
		long merchantId = merchant.path("id").asLong();
		long itemId = firstItemId(merchant);
		long earlier = Ids.next();
		long late = Ids.next();
		StockLedger.DaySnapshot snapshot;
		try (Connection open = this.dataSource.getConnection()) {
			open.setAutoCommit(false);
			writeLedgerMove(open, late, merchantId, itemId, today, "RELEASE", 1);
			// Each order's reservation and release, so that the ledger's day nets to
			// what it was and the live counter, which these rows bypass, still agrees
			// with it; written after the open transaction began and committed before
			// the snapshot, so that the snapshot's xmax lies above the open one and only
			// its xmin does not.
			try (Connection connection = this.dataSource.getConnection()) {
				writeLedgerMove(connection, earlier, merchantId, itemId, today, "RESERVE", -1);
				writeLedgerMove(connection, earlier, merchantId, itemId, today, "RELEASE", 1);
				writeLedgerMove(connection, late, merchantId, itemId, today, "RESERVE", -1);
			}
			snapshot = this.ledger.snapshotDay(merchantId, today);
			open.commit();
		}
		assertThat(snapshot.released()).as("releases the snapshot counts").contains(earlier).doesNotContain(late);

		Map<Long, List<StockLine>> since = this.ledger.releasesSince(merchantId, today, snapshot.horizon());
		assertThat(since).as("releases at or above the snapshot's xmin").containsKey(late);
		assertThat(since.get(late)).containsExactly(new StockLine(itemId, 1));
		for (long order : since.keySet()) {
			assertThat(this.jdbc.sql("""
					select bool_and(tx >= cast(? as xid8)) from inventory.stock_ledger
					where order_id = ? and kind = 'RELEASE'
					""").param(Long.toUnsignedString(snapshot.horizon())).param(order).query(Boolean.class).single())
				.as("order %d's release, read again, written at or above the horizon", order)
				.isTrue();
		}
	}

}
