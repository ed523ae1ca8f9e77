package org.lunchrush.notification.push;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One open event stream of one client. Pushes are queued and written by a virtual thread
 * of the stream's own, in order: the Kafka consumer that feeds every stream never waits
 * for a client's network. A client so slow that its queue fills up is closed (it
 * reconnects and re-reads the API) rather than held in memory.
 */
final class Stream {

	private static final Logger log = LoggerFactory.getLogger(Stream.class);

	private final long accountId;

	private final Audience audience;

	private final SseEmitter emitter;

	private final BlockingQueue<Queued> queue;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Consumer<Push> sent;

	private final Thread writer;

	private final long openedAt = System.nanoTime();

	/**
	 * @param onClosed called once when the stream ends, however it ends
	 * @param sent called after each event (not heartbeat) reached the connection
	 */
	Stream(long accountId, Audience audience, SseEmitter emitter, int queue, Consumer<Stream> onClosed,
			Consumer<Push> sent) {
		this.accountId = accountId;
		this.audience = audience;
		this.emitter = emitter;
		this.queue = new LinkedBlockingQueue<>(queue);
		this.sent = sent;
		Runnable closing = () -> {
			if (this.closed.compareAndSet(false, true)) {
				this.writer().interrupt();
				onClosed.accept(this);
			}
		};
		// Completed on timeout, so Spring MVC ends the response quietly instead of
		// raising AsyncRequestTimeoutException on a response that is streaming.
		emitter.onTimeout(emitter::complete);
		emitter.onCompletion(closing);
		emitter.onError((ex) -> closing.run());
		this.writer = Thread.ofVirtual().name("push-" + audience.role() + "-" + accountId).unstarted(this::write);
	}

	private Thread writer() {
		return this.writer;
	}

	void start() {
		this.writer.start();
	}

	long accountId() {
		return this.accountId;
	}

	Audience audience() {
		return this.audience;
	}

	long openedAt() {
		return this.openedAt;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	boolean isOpen() {
		return !this.closed.get();
	}

	void push(Push push) {
		offer(new Queued(SseEmitter.event().name(push.name()).id(push.id()).data(push.data()), Optional.of(push)));
	}

	void ping() {
		offer(new Queued(SseEmitter.event().comment(" ping"), Optional.empty()));
	}

	private void offer(Queued event) {
		if (this.closed.get()) {
			return;
		}
		if (!this.queue.offer(event)) {
			log.info("Push stream of {} {} closed: {} events behind", this.audience.role(), this.accountId,
					this.queue.size());
			close();
		}
	}

	/**
	 * Ends the stream from the platform's side (too many streams, too slow); the client
	 * sees its stream end and reconnects.
	 */
	void close() {
		this.emitter.complete();
	}

	private void write() {
		try {
			while (!this.closed.get()) {
				Queued next = this.queue.take();
				this.emitter.send(next.event());
				next.push().ifPresent(this.sent);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away (or the stream was completed meanwhile): the
			// container reports the error and the stream's callbacks remove it.
			log.debug("Push stream of {} {} ended: {}", this.audience.role(), this.accountId, ex.toString());
			try {
				this.emitter.complete();
			}
			catch (IllegalStateException ended) {
				// The container ended the request after its error already (Tomcat refuses
				// the async context to any other thread then): nothing is left to end.
			}
		}
	}

	/**
	 * An event waiting to be written, and the push it carries (none for a heartbeat,
	 * which does not count as sent).
	 */
	private record Queued(SseEventBuilder event, Optional<Push> push) {
	}

}
