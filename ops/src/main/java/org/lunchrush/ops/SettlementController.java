package org.lunchrush.ops;

import java.time.LocalDate;
import java.util.Optional;

import org.lunchrush.governor.Feature;
import org.lunchrush.governor.Governor;
import org.lunchrush.kernel.CampusTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/settlements?date=2026-11-24}: the daily settlement report
 * (today by default). Operators only. A heavy report: while the load governor has
 * {@link Feature#REPORTS} off, {@code 503 DEGRADED} and nothing is computed.
 */
@RestController
class SettlementController {

	private final Settlement settlement;

	private final CampusTime time;

	private final Governor governor;

	SettlementController(Settlement settlement, CampusTime time, Governor governor) {
		this.settlement = settlement;
		this.time = time;
		this.governor = governor;
	}

	@GetMapping("/api/v1/admin/settlements")
	SettlementReport settlements(
			@RequestParam(name = "date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> day) {
		this.governor.requireOn(Feature.REPORTS);
		return this.settlement.of(day.orElseGet(this.time::today));
	}

}
