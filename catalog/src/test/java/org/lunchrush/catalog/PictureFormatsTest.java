package org.lunchrush.catalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PictureFormatsTest {

	static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xCC3300);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, out)).isTrue();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The smallest header of a lossless WebP: RIFF, its size, WEBP, a VP8L chunk whose
	 * 14-bit fields give the width and height less one.
	 */
	static byte[] webpLossless(int width, int height) {
		byte[] b = new byte[40];
		put(b, 0, "RIFF");
		int riff = b.length - 8;
		b[4] = (byte) riff;
		put(b, 8, "WEBPVP8L");
		b[16] = 10;
		b[20] = 0x2F;
		long bits = (width - 1) | ((long) (height - 1) << 14);
		for (int i = 0; i < 4; i++) {
			b[21 + i] = (byte) (bits >> (8 * i));
		}
		return b;
	}

	private static void put(byte[] b, int at, String ascii) {
		byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(text, 0, b, at, text.length);
	}

	private static ErrorCode refusal(String contentType, byte[] bytes) {
		try {
			PictureFormats.check(Optional.ofNullable(contentType), bytes);
		}
		catch (LunchrushException ex) {
			return ex.code();
		}
		throw new AssertionError("not refused");
	}

	@Nested
	class Accepts {

		@Test
		void aPngThatDecodes() {
			PictureFormats.CheckedPicture picture = PictureFormats.check(Optional.of("image/png"),
					image("png", 20, 10));
			assertThat(picture.contentType()).isEqualTo("image/png");
			assertThat(picture.width()).isEqualTo(20);
			assertThat(picture.height()).isEqualTo(10);
			assertThat(picture.sha256()).hasSize(64);
		}

		@Test
		void aJpegWithParametersInItsContentType() {
			assertThat(
					PictureFormats.check(Optional.of("Image/JPEG; charset=binary"), image("jpg", 8, 8)).contentType())
				.isEqualTo("image/jpeg");
		}

		@Test
		void aWebpWithAWellFormedHeader() {
			PictureFormats.CheckedPicture picture = PictureFormats.check(Optional.of("image/webp"),
					webpLossless(300, 200));
			assertThat(picture.width()).isEqualTo(300);
			assertThat(picture.height()).isEqualTo(200);
		}

		@Test
		void aPictureOfTheLargestSize() {
			assertThat(PictureFormats.check(Optional.of("image/png"), image("png", 4096, 1)).width()).isEqualTo(4096);
		}

	}

	@Nested
	class Refuses {

		@Test
		void aPngDeclaredAsJpeg() {
			assertThat(refusal("image/jpeg", image("png", 4, 4))).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		}

		@Test
		void aTextFileWhateverItsDeclaredType() {
			byte[] text = "not a picture at all".getBytes(StandardCharsets.UTF_8);
			assertThat(refusal("image/png", text)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
			assertThat(refusal("text/plain", text)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
			assertThat(refusal(null, text)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		}

		@Test
		void anAllowedTypeThatIsNotAllowedHere() {
			assertThat(refusal("image/gif", image("gif", 4, 4))).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		}

		@Test
		void aTruncatedPng() {
			byte[] png = image("png", 64, 64);
			assertThat(refusal("image/png", Arrays.copyOf(png, png.length / 2)))
				.isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		}

		@Test
		void aJpegThatIsOnlyItsMagicBytes() {
			assertThat(refusal("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0 }))
				.isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		}

		@Test
		void aWebpWithoutAnImageChunk() {
			byte[] webp = webpLossless(10, 10);
			put(webp, 12, "JUNK");
			assertThat(refusal("image/webp", webp)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
		}

		@Test
		void morePixelsThanAllowed() {
			assertThat(refusal("image/png", image("png", 4097, 1))).isEqualTo(ErrorCode.VALIDATION);
			assertThat(refusal("image/webp", webpLossless(1, 5000))).isEqualTo(ErrorCode.VALIDATION);
		}

		@Test
		void anEmptyBody() {
			assertThat(refusal("image/png", new byte[0])).isEqualTo(ErrorCode.VALIDATION);
		}

		@Test
		void overOneMebibyte() {
			byte[] big = Arrays.copyOf(image("png", 4, 4), PictureFormats.MAX_BYTES + 1);
			assertThatThrownBy(() -> PictureFormats.check(Optional.of("image/png"), big)).isInstanceOfSatisfying(
					LunchrushException.class,
					(ex) -> assertThat(ex.details()).containsEntry("maxBytes", PictureFormats.MAX_BYTES));
		}

	}

}
