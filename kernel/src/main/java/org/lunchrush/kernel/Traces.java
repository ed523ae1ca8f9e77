package org.lunchrush.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C trace context ({@code traceparent}) of the work at hand: a request, a message,
 * a scheduled run. Brokers carry it in their headers on their own (the observed Kafka and
 * RabbitMQ templates and listeners); this class is for the places where the work outlives
 * the thread it started on: an event written to the outbox keeps the {@code traceparent}
 * of its publication and is relayed within it however much later, and a batch of records
 * is persisted with the trace id of each record it holds.
 * <p>
 * A trace id exists whether or not the trace is sampled (exported): an unsampled span is
 * not recorded, but it has its ids and they travel all the same.
 */
public final class Traces {

	/** The W3C header (and Kafka / AMQP header) that carries the trace context. */
	public static final String TRACEPARENT = "traceparent";

	private static final Propagator.Getter<Map<String, String>> FROM_MAP = Map::get;

	private static final Propagator.Setter<Map<String, String>> INTO_MAP = Map::put;

	private final Tracer tracer;

	private final Propagator propagator;

	public Traces(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Traces that see no trace and start none (unit tests, a process without tracing).
	 */
	public static Traces none() {
		return new Traces(Tracer.NOOP, Propagator.NOOP);
	}

	/**
	 * @return the {@code traceparent} of the span current on this thread, to continue the
	 * trace elsewhere; empty outside any trace
	 */
	public Optional<String> currentParent() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return Optional.empty();
		}
		Map<String, String> carrier = new HashMap<>(4);
		this.propagator.inject(context, carrier, INTO_MAP);
		return Optional.ofNullable(carrier.get(TRACEPARENT)).filter((parent) -> traceIdOf(parent).isPresent());
	}

	/**
	 * @return the trace id (32 lower-case hex digits) of the span current on this thread;
	 * empty outside any trace
	 */
	public Optional<String> currentTraceId() {
		TraceContext context = this.tracer.currentTraceContext().context();
		return (context != null) ? Optional.ofNullable(context.traceId()).filter(Traces::isTraceId) : Optional.empty();
	}

	/**
	 * Runs work in a span of its own that continues the trace a {@code traceparent}
	 * names, so that its logs carry that trace and the messages it sends continue it.
	 * Without a {@code traceparent} (or with one that is not W3C's), the span continues
	 * the trace current on this thread, or starts a new one.
	 * @param traceparent where the trace stands, as a {@code traceparent} header says it;
	 * may be {@code null}
	 * @param name the span's name
	 * @param work what to run in the span
	 */
	public <E extends Exception> void continued(String traceparent, String name, Work<E> work) throws E {
		Span span = (traceparent != null && traceIdOf(traceparent).isPresent())
				? this.propagator.extract(Map.of(TRACEPARENT, traceparent), FROM_MAP).name(name).start()
				: this.tracer.nextSpan().name(name).start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			work.run();
		}
		catch (Throwable ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	/**
	 * Reads the trace id a {@code traceparent} header names, by the rules of W3C Trace
	 * Context (version {@code 00}, or a later one read as {@code 00}): without a span, so
	 * that a batch of records can each be recorded with their trace at no cost.
	 * @param traceparent the header's value; may be {@code null}
	 * @return the trace id (32 lower-case hex digits), empty when the value is no valid
	 * {@code traceparent}
	 */
	public static Optional<String> traceIdOf(String traceparent) {
		// version "-" trace-id "-" parent-id "-" flags, then more fields in later
		// versions
		if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-'
				|| traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
			return Optional.empty();
		}
		String version = traceparent.substring(0, 2);
		String traceId = traceparent.substring(3, 35);
		String parentId = traceparent.substring(36, 52);
		String flags = traceparent.substring(53, 55);
		boolean knownLength = version.equals("00") ? traceparent.length() == 55
				: traceparent.length() == 55 || traceparent.charAt(55) == '-';
		boolean valid = isHex(version) && !version.equals("ff") && knownLength && isTraceId(traceId) && isHex(parentId)
				&& !isZero(parentId) && isHex(flags);
		return valid ? Optional.of(traceId) : Optional.empty();
	}

	private static boolean isTraceId(String id) {
		return id.length() == 32 && isHex(id) && !isZero(id);
	}

	private static boolean isHex(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return !text.isEmpty();
	}

	private static boolean isZero(String text) {
		return text.chars().allMatch((c) -> c == '0');
	}

	/**
	 * Work run within a trace.
	 *
	 * @param <E> what it may throw
	 */
	@FunctionalInterface
	public interface Work<E extends Exception> {

		void run() throws E;

	}

}
