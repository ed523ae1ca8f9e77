package org.lunchrush.edge.web;

import java.time.OffsetDateTime;

import org.lunchrush.kernel.PlainText;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StrictJsonTest {

	private static final JsonMapper STRICT = StrictJsonConfiguration.strict(JsonMapper.builder());

	record Line(Long itemId, Integer quantity, Boolean gift, String note) {
	}

	record Window(OffsetDateTime from) {
	}

	@Nested
	class PlainTextRule {

		@ParameterizedTest
		@ValueSource(strings = { "a\u0000b", "a\nb", "a\tb", "a\u001bb", "a\u007fb", "a\u0085b", "a\u009fb", "a\ud800b",
				"a\udc00b", "\ud800" })
		void refusesControlCharactersAndLoneSurrogates(String text) {
			assertThat(PlainText.problem(text)).isPresent();
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "少辣，多醋", "no onions please", "🌶️🍜", "Ａ全角", "\u00a0nbsp", "é" })
		void acceptsPrintableTextInAnyScriptAndPairedSurrogates(String text) {
			assertThat(PlainText.problem(text)).isEmpty();
		}

	}

	@Nested
	class Reading {

		@Test
		void readsAWellTypedBody() {
			Line line = STRICT.readValue("{\"itemId\": 7, \"quantity\": 2, \"gift\": false, \"note\": \"少辣\"}",
					Line.class);
			assertThat(line).isEqualTo(new Line(7L, 2, false, "少辣"));
		}

		@Test
		void ignoresUnknownFields() {
			assertThat(STRICT.readValue("{\"itemId\": 7, \"priceCents\": 1}", Line.class).itemId()).isEqualTo(7L);
		}

		@ParameterizedTest
		@ValueSource(strings = { "{\"quantity\": 1.5}", "{\"quantity\": 1.0}", "{\"quantity\": \"1\"}",
				"{\"quantity\": true}", "{\"quantity\": \"\"}", "{\"itemId\": 7.0}", "{\"gift\": \"false\"}",
				"{\"gift\": 0}", "{\"gift\": \"\"}", "{\"note\": 5}", "{\"note\": true}", "{\"note\": [\"a\"]}",
				"{\"note\": \"a\\u0000b\"}", "{\"note\": \"a\\ud800\"}", "{\"quantity\": 4294967297}" })
		void refusesCoercionsAndBadTextNamingTheField(String json) {
			JacksonException refusal = catchThrowableOfType(JacksonException.class,
					() -> STRICT.readValue(json, Line.class));
			assertThat(refusal).isNotNull();
			String field = json.substring(2, json.indexOf('"', 2));
			assertThat(JsonFields.path(refusal)).isEqualTo(field);
		}

		@ParameterizedTest
		@ValueSource(strings = { "{\"itemId\": 7} {}", "{\"note\": \"a\", \"note\": \"b\"}" })
		void refusesContentAfterTheValueAndDuplicateKeys(String json) {
			assertThat(catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(json, Line.class)))
				.isNotNull();
		}

		@Test
		void readsDateTimesOnlyFromIsoStrings() {
			assertThat(STRICT.readValue("{\"from\": \"2026-12-05T12:00:00+08:00\"}", Window.class).from())
				.isEqualTo(OffsetDateTime.parse("2026-12-05T12:00:00+08:00"));
			JacksonException refusal = catchThrowableOfType(JacksonException.class,
					() -> STRICT.readValue("{\"from\": 1700000000}", Window.class));
			assertThat(JsonFields.path(refusal)).isEqualTo("from");
			assertThat(JsonFields.reason(refusal)).contains("ISO-8601");
		}

		@Test
		void namesTheReasonOfAControlCharacterWithItsCodePoint() {
			JacksonException refusal = catchThrowableOfType(JacksonException.class,
					() -> STRICT.readValue("{\"note\": \"ab\\u0000\"}", Line.class));
			assertThat(JsonFields.reason(refusal)).contains("U+0000").contains("position 2");
		}

	}

}
