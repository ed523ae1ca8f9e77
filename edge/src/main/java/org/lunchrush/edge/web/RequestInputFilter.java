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
 * the body is capped ({@link #MAX_BODY_BYTES}), and the path, the query parameters and
 * the headers the API reads must be plain text ({@link PlainText}). A request refused
 * here has changed nothing: no token was consumed, no stock reserved, no idempotency key
 * used.
 */
class RequestInputFilter extends OncePerRequestFilter {

	/**
	 * The largest order (50 lines, a 200-character note) is under 4 KB; 64 KB leaves room
	 * for any honest body and none for a memory-filling one.
	 */
	static final int MAX_BODY_BYTES = 64 * 1024;

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
		long declared = request.getContentLengthLong();
		if (declared > MAX_BODY_BYTES) {
			this.errors.write(ErrorCode.PAYLOAD_TOO_LARGE, Map.of("maxBytes", MAX_BODY_BYTES), request, response);
			return;
		}
		Optional<Map<String, String>> problem = pathProblem(request).or(() -> queryProblem(request))
			.or(() -> headerProblem(request));
		if (problem.isPresent()) {
			this.errors.write(ErrorCode.VALIDATION, Map.of("fields", List.of(problem.get())), request, response);
			return;
		}
		chain.doFilter(new CappedRequest(request, MAX_BODY_BYTES), response);
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

		private final long limit;

		private ServletInputStream stream;

		CappedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CappedInputStream(super.getInputStream(), this.limit);
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

		private final long limit;

		private long read;

		CappedInputStream(ServletInputStream body, long limit) {
			this.body = body;
			this.limit = limit;
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
			if (this.read > this.limit) {
				throw new PayloadTooLargeException(this.limit);
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
