package org.lunchrush.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves menu item pictures to anyone ({@code <img>} tags send no token): the stored
 * bytes with their stored type, never sniffed, never run as a document.
 */
@RestController
class ItemPictureController {

	/**
	 * For a URL that names the current version: its bytes never change.
	 */
	static final String FOR_GOOD = "public, max-age=31536000, immutable";

	/**
	 * For any other URL (no version, an old one): the bytes may change, so a cache asks
	 * again each time (and gets a {@code 304} while its ETag matches).
	 */
	static final String ASK_AGAIN = "no-cache";

	private final ItemPictures pictures;

	ItemPictureController(ItemPictures pictures) {
		this.pictures = pictures;
	}

	@GetMapping("/api/v1/items/{itemId}/picture")
	ResponseEntity<byte[]> picture(@PathVariable long itemId, @RequestParam(name = "v", required = false) String v,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		Optional<String> version = Optional.ofNullable(v);
		CatalogStore.StoredPicture picture = this.pictures.current(itemId, version)
			.orElseThrow(
					() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("itemId", itemId, "picture", "none")));
		String etag = "\"" + picture.sha256() + "\"";
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(etag);
		headers.setCacheControl(version.filter(picture.version()::equals).isPresent() ? FOR_GOOD : ASK_AGAIN);
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Content-Security-Policy", "default-src 'none'");
		if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
			return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
		}
		headers.setContentType(MediaType.parseMediaType(picture.contentType()));
		headers.setContentLength(picture.bytes().length);
		return new ResponseEntity<>(picture.bytes(), headers, HttpStatus.OK);
	}

	private static boolean matches(String ifNoneMatch, String etag) {
		return Arrays.stream(ifNoneMatch.split(","))
			.map(String::strip)
			.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch((tag) -> tag.equals(etag) || tag.equals("*"));
	}

}
