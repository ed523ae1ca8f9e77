package org.lunchrush.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

	@ParameterizedTest
	@ValueSource(strings = { "", "少放辣", "no onions, please", "🍜 加蛋", "a b\u00a0c" })
	void acceptsWhatAPersonTypes(String text) {
		assertThat(PlainText.isPlain(text)).isTrue();
		assertThat(PlainText.storable(text)).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "a\nb", "a\tb", "a\u007fb", "a\u0085b", "a\ud83cb", "a\udf5cb", "\ud83c" })
	void refusesControlCharactersAndLoneSurrogates(String text) {
		assertThat(PlainText.isPlain(text)).isFalse();
		assertThat(PlainText.storable(text)).isEqualTo(text.length() == 1 ? "" : "ab");
	}

	@Test
	void keepsWholeSurrogatePairsWhileStrippingTheRest() {
		assertThat(PlainText.storable("\u0000🍜\ud83c")).isEqualTo("🍜");
	}

	@Test
	void leavesNothingAsNothing() {
		assertThat(PlainText.storable(null)).isNull();
	}

}
