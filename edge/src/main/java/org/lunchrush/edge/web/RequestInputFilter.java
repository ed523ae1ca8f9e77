package org.lunchrush.edge.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.PlainText;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The first thing every request meets, before security, rate limits or any controller:
 * the body is capped ({@link #MAX_BODY_BYTES}; {@link #MAX_PICTURE_BYTES} for the one
 * route that takes a picture), and the path, the query parameters and the headers the API
 * reads must be plain text ({@link PlainText}). A request refused here has changed
 * nothing: no token was consumed, no stock reserved, no idempotency key used.
 */
class RequestInputFilter extends OncePerRequestFilter {

	/**
	 * The largest order (50 lines, a 200-character note) is under 4 KB; 64 KB leaves room
	 * for any honest body and none for a memory-filling one.
	 */
	static final int MAX_BODY_BYTES = 64 * 1024;

	/**
	 * The one exception to {@link #MAX_BODY_BYTES}: a menu item's picture, sent as raw
	 * image bytes to {@code PUT /api/v1/merchant/items/{itemId}/picture}. A photo of a
	 * dish needs more than 64 KB; 1 MiB is enough for one a phone screen shows well, and
	 * the catalog checks the bytes (type, decoding, dimensions) before it keeps any.
	 */
	static final int MAX_PICTURE_BYTES = 1024 * 1024;

	/**
	 * Matched on the method and the raw path's exact shape (a numeric id, nothing after),
	 * so that no other route, and no path that merely contains this one, gains the larger
	 * cap.
	 */
	private static final Pattern PICTURE_UPLOAD = Pattern.compile("/api/v1/merchant/items/[0-9]{1,19}/picture");

	/**
	 * Headers whose value the platform reads and stores.
	 */
	private static final List<String> CHECKED_HEADERS = List.of("Idempotency-Key");

	private final ErrorResponses errors;

	RequestInputFilter(ErrorResponses errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BodyCap cap = BodyCap.of(request);
		long declared = request.getContentLengthLong();
		if (declared > cap.maxBytes()) {
			this.errors.write(ErrorCode.PAYLOAD_TOO_LARGE, cap.refusal(), request, response);
			return;
		}
		Optional<Map<String, String>> problem = pathProblem(request).or(() -> queryProblem(request))
			.or(() -> headerProblem(request));
		if (problem.isPresent()) {
			this.errors.write(ErrorCode.VALIDATION, Map.of("fields", List.of(problem.get())), request, response);
			return;
		}
		chain.doFilter(new CappedRequest(request, cap), response);
	}

	/**
	 * How large a request's body may be, and the details a refusal carries.
	 *
	 * @param scope names the refusal's message ({@code error.PAYLOAD_TOO_LARGE.picture})
	 */
	private record BodyCap(long maxBytes, Optional<String> scope) {

		static BodyCap of(HttpServletRequest request) {
			if ("PUT".equals(request.getMethod()) && PICTURE_UPLOAD.matcher(request.getRequestURI()).matches()) {
				return new BodyCap(MAX_PICTURE_BYTES, Optional.of("picture"));
			}
			return new BodyCap(MAX_BODY_BYTES, Optional.empty());
		}

		Map<String, Object> refusal() {
			return this.scope.<Map<String, Object>>map((name) -> Map.of("maxBytes", this.maxBytes, "scope", name))
				.orElseGet(() -> Map.of("maxBytes", this.maxBytes));
		}

	}

	private static Optional<Map<String, String>> pathProblem(HttpServletRequest request) {
		String decoded;
		try {
			decoded = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(field("path", "is not a valid percent-encoded URL path"));
		}
		return PlainText.problem(decoded).map((reason) -> field("path", reason));
	}

	/**
	 * Read from the raw query string rather than through the container's parameter
	 * parsing, which would also read a form body and silently drops what it cannot
	 * decode.
	 */
	private static Optional<Map<String, String>> queryProblem(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return Optional.empty();
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String rawName = (equals < 0) ? pair : pair.substring(0, equals);
			String rawValue = (equals < 0) ? "" : pair.substring(equals + 1);
			String name;
			String value;
			try {
				name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
				value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return Optional.of(field("query", "is not a valid percent-encoded query string"));
			}
			Optional<String> nameProblem = PlainText.problem(name);
			if (nameProblem.isPresent()) {
				return Optional.of(field("query", "parameter name " + nameProblem.get()));
			}
			Optional<String> valueProblem = PlainText.problem(value);
			if (valueProblem.isPresent()) {
				return Optional.of(field(name, valueProblem.get()));
			}
		}
		return Optional.empty();
	}

	private static Optional<Map<String, String>> headerProblem(HttpServletRequest request) {
		for (String header : CHECKED_HEADERS) {
			var values = request.getHeaders(header);
			while (values != null && values.hasMoreElements()) {
				Optional<String> problem = PlainText.problem(values.nextElement());
				if (problem.isPresent()) {
					return Optional.of(field(header, problem.get()));
				}
			}
		}
		return Optional.empty();
	}

	private static Map<String, String> field(String field, String reason) {
		return Map.of("field", field, "reason", reason);
	}

	/**
	 * Counts the bytes of the body as they are read, for bodies sent without a length
	 * (chunked).
	 */
	private static final class CappedRequest extends HttpServletRequestWrapper {

		private final BodyCap cap;

		private ServletInputStream stream;

		CappedRequest(HttpServletRequest request, BodyCap cap) {
			super(request);
			this.cap = cap;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CappedInputStream(super.getInputStream(), this.cap);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class CappedInputStream extends ServletInputStream {

		private final ServletInputStream body;

		private final BodyCap cap;

		private long read;

		CappedInputStream(ServletInputStream body, BodyCap cap) {
			this.body = body;
			this.cap = cap;
		}

		@Override
		public int read() throws IOException {
			int b = this.body.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.body.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws PayloadTooLargeException {
			this.read += n;
			if (this.read > this.cap.maxBytes()) {
				throw new PayloadTooLargeException(this.cap.maxBytes(), this.cap.refusal());
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}
