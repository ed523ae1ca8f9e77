package org.lunchrush;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lunchrush.kernel.LiveNotice;
import org.lunchrush.kernel.Traces;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.payment.PaymentMessaging;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The W3C trace context travels with an order: the request that placed it, the record on
 * the order stream, the outbox's Kafka records and RabbitMQ messages, the consumers that
 * act on them, the log lines and the order's timeline all name the same trace. A client
 * that sends a {@code traceparent} sees its trace id everywhere; one that sends none gets
 * a trace of the platform's, carried the same way. Students 176 to 179; stall 第二食堂·粥铺点心.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracesIT extends IntegrationTest {

	private static final HexFormat HEX = HexFormat.of();

	@Value("${spring.kafka.bootstrap-servers}")
	private String brokers;

	@Autowired
	private AmqpAdmin rabbitAdmin;

	@Autowired
	private RabbitTemplate rabbit;

	@Autowired
	@Qualifier("paymentStatusBinding")
	private Binding orderingPaymentBinding;

	@LocalManagementPort
	private int managementPort;

	private Queue paymentCopies;

	private JsonNode merchant;

	private long itemId;

	@BeforeEach
	void stall() {
		this.merchant = merchantNamed("第二食堂·粥铺点心");
		this.itemId = firstItemId(this.merchant);
	}

	@AfterEach
	void noCopiesLeft() {
		if (this.paymentCopies != null) {
			this.rabbitAdmin.deleteQueue(this.paymentCopies.getName());
		}
		this.rabbitAdmin.declareBinding(this.orderingPaymentBinding);
	}

	@Test
	void anOrdersRecordsMessagesAndTimelineCarryTheTraceItsClientSent() {
		copyPaymentMessages();
		Session student = student(176);
		String trace = newTraceId();

		Response placed = api().post("/api/v1/orders", student, orderBody(this.merchant, this.itemId, 1),
				"Idempotency-Key", UUID.randomUUID().toString(), Traces.TRACEPARENT, traceparent(trace));
		assertThat(placed.status()).as(placed.raw().body()).isEqualTo(202);
		String orderId = placed.body().path("orderId").asString();
		pay(student, orderId, trace);
		Response accepted = api().post("/api/v1/merchant/orders/" + orderId + "/accept",
				merchantAccount(this.merchant.path("id").asLong()), Map.of(), Traces.TRACEPARENT, traceparent(trace));
		assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
		await().atMost(PIPELINE).untilAsserted(() -> assertThat(timelineTypes(student, orderId)).contains("PROMISED"));

		assertThat(traceIds(records(OrderingTopics.ORDERS, orderId))).as("OrderPlaced on the order stream")
			.containsExactly(trace);
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(records(OrderingTopics.ORDER_EVENTS, orderId)).hasSize(2));
		assertThat(traceIds(records(OrderingTopics.ORDER_EVENTS, orderId))).as("PAID and ACCEPTED, from the outbox")
			.containsExactly(trace, trace);
		assertThat(traceIds(records(LiveNotice.TOPIC, orderId).stream()
			.filter((record) -> "PROMISED".equals(Api.json().readTree(record.value()).path("kind").asString()))
			.toList())).as("the PROMISED notice, sent by delivery as it consumed ACCEPTED").containsExactly(trace);
		assertThat(traceIdOf(paymentMessage(orderId))).as("the payment status on RabbitMQ").contains(trace);

		List<Entry> timeline = timeline(student, orderId);
		assertThat(timeline).extracting(Entry::type)
			.contains("PLACED", "MESSAGE", "PENDING_PAYMENT", "PAYMENT_REQUESTED", "PAID", "ACCEPTED", "PROMISED");
		// A dispatch round may have put the order on a route meanwhile (ETA): that entry
		// is the round's, in a trace of its own.
		assertThat(timeline).filteredOn((entry) -> !entry.type().equals("ETA"))
			.as("every entry the client's requests caused")
			.extracting(Entry::traceId)
			.containsOnly(trace);
	}

	@Test
	void aRequestWithoutATraceparentGetsATraceThatItsRecordsMessagesAndTimelineCarry() {
		copyPaymentMessages();
		Session student = student(177);
		String orderId = placeAcceptedOrder(student, orderBody(this.merchant, this.itemId, 1));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		String placedIn = traceOf(timeline(student, orderId), "PLACED");
		assertThat(placedIn).as("the platform's own trace").matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
		assertThat(timeline(student, orderId)).as("the persister's entries, in the trace of the record it read")
			.extracting(Entry::traceId)
			.containsOnly(placedIn);
		assertThat(traceIds(records(OrderingTopics.ORDERS, orderId))).containsExactly(placedIn);

		String paymentId = requestPayment(student, orderId);
		assertThat(api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of()).status()).isEqualTo(200);
		awaitStatus(student, orderId, "PAID");
		String paidIn = traceOf(timeline(student, orderId), "PAID");
		assertThat(paidIn).as("the confirmation's trace, another request's").isNotEqualTo(placedIn);
		assertThat(traceIdOf(paymentMessage(orderId))).contains(paidIn);
		await().atMost(PIPELINE)
			.untilAsserted(
					() -> assertThat(traceIds(records(OrderingTopics.ORDER_EVENTS, orderId))).containsExactly(paidIn));
	}

	@Test
	void aPaymentStatusTheOutboxResubmitsLaterStillCarriesItsTrace() {
		Session student = student(178);
		String trace = newTraceId();
		String orderId = placeAcceptedOrder(student, orderBody(this.merchant, this.itemId, 1));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		String paymentId = requestPayment(student, orderId);

		// With no queue bound, RabbitMQ returns the message: the relay fails and the
		// publication waits in the outbox for the resubmission, on another thread.
		this.rabbitAdmin.removeBinding(this.orderingPaymentBinding);
		Response confirmed = api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of(), Traces.TRACEPARENT,
				traceparent(trace));
		assertThat(confirmed.status()).isEqualTo(200);
		await().atMost(PIPELINE)
			.until(() -> count(
					"select count(*) from event_publication where status = 'FAILED'"
							+ " and listener_id like '%PaymentStatusRelay%' and serialized_event like ?",
					"%\"orderId\":" + orderId + ",%") == 1);
		copyPaymentMessages();
		this.rabbitAdmin.declareBinding(this.orderingPaymentBinding);

		awaitStatus(student, orderId, "PAID");
		assertThat(traceIdOf(paymentMessage(orderId))).as("resubmitted in the payment's trace").contains(trace);
		assertThat(traceOf(timeline(student, orderId), "PAID")).isEqualTo(trace);
	}

	@Test
	void aCancelledOrdersLogLinesAndRefundCarryItsTrace(CapturedOutput output) {
		Session student = student(179);
		String trace = newTraceId();
		Response placed = api().post("/api/v1/orders", student, orderBody(this.merchant, this.itemId, 1),
				"Idempotency-Key", UUID.randomUUID().toString(), Traces.TRACEPARENT, traceparent(trace));
		assertThat(placed.status()).as(placed.raw().body()).isEqualTo(202);
		String orderId = placed.body().path("orderId").asString();
		pay(student, orderId, trace);

		Response cancelled = api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of(), Traces.TRACEPARENT,
				traceparent(trace));
		assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
		awaitStatus(student, orderId, "REFUNDED");

		assertThat(output.getOut()
			.lines()
			.filter((line) -> line.contains("requested for transaction") && line.contains("of order " + orderId)))
			.as("the refund's log line, found by the trace id")
			.singleElement()
			.asString()
			.contains(trace);
		List<Entry> timeline = timeline(student, orderId);
		assertThat(timeline).extracting(Entry::type)
			.contains("CANCELLED", "STOCK_RELEASED", "REFUND_REQUESTED", "REFUND", "REFUNDED");
		assertThat(timeline).as("the refund asked of the provider and confirmed by it, in the same trace")
			.extracting(Entry::traceId)
			.containsOnly(trace);
	}

	@Test
	void observedAndBatchListenersTimeIntoOneSeries() throws IOException, InterruptedException {
		Session student = student(176);
		String orderId = paidOrder(student, orderBody(this.merchant, this.itemId, 1));
		api().post("/api/v1/merchant/orders/" + orderId + "/accept", merchantAccount(this.merchant.path("id").asLong()),
				Map.of());
		await().atMost(PIPELINE).untilAsserted(() -> assertThat(timelineTypes(student, orderId)).contains("PROMISED"));

		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(metrics).as("delivery's record listener, observed")
			.containsPattern(
					"spring_kafka_listener_seconds_count\\{[^}]*name=\"delivery-tasks-\\d+\"[^}]*result=\"success\"")
			.as("the persister's batch listener, timed by Spring Kafka")
			.containsPattern("spring_kafka_listener_seconds_count\\{[^}]*name=\"" + OrderingTopics.PERSISTER_GROUP
					+ "-\\d+\"[^}]*result=\"success\"");
	}

	private void pay(Session student, String orderId, String trace) {
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		Response payment = api().post("/api/v1/orders/" + orderId + "/payment", student, Map.of(), Traces.TRACEPARENT,
				traceparent(trace));
		assertThat(payment.status()).as(payment.raw().body()).isEqualTo(200);
		Response confirmed = api().post("/sandbox-pay/" + payment.body().path("paymentId").asString() + "/confirm",
				null, Map.of(), Traces.TRACEPARENT, traceparent(trace));
		assertThat(confirmed.status()).isEqualTo(200);
		awaitStatus(student, orderId, "PAID");
	}

	/**
	 * A fresh, sampled trace id, as a client's tracer makes one.
	 */
	private static String newTraceId() {
		byte[] id = new byte[16];
		ThreadLocalRandom.current().nextBytes(id);
		id[0] |= 1;
		return HEX.formatHex(id);
	}

	/**
	 * A {@code traceparent} of the trace, with a span id of its own: each request of a
	 * client is a span of its own in the client's trace.
	 */
	private static String traceparent(String trace) {
		byte[] span = new byte[8];
		ThreadLocalRandom.current().nextBytes(span);
		span[0] |= 1;
		return "00-" + trace + "-" + HEX.formatHex(span) + "-01";
	}

	private List<Entry> timeline(Session student, String orderId) {
		List<Entry> entries = new ArrayList<>();
		for (JsonNode entry : api().get("/api/v1/orders/" + orderId + "/timeline", student).body()) {
			JsonNode traceId = entry.path("traceId");
			entries.add(new Entry(entry.path("type").asString(), traceId.isString() ? traceId.asString() : null));
		}
		return entries;
	}

	private static String traceOf(List<Entry> timeline, String type) {
		return timeline.stream()
			.filter((entry) -> entry.type().equals(type))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " entry in " + timeline))
			.traceId();
	}

	/**
	 * Binds a queue of the test's own to the payment exchange: it gets a copy of every
	 * payment status message, leaving ordering's queue as it is.
	 */
	private void copyPaymentMessages() {
		this.paymentCopies = new AnonymousQueue();
		this.rabbitAdmin.declareQueue(this.paymentCopies);
		TopicExchange exchange = new TopicExchange(PaymentMessaging.EXCHANGE, true, false);
		this.rabbitAdmin.declareBinding(
				BindingBuilder.bind(this.paymentCopies).to(exchange).with(PaymentMessaging.SUCCEEDED_ROUTING_KEY));
	}

	private Message paymentMessage(String orderId) {
		long deadline = System.nanoTime() + PIPELINE.toNanos();
		while (System.nanoTime() < deadline) {
			Message message = this.rabbit.receive(this.paymentCopies.getName(), 1000);
			if (message != null && orderId.equals(message.getMessageProperties().getHeader("orderId"))) {
				return message;
			}
		}
		throw new AssertionError("no payment status message for order " + orderId);
	}

	private static Optional<String> traceIdOf(Message message) {
		Object traceparent = message.getMessageProperties().getHeader(Traces.TRACEPARENT);
		return Traces.traceIdOf((traceparent != null) ? traceparent.toString() : null);
	}

	private static List<String> traceIds(List<ConsumerRecord<String, byte[]>> records) {
		List<String> traceIds = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			Header header = record.headers().lastHeader(Traces.TRACEPARENT);
			traceIds.add((header != null)
					? Traces.traceIdOf(new String(header.value(), StandardCharsets.US_ASCII)).orElse("unreadable")
					: "none");
		}
		return traceIds;
	}

	/**
	 * @return the order's records on a topic, everything that was on it when we looked
	 */
	private List<ConsumerRecord<String, byte[]>> records(String topic, String orderId) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (orderId.equals(record.key())) {
						records.add(record);
					}
				}
			}
		}
		return records;
	}

	/**
	 * One timeline entry: its type, and the trace id it shows ({@code null} when none).
	 */
	private record Entry(String type, String traceId) {
	}

}
