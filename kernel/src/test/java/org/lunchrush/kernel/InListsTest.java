package org.lunchrush.kernel;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InListsTest {

	@Test
	void splitsIntoListsOfAtMostTenThousandKeepingEveryValueOnce() {
		List<Integer> values = IntStream.range(0, 25_001).boxed().toList();

		List<List<Integer>> lists = InLists.of(values);

		assertThat(lists).extracting(List::size).containsExactly(10_000, 10_000, 5_001);
		assertThat(lists.stream().flatMap(List::stream).toList()).isEqualTo(values);
	}

	@Test
	void nothingToSplitGivesNoList() {
		assertThat(InLists.of(List.of())).isEmpty();
	}

}
