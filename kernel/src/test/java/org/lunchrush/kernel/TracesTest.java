package org.lunchrush.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Traces over a real OpenTelemetry tracer, as the platform runs it: W3C propagation, a
 * sampler that samples nothing unless told (the platform samples a fraction; ids must
 * exist and travel regardless).
 */
class TracesTest {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String UNSAMPLED_PARENT = "00-" + TRACE + "-00f067aa0ba902b7-00";

	private final SdkTracerProvider provider = SdkTracerProvider.builder()
		.setSampler(Sampler.parentBased(Sampler.alwaysOff()))
		.build();

	private final Traces traces = traces(this.provider);

	@AfterEach
	void closeTracer() {
		this.provider.close();
	}

	@Nested
	class ContinuingATrace {

		@Test
		void runsTheWorkInTheTraceTheTraceparentNamesAsAChildSpan() {
			AtomicReference<String> inside = new AtomicReference<>();
			AtomicReference<String> traceId = new AtomicReference<>();
			TracesTest.this.traces.continued(UNSAMPLED_PARENT, "relay", () -> {
				inside.set(TracesTest.this.traces.currentParent().orElseThrow());
				traceId.set(TracesTest.this.traces.currentTraceId().orElseThrow());
			});
			assertThat(traceId.get()).isEqualTo(TRACE);
			assertThat(inside.get()).startsWith("00-" + TRACE + "-")
				.doesNotContain("00f067aa0ba902b7")
				.as("an unsampled trace stays unsampled downstream")
				.endsWith("-00");
		}

		@Test
		void keepsASampledTraceSampled() {
			AtomicReference<String> inside = new AtomicReference<>();
			TracesTest.this.traces.continued("00-" + TRACE + "-00f067aa0ba902b7-01", "relay",
					() -> inside.set(TracesTest.this.traces.currentParent().orElseThrow()));
			assertThat(inside.get()).startsWith("00-" + TRACE + "-").endsWith("-01");
		}

		@Test
		void startsATraceOfItsOwnWithoutATraceparent() {
			List<String> traceIds = new ArrayList<>();
			for (int run = 0; run < 2; run++) {
				TracesTest.this.traces.continued(null, "relay",
						() -> traceIds.add(TracesTest.this.traces.currentTraceId().orElseThrow()));
			}
			assertThat(traceIds)
				.allSatisfy((id) -> assertThat(Traces.traceIdOf("00-" + id + "-00f067aa0ba902b7-00")).contains(id));
			assertThat(traceIds.get(0)).as("each run its own trace").isNotEqualTo(traceIds.get(1));
		}

		@Test
		void treatsAnUnreadableTraceparentAsNone() {
			AtomicReference<String> traceId = new AtomicReference<>();
			TracesTest.this.traces.continued("00-" + TRACE + "-0000000000000000-01", "relay",
					() -> traceId.set(TracesTest.this.traces.currentTraceId().orElseThrow()));
			assertThat(traceId.get()).hasSize(32).isNotEqualTo(TRACE);
		}

		@Test
		void continuesTheCurrentTraceWithoutATraceparent() {
			AtomicReference<String> nested = new AtomicReference<>();
			TracesTest.this.traces.continued(UNSAMPLED_PARENT, "outer", () -> TracesTest.this.traces.continued(null,
					"inner", () -> nested.set(TracesTest.this.traces.currentTraceId().orElseThrow())));
			assertThat(nested.get()).isEqualTo(TRACE);
		}

		@Test
		void leavesNoTraceBehindWhenTheWorkFails() {
			assertThatIllegalStateException()
				.isThrownBy(() -> TracesTest.this.traces.continued(UNSAMPLED_PARENT, "relay", () -> {
					throw new IllegalStateException("broker away");
				}));
			assertThat(TracesTest.this.traces.currentTraceId()).isEmpty();
			assertThat(TracesTest.this.traces.currentParent()).isEmpty();
		}

	}

	@Nested
	class ReadingATraceparent {

		@Test
		void readsTheTraceIdOfAVersion00Header() {
			assertThat(Traces.traceIdOf(UNSAMPLED_PARENT)).contains(TRACE);
		}

		@Test
		void readsALaterVersionAsVersion00() {
			assertThat(Traces.traceIdOf("cc-" + TRACE + "-00f067aa0ba902b7-01-what-comes-later")).contains(TRACE);
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "00", "00-" + TRACE + "-00f067aa0ba902b7-0",
				"00-" + TRACE + "-00f067aa0ba902b7-01-more", "ff-" + TRACE + "-00f067aa0ba902b7-01",
				"00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-" + TRACE + "-0000000000000000-01",
				"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00_" + TRACE + "_00f067aa0ba902b7_01",
				"00-" + TRACE + "-00f067aa0ba902bz-01", "0x-" + TRACE + "-00f067aa0ba902b7-01",
				"00-" + TRACE + "-00f067aa0ba902b7-0g" })
		void refusesWhatW3cDoesNotAllow(String traceparent) {
			assertThat(Traces.traceIdOf(traceparent)).isEmpty();
		}

		@Test
		void refusesNothingAtAll() {
			assertThat(Traces.traceIdOf(null)).isEmpty();
		}

	}

	@Test
	void seesNoTraceOutsideOne() {
		assertThat(this.traces.currentParent()).isEmpty();
		assertThat(this.traces.currentTraceId()).isEmpty();
	}

	@Test
	void aPlatformWithoutTracingRunsTheWorkAndSeesNoTrace() {
		AtomicReference<Boolean> ran = new AtomicReference<>(false);
		Traces.none().continued(UNSAMPLED_PARENT, "relay", () -> {
			ran.set(true);
			assertThat(Traces.none().currentParent()).isEmpty();
		});
		assertThat(ran.get()).isTrue();
	}

	private static Traces traces(SdkTracerProvider provider) {
		io.opentelemetry.api.trace.Tracer otel = provider.get("lunchrush-test");
		OtelCurrentTraceContext current = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otel, current, (event) -> {
		}, new OtelBaggageManager(current, List.of(), List.of()));
		OtelPropagator propagator = new OtelPropagator(
				ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
		return new Traces(tracer, propagator);
	}

}
