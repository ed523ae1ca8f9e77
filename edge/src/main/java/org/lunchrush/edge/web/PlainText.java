package org.lunchrush.edge.web;

import java.util.Optional;

/**
 * The one rule for text that reaches the platform, in bodies, query parameters, paths and
 * the headers the API reads: valid Unicode without control characters. PostgreSQL refuses
 * NUL outright (an order note with one once poisoned the persistence pipeline); other
 * controls (line breaks, escape sequences, C1 controls) forge log lines and break the
 * single-line displays of the merchant and rider apps; a lone surrogate cannot be encoded
 * as UTF-8 at all. Every text field of the API is single-line, so none of them may hold a
 * control character, line breaks and tabs included.
 */
final class PlainText {

	private PlainText() {
	}

	/**
	 * @return why the text is refused, empty when it is plain text
	 */
	static Optional<String> problem(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return Optional.of("must be valid Unicode (lone surrogate at position " + i + ")");
			}
			if (Character.isLowSurrogate(c)) {
				return Optional.of("must be valid Unicode (lone surrogate at position " + i + ")");
			}
			if (isControl(c)) {
				return Optional.of("must not contain control characters (U+%04X at position %d)".formatted((int) c, i));
			}
		}
		return Optional.empty();
	}

	/**
	 * C0 controls, DEL and C1 controls.
	 */
	private static boolean isControl(char c) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F);
	}

}
