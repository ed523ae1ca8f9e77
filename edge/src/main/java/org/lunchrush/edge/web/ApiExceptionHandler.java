package org.lunchrush.edge.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into the API's error body. Bad input is always a 4xx with a stable
 * code; only a fault of the platform itself is a 500, and it never shows a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final Duration UNREACHABLE_QUIET = Duration.ofSeconds(10);

	private final ErrorResponses errors;

	private volatile long unreachableQuietUntil = System.nanoTime();

	ApiExceptionHandler(ErrorResponses errors) {
		this.errors = errors;
	}

	@ExceptionHandler(LunchrushException.class)
	ResponseEntity<Map<String, Object>> refused(LunchrushException ex, HttpServletRequest request) {
		ResponseEntity<Map<String, Object>> answer = answer(ex.code(), ex.details(), request);
		if (ex.code() == ErrorCode.BUSY) {
			// Intake is back within seconds (a rebuild, a broker failing over): tell
			// clients when to try again rather than leave them to hammer it.
			return ResponseEntity.status(answer.getStatusCode())
				.headers(answer.getHeaders())
				.header("Retry-After", "1")
				.body(answer.getBody());
		}
		if (ex.details().get("retryAfterSeconds") instanceof Number seconds) {
			// A refusal that knows when it will be lifted (a 催单 too soon) says so.
			return ResponseEntity.status(answer.getStatusCode())
				.headers(answer.getHeaders())
				.header("Retry-After", Long.toString(seconds.longValue()))
				.body(answer.getBody());
		}
		return answer;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Map<String, Object>> invalidBody(MethodArgumentNotValidException ex, HttpServletRequest request) {
		List<Map<String, String>> fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "reason", String.valueOf(error.getDefaultMessage())))
			.toList();
		return answer(ErrorCode.VALIDATION, Map.of("fields", fields), request);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<Map<String, Object>> invalidParameters(HandlerMethodValidationException ex,
			HttpServletRequest request) {
		List<Map<String, String>> fields = ex.getParameterValidationResults()
			.stream()
			.map(ApiExceptionHandler::describe)
			.toList();
		return answer(ErrorCode.VALIDATION, Map.of("fields", fields), request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		Optional<PayloadTooLargeException> tooLarge = cause(ex, PayloadTooLargeException.class);
		if (tooLarge.isPresent()) {
			return tooLarge(tooLarge.get(), request);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", "body is not valid JSON of the expected shape");
		cause(ex, JacksonException.class).filter((json) -> !json.getPath().isEmpty())
			.ifPresent((json) -> details.put("fields",
					List.of(Map.of("field", JsonFields.path(json), "reason", JsonFields.reason(json)))));
		return answer(ErrorCode.VALIDATION, details, request);
	}

	/**
	 * A body without a length that grew past the cap while it was read (bodies that
	 * declare their length are refused before, by {@link RequestInputFilter}).
	 */
	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<Map<String, Object>> tooLarge(PayloadTooLargeException ex, HttpServletRequest request) {
		return answer(ErrorCode.PAYLOAD_TOO_LARGE, ex.details(), request);
	}

	/**
	 * Parameter constraints checked by a controller's {@code @Validated} proxy rather
	 * than by Spring MVC itself.
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Map<String, Object>> violated(ConstraintViolationException ex, HttpServletRequest request) {
		List<Map<String, String>> fields = ex.getConstraintViolations()
			.stream()
			.map((violation) -> Map.of("field", lastNode(violation.getPropertyPath()), "reason",
					String.valueOf(violation.getMessage())))
			.toList();
		return answer(ErrorCode.VALIDATION, Map.of("fields", fields), request);
	}

	/**
	 * A request that matches a route's path but not its required parameters, such as
	 * {@code GET /api/v1/orders} without {@code mine}.
	 */
	@ExceptionHandler(UnsatisfiedServletRequestParameterException.class)
	ResponseEntity<Map<String, Object>> unsatisfied(UnsatisfiedServletRequestParameterException ex,
			HttpServletRequest request) {
		List<String> expected = ex.getParamConditionGroups().stream().map((group) -> String.join("&", group)).toList();
		return answer(ErrorCode.VALIDATION, Map.of("reason", "required query parameters missing", "expected", expected),
				request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return answer(ErrorCode.VALIDATION, Map.of("field", ex.getName(), "reason", "wrong type"), request);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MissingRequestHeaderException.class })
	ResponseEntity<Map<String, Object>> missing(Exception ex, HttpServletRequest request) {
		return answer(ErrorCode.VALIDATION, Map.of("reason", ex.getMessage()), request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return answer(ErrorCode.METHOD_NOT_ALLOWED, Map.of("method", ex.getMethod()), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return answer(ErrorCode.UNSUPPORTED_MEDIA_TYPE, Map.of(), request);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException ex, HttpServletRequest request) {
		return answer(ErrorCode.NOT_FOUND, Map.of("path", request.getRequestURI()), request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Map<String, Object>> denied(AccessDeniedException ex, HttpServletRequest request) {
		return answer(ErrorCode.FORBIDDEN, Map.of(), request);
	}

	/**
	 * The client went away while its answer was still being written (a live event stream
	 * it closed): nobody is left to answer, and nothing went wrong on the platform. (With
	 * the response parameter, Spring MVC takes the response as handled.)
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void clientGone(AsyncRequestNotUsableException ex, HttpServletResponse response) {
		log.debug("Client gone: {}", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> fault(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
			// Spring MVC's own refusals (a type it cannot produce, a binding problem):
			// the client's fault, answered with the code for their status.
			return answer(StatusCodes.of(framework.getStatusCode().value()), Map.of(), request);
		}
		if (unreachable(ex)) {
			// Redis or PostgreSQL does not answer this process (a cut network, a pool
			// exhausted, a command timed out) or failed it for a moment (a
			// serialization failure): nothing of the request was decided, and another
			// try (another process, a second later) may well succeed. Said once every
			// ten seconds: an outage would otherwise write a line per request.
			long now = System.nanoTime();
			long quietUntil = this.unreachableQuietUntil;
			if (now - quietUntil >= 0) {
				this.unreachableQuietUntil = now + UNREACHABLE_QUIET.toNanos();
				log.warn(
						"{} {} answered BUSY: a service did not answer or failed for a moment ({}); not logged again for {}",
						request.getMethod(), request.getRequestURI(), ex.toString(), UNREACHABLE_QUIET);
			}
			return refused(new LunchrushException(ErrorCode.BUSY, Map.of("reason", "service unreachable")), request);
		}
		log.error("Unhandled failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(ErrorCode.INTERNAL, Map.of(), request);
	}

	private ResponseEntity<Map<String, Object>> answer(ErrorCode code, Map<String, ?> details,
			HttpServletRequest request) {
		return ResponseEntity.status(code.status()).body(this.errors.body(code, details, request));
	}

	/**
	 * A service that did not answer in time or cannot be reached, or a transient failure
	 * (a serialization failure, a lock not had), as Spring's data access layer translates
	 * them for Redis and JDBC: the same request a moment later may well succeed.
	 */
	private static boolean unreachable(Throwable ex) {
		return cause(ex, DataAccessResourceFailureException.class).isPresent()
				|| cause(ex, TransientDataAccessException.class).isPresent();
	}

	private static <T extends Throwable> Optional<T> cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

	private static String lastNode(Path path) {
		String name = "";
		for (Path.Node node : path) {
			name = String.valueOf(node.getName());
		}
		return name;
	}

	private static Map<String, String> describe(ParameterValidationResult result) {
		String reason = result.getResolvableErrors()
			.stream()
			.map((error) -> String.valueOf(error.getDefaultMessage()))
			.findFirst()
			.orElse("invalid");
		return Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()), "reason", reason);
	}

}
