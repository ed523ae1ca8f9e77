package org.lunchrush.ordering.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrphanRepairTest {

	@Test
	void anIntentsNoteNamesTheStudentAndTheCoupon() {
		assertThat(OrphanRepair.parse("s17 c99")).containsExactly(17, 99);
		assertThat(OrphanRepair.parse("s17 c0")).containsExactly(17, 0);
	}

	@Test
	void aNoteOfSomethingElseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrphanRepair.parse("s17"));
		assertThatIllegalArgumentException().isThrownBy(() -> OrphanRepair.parse("x17 c1"));
		assertThatIllegalArgumentException().isThrownBy(() -> OrphanRepair.parse(""));
	}

}
