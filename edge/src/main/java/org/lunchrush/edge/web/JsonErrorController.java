package org.lunchrush.edge.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.lunchrush.kernel.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's: errors raised
 * outside any controller (a URL the security firewall rejects, a failure in a filter) get
 * the API's error body too, never Boot's own shape or a whitelabel page.
 */
@RestController
class JsonErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

	private final ErrorResponses errors;

	JsonErrorController(ErrorResponses errors) {
		this.errors = errors;
	}

	@RequestMapping("/error")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		ErrorCode code = StatusCodes.of((status instanceof Integer value) ? value : 500);
		if (code == ErrorCode.INTERNAL) {
			log.error("Unhandled failure on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		}
		return ResponseEntity.status(code.status()).body(this.errors.body(code, Map.of(), request));
	}

}
