package org.lunchrush.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.lunchrush.bench.BenchHttp.Answer;

/**
 * A student reading an item's live stock while the orders run (the seed's 3 ms): a
 * {@code GET /api/v1/merchants/{id}/menu}, whose {@code stockLeft} comes from the live
 * stock in Redis, at a fixed rate on a client and a thread of their own, open loop. Each
 * read's latency is measured from when it was meant to be sent, so a read held up by the
 * one before it counts its wait (coordinated omission corrected, as wrk2 does).
 */
final class StockReads implements AutoCloseable {

	private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

	private final BenchHttp http;

	private final List<String> paths;

	private final String token;

	private final long intervalNanos;

	private final Histogram latency = new Histogram(HIGHEST_NANOS, 3);

	private final Thread reader;

	private volatile boolean stopping;

	private long reads;

	private long failed;

	private String lastFailure;

	/**
	 * @param baseUrl the platform's public URL
	 * @param paths the menus to read, one picked at random for each read
	 * @param token a student's token
	 * @param perSecond reads per second
	 */
	StockReads(String baseUrl, List<String> paths, String token, double perSecond) {
		if (paths.isEmpty() || perSecond <= 0) {
			throw new IllegalArgumentException("StockReads needs menus and a positive rate");
		}
		this.http = new BenchHttp(baseUrl, 2);
		this.paths = List.copyOf(paths);
		this.token = token;
		this.intervalNanos = (long) (1e9 / perSecond);
		this.reader = Thread.ofPlatform().name("bench-stock-reads").daemon().unstarted(this::readUntilStopped);
	}

	/**
	 * Starts reading.
	 */
	void start() {
		this.reader.start();
	}

	/**
	 * Stops reading and waits for the read in flight.
	 * @return what was measured
	 */
	Result stop() throws InterruptedException {
		this.stopping = true;
		this.reader.join();
		synchronized (this) {
			return new Result(this.reads, this.failed, this.latency.copy(), this.lastFailure);
		}
	}

	private void readUntilStopped() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long intended = System.nanoTime();
		while (!this.stopping) {
			long wait = intended - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
				continue;
			}
			String path = this.paths.get(random.nextInt(this.paths.size()));
			String failure = null;
			try {
				Answer answer = this.http.send(this.http.get(path, this.token));
				if (answer.status() != 200) {
					failure = "GET " + path + " answered " + answer.status();
				}
			}
			catch (IOException ex) {
				failure = "GET " + path + ": " + ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long took = Math.min(HIGHEST_NANOS, System.nanoTime() - intended);
			synchronized (this) {
				this.reads++;
				if (failure != null) {
					this.failed++;
					this.lastFailure = failure;
				}
				else {
					this.latency.recordValue(took);
				}
			}
			intended += this.intervalNanos;
		}
	}

	@Override
	public void close() {
		this.stopping = true;
		this.http.close();
	}

	/**
	 * The reads of a run.
	 *
	 * @param reads reads sent
	 * @param failed reads not answered {@code 200}
	 * @param latency latency of the answered ones, in ns, from their intended send time
	 * @param lastFailure what the last failed read said, {@code null} if none failed
	 */
	record Result(long reads, long failed, Histogram latency, String lastFailure) {

		String describe() {
			if (this.latency.getTotalCount() == 0) {
				return String.format(Locale.ROOT, "%d reads, none answered 200%s", this.reads,
						(this.lastFailure != null) ? " (" + this.lastFailure + ")" : "");
			}
			return String.format(Locale.ROOT, "%d reads, p50 %.2f ms, p99 %.2f ms, max %.2f ms%s", this.reads, ms(0.50),
					ms(0.99), this.latency.getMaxValue() / 1e6, (this.failed > 0)
							? String.format(Locale.ROOT, ", %d failed (last: %s)", this.failed, this.lastFailure) : "");
		}

		private double ms(double quantile) {
			return this.latency.getValueAtPercentile(quantile * 100) / 1e6;
		}

	}

}
