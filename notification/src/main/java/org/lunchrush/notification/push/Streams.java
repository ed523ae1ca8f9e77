package org.lunchrush.notification.push;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this process, by audience. Each process pushes to its own
 * clients only; what it pushes comes from Kafka, which every process reads in full.
 * <p>
 * An account holds at most {@code lunchrush.push.max-streams-per-account} streams (a
 * student with a phone and a laptop, a stall with two screens); one more closes the
 * oldest. Streams leave the registry however they end: completed, timed out, failed.
 * Metrics: {@code lunchrush.push.connections} (streams open) and
 * {@code lunchrush.push.sent} (events written, by {@code event}).
 */
@Component
class Streams {

	private final Map<Audience, List<Stream>> open = new ConcurrentHashMap<>();

	private final PushProperties properties;

	private final MeterRegistry meters;

	private final Map<String, Counter> sent = new ConcurrentHashMap<>();

	Streams(PushProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		Gauge.builder("lunchrush.push.connections", this, Streams::count)
			.description("Live push streams open on this process")
			.register(meters);
	}

	/**
	 * Opens a stream for an account; its first event is {@code first} (the hello).
	 */
	SseEmitter open(long accountId, Audience audience, Push first) {
		SseEmitter emitter = new SseEmitter(this.properties.timeout().toMillis());
		Stream stream = new Stream(accountId, audience, emitter, this.properties.queue(), this::remove,
				this::countSent);
		stream.push(first);
		List<Stream> oldest = new ArrayList<>();
		// compute, like remove's computeIfPresent, is atomic per audience: a stream is
		// never added to a list that a removal is taking out of the map.
		this.open.compute(audience, (key, present) -> {
			List<Stream> streams = (present != null) ? present : new CopyOnWriteArrayList<>();
			streams.add(stream);
			List<Stream> ofAccount = streams.stream()
				.filter((other) -> other.accountId() == accountId)
				.sorted(Comparator.comparingLong(Stream::openedAt))
				.toList();
			int over = ofAccount.size() - this.properties.maxStreamsPerAccount();
			if (over > 0) {
				oldest.addAll(ofAccount.subList(0, over));
				streams.removeAll(oldest);
			}
			return streams;
		});
		oldest.forEach(Stream::close);
		stream.start();
		return emitter;
	}

	/**
	 * Pushes to every stream of the audiences open on this process.
	 */
	void push(Collection<Audience> audiences, Push push) {
		for (Audience audience : audiences) {
			List<Stream> streams = this.open.get(audience);
			if (streams != null) {
				streams.forEach((stream) -> stream.push(push));
			}
		}
	}

	boolean isEmpty() {
		return this.open.isEmpty();
	}

	int count() {
		return this.open.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * A comment on every stream, so that proxies keep idle streams open and a client that
	 * went away without closing is found (the write fails).
	 */
	@Scheduled(fixedDelayString = "${lunchrush.push.heartbeat:15s}",
			initialDelayString = "${lunchrush.push.heartbeat:15s}")
	void heartbeat() {
		this.open.values().forEach((streams) -> streams.forEach(Stream::ping));
	}

	/**
	 * Ends every stream when the process shuts down, before the web server's graceful
	 * shutdown would wait for them (they never end by themselves): the clients reconnect,
	 * to another process if there is one.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.open.values().forEach((streams) -> streams.forEach(Stream::close));
	}

	private void remove(Stream stream) {
		this.open.computeIfPresent(stream.audience(), (audience, streams) -> {
			streams.remove(stream);
			return streams.isEmpty() ? null : streams;
		});
	}

	private void countSent(Push push) {
		this.sent
			.computeIfAbsent(push.name(),
					(name) -> Counter.builder("lunchrush.push.sent")
						.description("Events written to live push streams")
						.tag("event", name)
						.register(this.meters))
			.increment();
	}

}
