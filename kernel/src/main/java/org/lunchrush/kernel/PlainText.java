package org.lunchrush.kernel;

import java.util.Optional;

/**
 * The one rule for text that reaches the platform: valid Unicode without control
 * characters. PostgreSQL refuses a NUL byte outright (an order note with one once
 * poisoned the persistence pipeline); other controls (line breaks, escape sequences, C1
 * controls) forge log lines and break single-line displays; a lone surrogate cannot be
 * encoded as UTF-8 at all. Every text field of the API is single-line, so the edge
 * refuses any of them in bodies, query parameters, paths and the headers it reads;
 * whatever must be stored anyway (a record already on the order stream, a dead letter) is
 * stripped with {@link #storable}.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * @return true when the text holds no control character (C0, DEL, C1) and no lone
	 * surrogate
	 */
	public static boolean isPlain(CharSequence text) {
		return problem(text).isEmpty();
	}

	/**
	 * @return why the text is not plain (for a client to read), empty when it is
	 */
	public static Optional<String> problem(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return Optional.of("must be valid Unicode (lone surrogate at position " + i + ")");
			}
			else if (Character.isISOControl(c)) {
				return Optional.of("must not contain control characters (U+%04X at position %d)".formatted((int) c, i));
			}
		}
		return Optional.empty();
	}

	/**
	 * @return the text without its control characters and lone surrogates; {@code null}
	 * stays {@code null}
	 */
	public static String storable(String text) {
		if (text == null || isPlain(text)) {
			return text;
		}
		// A lone surrogate is a code point of its own in the surrogate range; a pair is
		// one
		// code point above it.
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints()
			.filter((point) -> !Character.isISOControl(point) && Character.getType(point) != Character.SURROGATE)
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
