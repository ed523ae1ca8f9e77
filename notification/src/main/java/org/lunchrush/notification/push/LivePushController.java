package org.lunchrush.notification.push;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/events}: the caller's live stream (server-sent events). A student
 * hears the orders it placed, a merchant its stall's orders, a rider its route. The
 * stream starts with {@code hello}; the client then re-reads its state from the API,
 * since pushes are signals and the API is the truth.
 */
@RestController
class LivePushController {

	private final Streams streams;

	private final ObjectMapper json;

	LivePushController(Streams streams, ObjectMapper json) {
		this.streams = streams;
		this.json = json;
	}

	@GetMapping("/api/v1/events")
	SseEmitter events(Caller caller, HttpServletResponse response) {
		Audience audience = Audience.of(caller)
			.orElseThrow(() -> new LunchrushException(ErrorCode.FORBIDDEN,
					Map.of("reason", "live pushes are for students, merchants and riders")));
		// Neither cached nor held back by a buffering proxy (nginx).
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Accel-Buffering", "no");
		Map<String, Object> hello = new LinkedHashMap<>();
		hello.put("role", caller.role().name());
		hello.put("accountId", caller.userId());
		return this.streams.open(caller.userId(), audience,
				new Push("hello", "hello", this.json.writeValueAsString(hello)));
	}

}
