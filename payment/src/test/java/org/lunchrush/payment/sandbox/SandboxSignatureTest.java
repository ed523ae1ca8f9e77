package org.lunchrush.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSignatureTest {

	private static final String KEY = "sandbox-merchant-key-0123456789abcdef";

	private static final byte[] BODY = "{\"paymentId\":\"p-1\",\"status\":\"SUCCEEDED\",\"amountCents\":3600}"
		.getBytes(StandardCharsets.UTF_8);

	private static String hmacSha256Hex(byte[] body, String key) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body));
	}

	@Nested
	class Signing {

		@Test
		void signsWithHmacSha256AsLowerCaseHex() throws Exception {
			assertThat(SandboxSignature.sign(BODY, KEY)).isEqualTo(hmacSha256Hex(BODY, KEY)).matches("[0-9a-f]{64}");
		}

		@Test
		void matchesThePublishedHmacSha256TestVector() {
			// RFC 4231, test case 2
			byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

			assertThat(SandboxSignature.sign(data, "Jefe"))
				.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
		}

		@Test
		void dependsOnTheKey() {
			assertThat(SandboxSignature.sign(BODY, KEY)).isNotEqualTo(SandboxSignature.sign(BODY, KEY + "x"));
		}

	}

	@Nested
	class Verifying {

		@Test
		void acceptsTheSignatureOfTheBody() throws Exception {
			assertThat(SandboxSignature.matches(BODY, hmacSha256Hex(BODY, KEY), KEY)).isTrue();
		}

		@Test
		void acceptsTheSignatureInUpperCaseHex() throws Exception {
			String upper = hmacSha256Hex(BODY, KEY).toUpperCase(Locale.ROOT);

			assertThat(SandboxSignature.matches(BODY, upper, KEY)).isTrue();
		}

		@Test
		void acceptsTheSignatureWithSurroundingWhitespace() throws Exception {
			assertThat(SandboxSignature.matches(BODY, " " + hmacSha256Hex(BODY, KEY) + "\n", KEY)).isTrue();
		}

		@Test
		void refusesATamperedBody() throws Exception {
			String signature = hmacSha256Hex(BODY, KEY);
			byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("3600", "1")
				.getBytes(StandardCharsets.UTF_8);

			assertThat(SandboxSignature.matches(tampered, signature, KEY)).isFalse();
		}

		@Test
		void refusesASignatureMadeWithAnotherKey() throws Exception {
			String forged = hmacSha256Hex(BODY, "not-the-merchant-key");

			assertThat(SandboxSignature.matches(BODY, forged, KEY)).isFalse();
		}

		@Test
		void refusesASignatureWithOneDigitChanged() throws Exception {
			String signature = hmacSha256Hex(BODY, KEY);
			char last = signature.charAt(signature.length() - 1);
			String altered = signature.substring(0, signature.length() - 1) + (last == '0' ? '1' : '0');

			assertThat(SandboxSignature.matches(BODY, altered, KEY)).isFalse();
		}

		@Test
		void refusesATruncatedSignature() throws Exception {
			String signature = hmacSha256Hex(BODY, KEY);

			assertThat(SandboxSignature.matches(BODY, signature.substring(0, 63), KEY)).isFalse();
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "   ", "not-a-signature", "sha256=deadbeef", "签名" })
		void refusesGarbage(String garbage) {
			assertThat(SandboxSignature.matches(BODY, garbage, KEY)).isFalse();
		}

	}

}
