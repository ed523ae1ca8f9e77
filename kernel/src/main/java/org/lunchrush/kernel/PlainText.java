package org.lunchrush.kernel;

/**
 * Text as the platform stores it: valid Unicode without control characters. PostgreSQL
 * refuses a NUL byte, and a control character or a lone surrogate in a name or a note is
 * never what a person meant; the edge refuses such input, and whatever must be stored
 * anyway (a record already on the order stream, a dead letter) is stripped with
 * {@link #storable}.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * @return true when the text holds no control character (C0, DEL, C1) and no lone
	 * surrogate
	 */
	public static boolean isPlain(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return the text without its control characters and lone surrogates; {@code null}
	 * stays {@code null}
	 */
	public static String storable(String text) {
		if (text == null || isPlain(text)) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				kept.append(c).append(text.charAt(++i));
			}
			else if (!Character.isISOControl(c) && !Character.isSurrogate(c)) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

}
