package org.lunchrush.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

/**
 * What a menu item's picture must be: JPEG, PNG or WebP, as declared by its
 * {@code Content-Type} and proven by its first bytes, at most {@value #MAX_BYTES} bytes
 * and {@value #MAX_SIDE}×{@value #MAX_SIDE} pixels. A JPEG or PNG must also decode
 * completely with ImageIO; a WebP (which the JDK cannot decode) must have a well-formed
 * RIFF header and a VP8, VP8L or VP8X chunk giving its size.
 */
final class PictureFormats {

	static final List<String> TYPES = List.of("image/jpeg", "image/png", "image/webp");

	/**
	 * The edge lets this route's body grow to the same size (RequestInputFilter).
	 */
	static final int MAX_BYTES = 1024 * 1024;

	static final int MAX_SIDE = 4096;

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private PictureFormats() {
	}

	/**
	 * A picture that passed every check.
	 *
	 * @param contentType one of {@link #TYPES}
	 * @param sha256 the bytes' SHA-256, hex
	 */
	record CheckedPicture(String contentType, byte[] bytes, String sha256, int width, int height) {
	}

	/**
	 * @param declared the request's {@code Content-Type}, parameters allowed
	 * @throws LunchrushException {@code UNSUPPORTED_MEDIA_TYPE} (scope {@code picture})
	 * when the type is not allowed, the bytes are not of the declared type or do not
	 * decode; {@code VALIDATION} when empty or too many pixels; {@code PAYLOAD_TOO_LARGE}
	 * over {@value #MAX_BYTES} bytes
	 */
	static CheckedPicture check(Optional<String> declared, byte[] bytes) {
		String type = declared.map((value) -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
		if (!TYPES.contains(type)) {
			throw unsupported("Content-Type must be image/jpeg, image/png or image/webp", declared.orElse(""),
					Optional.empty());
		}
		if (bytes.length == 0) {
			throw new LunchrushException(ErrorCode.VALIDATION,
					Map.of("field", "body", "reason", "the body must be the picture's bytes"));
		}
		if (bytes.length > MAX_BYTES) {
			throw new LunchrushException(ErrorCode.PAYLOAD_TOO_LARGE,
					Map.of("maxBytes", MAX_BYTES, "scope", "picture"));
		}
		Optional<String> detected = detect(bytes);
		if (!detected.equals(Optional.of(type))) {
			throw unsupported("the bytes are not " + type, type, detected);
		}
		int[] size = "image/webp".equals(type) ? webpSize(bytes) : decodedSize(type, bytes);
		if (size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
			throw new LunchrushException(ErrorCode.VALIDATION,
					Map.of("field", "body", "reason", "the picture must be at most %d×%d pixels (this one is %d×%d)"
						.formatted(MAX_SIDE, MAX_SIDE, size[0], size[1]), "width", size[0], "height", size[1]));
		}
		return new CheckedPicture(type, bytes, sha256(bytes), size[0], size[1]);
	}

	/**
	 * @return the type the first bytes say, empty for none of {@link #TYPES}
	 */
	static Optional<String> detect(byte[] bytes) {
		if (startsWith(bytes, JPEG)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(bytes, PNG)) {
			return Optional.of("image/png");
		}
		if (bytes.length >= 12 && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/**
	 * Reads the size from the header first, so that a small file declaring a huge image
	 * is refused before its pixels are allocated, then decodes every pixel. Read from
	 * memory: ImageIO's default stream would cache on disk.
	 */
	private static int[] decodedSize(String type, byte[] bytes) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
		if (!readers.hasNext()) {
			throw new IllegalStateException("No ImageIO reader for " + type);
		}
		ImageReader reader = readers.next();
		int width;
		int height;
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			width = reader.getWidth(0);
			height = reader.getHeight(0);
			if (width <= MAX_SIDE && height <= MAX_SIDE) {
				reader.read(0);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw unsupported("the picture cannot be decoded as " + type, type, Optional.of(type));
		}
		finally {
			reader.dispose();
		}
		return new int[] { width, height };
	}

	/**
	 * The size a WebP file's header gives (lossy VP8, lossless VP8L or extended VP8X).
	 */
	private static int[] webpSize(byte[] b) {
		long riffSize = u32(b, 4);
		if (b.length < 30 || riffSize + 8 > b.length || riffSize < 22) {
			throw unsupported("the WebP header is incomplete", "image/webp", Optional.of("image/webp"));
		}
		switch (ascii(b, 12, 4)) {
			case "VP8X" -> {
				return new int[] { 1 + u24(b, 24), 1 + u24(b, 27) };
			}
			case "VP8L" -> {
				if (b[20] == 0x2F) {
					long bits = u32(b, 21);
					return new int[] { 1 + (int) (bits & 0x3FFF), 1 + (int) ((bits >> 14) & 0x3FFF) };
				}
			}
			case "VP8 " -> {
				if ((b[23] & 0xFF) == 0x9D && (b[24] & 0xFF) == 0x01 && (b[25] & 0xFF) == 0x2A) {
					return new int[] { u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF };
				}
			}
			default -> {
			}
		}
		throw unsupported("the WebP header is not VP8, VP8L or VP8X", "image/webp", Optional.of("image/webp"));
	}

	private static LunchrushException unsupported(String reason, String contentType, Optional<String> detected) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("scope", "picture");
		details.put("reason", reason);
		details.put("contentType", contentType);
		details.put("detected", detected.orElse("unknown"));
		details.put("allowed", TYPES);
		return new LunchrushException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, details);
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static String ascii(byte[] bytes, int from, int length) {
		return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
	}

	private static int u16(byte[] b, int at) {
		return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
	}

	private static int u24(byte[] b, int at) {
		return u16(b, at) | (b[at + 2] & 0xFF) << 16;
	}

	private static long u32(byte[] b, int at) {
		return (u24(b, at) | (long) (b[at + 3] & 0xFF) << 24);
	}

}
