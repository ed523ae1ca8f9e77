package org.lunchrush.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A text file shipped beside a class (a Lua script, say), read once. A script handed to
 * Spring Data Redis as a classpath resource is asked at every call whether it changed,
 * which resolves its URL again, through the nested jar of the packaged platform: on the
 * order path that cost a fifth of the CPU (issue 13's profile). Read once, it is a
 * constant.
 */
public final class ClasspathText {

	private ClasspathText() {
	}

	/**
	 * @param anchor the class whose package holds the file
	 * @param name the file's name in that package
	 * @return the file's text, UTF-8
	 * @throws IllegalStateException when there is no such file
	 */
	public static String of(Class<?> anchor, String name) {
		try (InputStream in = anchor.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing beside " + anchor.getName());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
