package org.lunchrush.governor.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.lunchrush.cluster.Instances;
import org.lunchrush.governor.Feature;
import org.lunchrush.governor.GovernorProperties;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of the load governor: {@code GET /api/v1/admin/governor} (the
 * switches as the answering process has them, its load and its measurements) and
 * {@code PUT /api/v1/admin/governor/switches/{name}} with
 * {@code {"mode":"AUTO"|"ON"|"OFF"}} (for every platform process). Routes under
 * {@code /api/v1/admin} are for ADMIN callers only.
 */
@RestController
class GovernorController {

	private static final List<String> SWITCHES = Arrays.stream(Feature.values()).map(Feature::name).toList();

	private final LoadGovernor governor;

	private final CampusTime time;

	private final Instances instances;

	GovernorController(LoadGovernor governor, CampusTime time, Instances instances) {
		this.governor = governor;
		this.time = time;
		this.instances = instances;
	}

	@GetMapping("/api/v1/admin/governor")
	GovernorView governor() {
		LoadGovernor.Snapshot snapshot = this.governor.snapshot();
		GovernorProperties settings = this.governor.settings();
		Measurements look = snapshot.measurements();
		return new GovernorView(this.instances.self(), settings.enabled(), snapshot.overloaded(), snapshot.reason(),
				this.time.local(snapshot.since()),
				new MeasurementsView(this.time.local(look.at()), percent(look.cpu()), percent(look.processCpu()),
						look.orderRequests(), look.orderP99().map(GovernorController::millis).orElse(null),
						settings.window().toSeconds()),
				new ThresholdsView(settings.cpuOff(), settings.cpuOn(), millis(settings.orderP99Off()),
						millis(settings.orderP99On()), settings.minOrderRequests(), settings.sustain().toSeconds(),
						settings.cooldown().toSeconds(), settings.etaRoundsWhenOff()),
				snapshot.switches().stream().map(this::view).toList());
	}

	@PutMapping("/api/v1/admin/governor/switches/{name}")
	SwitchView set(@PathVariable String name, @RequestBody ModeChange change, Caller operator) {
		Feature feature = Arrays.stream(Feature.values())
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow(
					() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("switch", name, "switches", SWITCHES)));
		SwitchMode mode = SwitchMode.named(change.mode())
			.orElseThrow(() -> new LunchrushException(ErrorCode.VALIDATION, Map.of("fields",
					List.of(Map.of("field", "mode", "reason", "must be AUTO, ON or OFF (upper case)")))));
		return view(this.governor.set(feature, mode, operator.userId()));
	}

	private SwitchView view(SwitchState state) {
		return new SwitchView(state.feature().name(), state.feature().description(), state.state(),
				state.setting().mode().name(), state.reason(), this.time.local(state.since()),
				state.setting().setBy().orElse(null), state.setting().setAt().map(this.time::local).orElse(null));
	}

	private static BigDecimal percent(double load) {
		return Double.isNaN(load) ? null : BigDecimal.valueOf(load * 100).setScale(1, RoundingMode.HALF_UP);
	}

	private static BigDecimal millis(Duration duration) {
		return BigDecimal.valueOf(duration.toNanos(), 6).setScale(1, RoundingMode.HALF_UP);
	}

	/**
	 * @param mode {@code AUTO}, {@code ON} or {@code OFF}
	 */
	record ModeChange(String mode) {
	}

	/**
	 * @param instance the platform process that answered (its switches and measurements)
	 * @param enabled whether the governor switches by itself
	 * @param overloaded whether it finds this process overloaded
	 * @param reason why, with the figures that decided
	 * @param since when that last changed
	 */
	record GovernorView(String instance, boolean enabled, boolean overloaded, String reason, OffsetDateTime since,
			MeasurementsView measurements, ThresholdsView thresholds, List<SwitchView> switches) {
	}

	/**
	 * @param cpuPercent the machine's (or container's) CPU, {@code null} when unknown
	 * @param processCpuPercent this process's share, {@code null} when unknown
	 * @param orderRequests order requests answered in the window
	 * @param orderP99Millis their p99, {@code null} without any
	 */
	record MeasurementsView(OffsetDateTime at, BigDecimal cpuPercent, BigDecimal processCpuPercent, long orderRequests,
			BigDecimal orderP99Millis, long windowSeconds) {
	}

	record ThresholdsView(int cpuOffPercent, int cpuOnPercent, BigDecimal orderP99OffMillis,
			BigDecimal orderP99OnMillis, int minOrderRequests, long sustainSeconds, long cooldownSeconds,
			int etaRoundsWhenOff) {
	}

	/**
	 * @param state {@code ON} or {@code OFF} in this process now
	 * @param mode what operators chose: {@code AUTO}, {@code ON} or {@code OFF}
	 * @param modeSetBy the operator who last set the mode, {@code null} if none ever did
	 */
	record SwitchView(String name, String description, String state, String mode, String reason, OffsetDateTime since,
			Long modeSetBy, OffsetDateTime modeSetAt) {
	}

}
