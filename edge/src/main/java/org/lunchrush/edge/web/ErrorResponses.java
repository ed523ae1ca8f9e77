package org.lunchrush.edge.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lunchrush.kernel.ErrorCode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The API's error body, {@code {"code","message","details"}}: a stable code, a message in
 * Chinese (English with {@code Accept-Language: en}), and structured details.
 */
@Component
public class ErrorResponses {

	/** The route that places orders, as its controller maps it. */
	private static final String ORDER_ROUTE = "/api/v1/orders";

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	ErrorResponses(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	public Map<String, Object> body(ErrorCode code, Map<String, ?> details, HttpServletRequest request) {
		return body(code, details, locale(request));
	}

	/**
	 * @return the language the API answers this request in: Chinese unless it asks for
	 * English, always one of the two
	 */
	public Locale locale(HttpServletRequest request) {
		return this.locales.resolveLocale(request);
	}

	/**
	 * @return the error body in the given language as JSON bytes, for an answer made once
	 * and written many times
	 */
	public byte[] json(ErrorCode code, Map<String, ?> details, Locale locale) {
		return this.json.writeValueAsBytes(body(code, details, locale));
	}

	private Map<String, Object> body(ErrorCode code, Map<String, ?> details, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code.name());
		String message = this.messages.getMessage("error." + code.name(), null, code.name(), locale);
		if (details.get("scope") instanceof String scope) {
			// A code refused for several reasons may have a message per scope
			// (error.RATE_LIMITED.urge); the code's own message otherwise.
			message = this.messages.getMessage("error." + code.name() + "." + scope, null, message, locale);
		}
		body.put("message", message);
		body.put("details", details);
		return body;
	}

	/**
	 * @return the error body as JSON text, for the servlet container's own error reports
	 */
	public String text(ErrorCode code, Map<String, ?> details, HttpServletRequest request) {
		return this.json.writeValueAsString(body(code, details, request));
	}

	/**
	 * A filter's answer comes before Spring MVC has matched a route, so the request timer
	 * ({@code http.server.requests}) would name its route {@code UNKNOWN}. The order
	 * route's own refusals (its rate limits, Redis or the database away, a token refused)
	 * are counted under it instead, where the alerts and dashboards watch its 5xx and its
	 * latency. Only that literal route: a path with ids in it would make a label value of
	 * every id.
	 */
	private static void countUnderTheOrderRoute(HttpServletRequest request) {
		if ("POST".equals(request.getMethod()) && ORDER_ROUTE.equals(request.getServletPath())) {
			ServerHttpObservationFilter.findObservationContext(request)
				.filter((context) -> context.getPathPattern() == null)
				.ifPresent((context) -> context.setPathPattern(ORDER_ROUTE));
		}
	}

	/**
	 * Writes an error straight to the response, for the security filters that answer
	 * before any controller runs.
	 */
	public void write(ErrorCode code, HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(code, Map.of(), request, response);
	}

	public void write(ErrorCode code, Map<String, ?> details, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		countUnderTheOrderRoute(request);
		response.setStatus(code.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body(code, details, request));
	}

}
