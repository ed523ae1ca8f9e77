package org.lunchrush.governor.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lunchrush.governor.GovernorProperties;

/**
 * Decides from this process's measurements whether it is overloaded, with hysteresis:
 * overloaded once the load has been high for {@code sustain} without a break, normal
 * again only once it has been low for {@code cooldown} without a break. High and low have
 * thresholds of their own, and a look in between neither starts nor continues the count
 * that would change the state, so the state does not flap around one threshold.
 * <p>
 * High: CPU above {@code cpu-off}, or the order route's p99 above {@code order-p99-off}
 * with at least {@code min-order-requests} order requests in the window. Low: CPU unknown
 * or below {@code cpu-on} (or not watched: {@code cpu-off} 100), and the order route's
 * p99 below {@code order-p99-on} or too few order requests for a p99 to mean anything (a
 * quiet platform is not overloaded). Pure logic: time is the measurements' own.
 */
final class LoadWatch {

	private final GovernorProperties settings;

	private boolean overloaded;

	private Instant highSince;

	private Instant lowSince;

	private String reason = "load normal (no measurement yet)";

	private Instant since;

	LoadWatch(GovernorProperties settings, Instant start) {
		this.settings = settings;
		this.since = start;
	}

	/**
	 * Takes one look at the load.
	 * @return whether it changed the state ({@link #overloaded()})
	 */
	boolean observe(Measurements look) {
		if (!this.settings.enabled()) {
			this.reason = "automatic switching disabled (lunchrush.governor.enabled=false)";
			return false;
		}
		List<String> high = high(look);
		List<String> low = low(look);
		if (!this.overloaded) {
			this.lowSince = null;
			if (high.isEmpty()) {
				this.highSince = null;
				this.reason = "load normal: " + figures(look);
				return false;
			}
			if (this.highSince == null) {
				this.highSince = look.at();
			}
			Duration lasted = Duration.between(this.highSince, look.at());
			if (lasted.compareTo(this.settings.sustain()) < 0) {
				this.reason = "load normal, high for " + seconds(lasted) + " of " + seconds(this.settings.sustain())
						+ ": " + String.join(", ", high);
				return false;
			}
			this.overloaded = true;
			this.highSince = null;
			this.since = look.at();
			this.reason = "overloaded: " + String.join(", ", high) + " for " + seconds(lasted);
			return true;
		}
		this.highSince = null;
		if (low.size() < 2) {
			// Not low on every count: the cool-down starts again from the next low look.
			this.lowSince = null;
			return false;
		}
		if (this.lowSince == null) {
			this.lowSince = look.at();
		}
		Duration lasted = Duration.between(this.lowSince, look.at());
		if (lasted.compareTo(this.settings.cooldown()) < 0) {
			return false;
		}
		this.overloaded = false;
		this.lowSince = null;
		this.since = look.at();
		this.reason = "load normal again: " + String.join(", ", low) + " for " + seconds(lasted);
		return true;
	}

	boolean overloaded() {
		return this.overloaded;
	}

	/**
	 * @return why the state is what it is, with the figures that decided it
	 */
	String reason() {
		return this.reason;
	}

	/**
	 * @return when the state last changed (the start, before any change)
	 */
	Instant since() {
		return this.since;
	}

	/**
	 * @return the signals of a high load in this look, each described; empty when none
	 */
	private List<String> high(Measurements look) {
		List<String> high = new ArrayList<>();
		if (look.cpuPercent() > this.settings.cpuOff()) {
			high.add("CPU " + percent(look.cpuPercent()) + " above " + this.settings.cpuOff() + " %");
		}
		if (look.orderRequests() >= this.settings.minOrderRequests() && look.orderP99().isPresent()
				&& look.orderP99().get().compareTo(this.settings.orderP99Off()) > 0) {
			high.add("order p99 " + millis(look.orderP99().get()) + " above " + millis(this.settings.orderP99Off())
					+ " (" + look.orderRequests() + " order requests in " + seconds(this.settings.window()) + ")");
		}
		return high;
	}

	/**
	 * @return the two signals of a low load (CPU, order latency), each described, when
	 * they are low; fewer than two when the load is not low
	 */
	private List<String> low(Measurements look) {
		List<String> low = new ArrayList<>();
		if (this.settings.cpuOff() >= 100) {
			low.add("CPU not watched (cpu-off 100 %)");
		}
		else if (Double.isNaN(look.cpu())) {
			low.add("CPU unknown");
		}
		else if (look.cpuPercent() < this.settings.cpuOn()) {
			low.add("CPU " + percent(look.cpuPercent()) + " below " + this.settings.cpuOn() + " %");
		}
		if (look.orderRequests() < this.settings.minOrderRequests() || look.orderP99().isEmpty()) {
			low.add("order route quiet (" + look.orderRequests() + " order requests in "
					+ seconds(this.settings.window()) + ")");
		}
		else if (look.orderP99().get().compareTo(this.settings.orderP99On()) < 0) {
			low.add("order p99 " + millis(look.orderP99().get()) + " below " + millis(this.settings.orderP99On()));
		}
		return low;
	}

	/**
	 * @return the look's figures against the thresholds that would switch
	 */
	private String figures(Measurements look) {
		String cpu;
		if (this.settings.cpuOff() >= 100) {
			cpu = "CPU not watched (cpu-off 100 %)";
		}
		else if (Double.isNaN(look.cpu())) {
			cpu = "CPU unknown";
		}
		else {
			cpu = "CPU " + percent(look.cpuPercent()) + " (off above " + this.settings.cpuOff() + " %)";
		}
		String orders;
		if (look.orderRequests() < this.settings.minOrderRequests() || look.orderP99().isEmpty()) {
			orders = "order route quiet (" + look.orderRequests() + " order requests in "
					+ seconds(this.settings.window()) + ")";
		}
		else {
			orders = "order p99 " + millis(look.orderP99().get()) + " (off above " + millis(this.settings.orderP99Off())
					+ ")";
		}
		return cpu + ", " + orders;
	}

	static String percent(double percent) {
		return String.format(Locale.ROOT, "%.0f %%", percent);
	}

	static String millis(Duration duration) {
		double millis = duration.toNanos() / 1e6;
		return String.format(Locale.ROOT, (millis < 10) ? "%.1f ms" : "%.0f ms", millis);
	}

	static String seconds(Duration duration) {
		double seconds = duration.toMillis() / 1e3;
		return String.format(Locale.ROOT, (seconds == Math.rint(seconds)) ? "%.0f s" : "%.1f s", seconds);
	}

}
