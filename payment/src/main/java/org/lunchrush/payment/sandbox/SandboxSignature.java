package org.lunchrush.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of the raw notification body with the merchant key, hex encoded, as the
 * sandbox provider signs its notifications.
 */
public final class SandboxSignature {

	private static final String ALGORITHM = "HmacSHA256";

	private SandboxSignature() {
	}

	public static String sign(byte[] body, String merchantKey) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(merchantKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

	/**
	 * Compares in constant time, so a forger learns nothing from how long a refusal
	 * takes.
	 */
	public static boolean matches(byte[] body, String signature, String merchantKey) {
		byte[] expected = sign(body, merchantKey).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
	}

}
