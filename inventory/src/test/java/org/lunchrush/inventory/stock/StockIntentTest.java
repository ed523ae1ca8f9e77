package org.lunchrush.inventory.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lunchrush.inventory.HeldStock;
import org.lunchrush.inventory.StockIntent;
import org.lunchrush.inventory.StockLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StockIntentTest {

	@Test
	void anIntentIsReadBackAsItWasWrittenBesideTheCounter() {
		HeldStock held = LiveStock.decode(7, LocalDate.of(2026, 12, 6), 42L,
				"app-2|1796555155357|s17 c99|1001:2,1002:1");
		assertThat(held.merchantId()).isEqualTo(7);
		assertThat(held.lines()).containsExactly(new StockLine(1001, 2), new StockLine(1002, 1));
		assertThat(held.intent())
			.isEqualTo(new StockIntent(42L, "app-2", Instant.ofEpochMilli(1796555155357L), "s17 c99"));
	}

	@Test
	void aHolderIsAnInstanceNameAndANoteCannotBreakTheEncoding() {
		Instant now = Instant.now();
		assertThatIllegalArgumentException().isThrownBy(() -> new StockIntent(1, "app 1", now, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new StockIntent(1, "", now, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new StockIntent(1, "app-1", now, "s1|c2"));
		assertThatIllegalArgumentException().isThrownBy(() -> new StockIntent(1, "app-1", now, "s1\nc2"));
		assertThat(new StockIntent(1, "vm:18081", now, "s1 c0").holder()).isEqualTo("vm:18081");
	}

}
