package org.lunchrush.ordering.deadletter;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.lunchrush.kernel.CampusTime;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators list, inspect and replay dead letters ({@code /api/v1/admin/**} is ADMIN
 * only).
 */
@RestController
@Validated
class DeadLetterController {

	private final DeadLetters letters;

	private final DeadLetterReplay replay;

	private final CampusTime time;

	DeadLetterController(DeadLetters letters, DeadLetterReplay replay, CampusTime time) {
		this.letters = letters;
		this.replay = replay;
		this.time = time;
	}

	@GetMapping("/api/v1/admin/dead-letters")
	List<DeadLetterView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.letters.newestFirst(page, size).stream().map(this::view).toList();
	}

	@GetMapping("/api/v1/admin/dead-letters/{id}")
	DeadLetterView inspect(@PathVariable long id) {
		return view(this.letters.get(id));
	}

	@PostMapping("/api/v1/admin/dead-letters/{id}/replay")
	DeadLetterView replay(@PathVariable long id) throws Exception {
		return view(this.replay.replay(id));
	}

	private DeadLetterView view(DeadLetters.DeadLetter letter) {
		return new DeadLetterView(Long.toString(letter.id()), letter.source().name(), letter.destination(),
				letter.key().orElse(null), letter.payloadText(), letter.headers(), this.time.local(letter.receivedAt()),
				letter.replayCount(), letter.replayedAt().map(this.time::local).orElse(null));
	}

	record DeadLetterView(String id, String source, String destination, String key, String payload, String headers,
			OffsetDateTime receivedAt, int replayCount, OffsetDateTime replayedAt) {
	}

}
