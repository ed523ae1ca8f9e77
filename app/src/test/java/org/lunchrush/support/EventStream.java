package org.lunchrush.support;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.lunchrush.support.Api.Session;
import tools.jackson.databind.JsonNode;

/**
 * A live push client as the web faces have it: {@code GET /api/v1/events} with the bearer
 * token, the body read line by line on a virtual thread, events collected as they come.
 */
public final class EventStream implements AutoCloseable {

	/**
	 * One server-sent event as the client parsed it.
	 */
	public record Event(String name, String id, String data, Instant receivedAt) {

		public JsonNode json() {
			return Api.json().readTree(this.data);
		}

		public String orderId() {
			return json().path("orderId").asString();
		}

	}

	private final HttpClient client;

	private final HttpResponse<Stream<String>> response;

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final AtomicInteger comments = new AtomicInteger();

	private final AtomicBoolean ended = new AtomicBoolean();

	private EventStream(HttpClient client, HttpResponse<Stream<String>> response) {
		this.client = client;
		this.response = response;
		Thread.ofVirtual().name("event-stream-reader").start(this::read);
	}

	/**
	 * Opens the caller's stream; returns once the answer's headers arrived.
	 */
	public static EventStream open(Api api, Session session) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/events"))
			.header("Authorization", "Bearer " + session.token())
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		// A client per stream, so that closing the stream closes its connection.
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		try {
			return new EventStream(client, client.send(request, BodyHandlers.ofLines()));
		}
		catch (java.io.IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public int status() {
		return this.response.statusCode();
	}

	public Optional<String> header(String name) {
		return this.response.headers().firstValue(name);
	}

	public List<Event> events() {
		return List.copyOf(this.events);
	}

	public List<Event> events(String name) {
		return this.events.stream().filter((event) -> event.name().equals(name)).toList();
	}

	/**
	 * @return the events about an order, of one name
	 */
	public List<Event> about(String orderId, String name) {
		return events(name).stream().filter((event) -> orderId.equals(event.orderId())).toList();
	}

	/**
	 * @return how many comments ({@code : ping}) arrived
	 */
	public int comments() {
		return this.comments.get();
	}

	/**
	 * @return whether the server ended the stream
	 */
	public boolean ended() {
		return this.ended.get();
	}

	/**
	 * Waits for the first event that matches.
	 */
	public Event await(Predicate<Event> matching, Duration atMost) {
		Awaitility.await()
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.events.stream().anyMatch(matching));
		return this.events.stream().filter(matching).findFirst().orElseThrow();
	}

	/**
	 * Hangs up, as a client that closes the page does.
	 */
	@Override
	public void close() {
		this.response.body().close();
		this.client.shutdownNow();
	}

	private void read() {
		String name = "message";
		String id = "";
		List<String> data = new ArrayList<>();
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(name, id, String.join("\n", data), Instant.now()));
					}
					name = "message";
					id = "";
					data.clear();
				}
				else if (line.startsWith(":")) {
					this.comments.incrementAndGet();
				}
				else if (line.startsWith("event:")) {
					name = value(line);
				}
				else if (line.startsWith("id:")) {
					id = value(line);
				}
				else if (line.startsWith("data:")) {
					data.add(value(line));
				}
			}
		}
		catch (RuntimeException ex) {
			// closed by the test
		}
		finally {
			this.ended.set(true);
		}
	}

	private static String value(String line) {
		String value = line.substring(line.indexOf(':') + 1);
		return value.startsWith(" ") ? value.substring(1) : value;
	}

}
