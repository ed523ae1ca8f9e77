package org.lunchrush;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.promotion.Coupon;
import org.lunchrush.promotion.CouponAudit;
import org.lunchrush.promotion.CouponLockRecord;
import org.lunchrush.promotion.Coupons;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Coupons from issue to redemption: operators issue batches, students claim them in a
 * spike, and the order path locks, redeems and releases them.
 */
class CouponIT extends IntegrationTest {

	@Autowired
	private Coupons coupons;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private StringRedisTemplate redis;

	private Session admin() {
		return api().login("admin");
	}

	private static Map<String, Object> batchBody(String name, int totalQuantity, int perStudentLimit) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
		return batchBody(name, 500, 2000, now.minusMinutes(1), now.plusDays(1), totalQuantity, perStudentLimit);
	}

	private static Map<String, Object> batchBody(String name, int amountOffCents, int minSpendCents,
			OffsetDateTime validFrom, OffsetDateTime validUntil, int totalQuantity, int perStudentLimit) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("amountOffCents", amountOffCents);
		body.put("minSpendCents", minSpendCents);
		body.put("validFrom", validFrom.toString());
		body.put("validUntil", validUntil.toString());
		body.put("totalQuantity", totalQuantity);
		body.put("perStudentLimit", perStudentLimit);
		return body;
	}

	private String createBatch(Map<String, Object> body) {
		Response created = api().post("/api/v1/admin/coupon-batches", admin(), body);
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		return created.body().path("batchId").asString();
	}

	private Response claim(Session student, String batchId) {
		return api().post("/api/v1/coupon-batches/" + batchId + "/claim", student, Map.of());
	}

	private JsonNode adminView(String batchId) {
		for (JsonNode batch : api().get("/api/v1/admin/coupon-batches", admin()).body()) {
			if (batch.path("batchId").asString().equals(batchId)) {
				return batch;
			}
		}
		throw new AssertionError("batch " + batchId + " not listed");
	}

	private List<Session> students(int from, int to) {
		List<Session> students = Collections.synchronizedList(new ArrayList<>());
		try (var executor = Executors.newFixedThreadPool(4)) {
			for (int n = from; n <= to; n++) {
				int number = n;
				executor.submit(() -> students.add(student(number)));
			}
		}
		students.sort((a, b) -> Long.compare(a.userId(), b.userId()));
		return students;
	}

	@Nested
	class Claiming {

		@Test
		void fiveThousandConcurrentClaimsHandOutExactlyTheBatchAndNoStudentMoreThanTheLimit() throws Exception {
			String batchId = createBatch(batchBody("午高峰满20减5", 500, 3));
			assertThat(adminView(batchId).path("left").asInt()).isEqualTo(500);
			List<Session> students = students(1, 200);

			Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
			Map<Long, AtomicInteger> claimedBy = new ConcurrentHashMap<>();
			List<String> couponIds = Collections.synchronizedList(new ArrayList<>());
			Semaphore inFlight = new Semaphore(200);
			try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> results = new ArrayList<>();
				for (int i = 0; i < 5_000; i++) {
					Session student = students.get(i % students.size());
					results.add(executor.submit(() -> {
						inFlight.acquireUninterruptibly();
						try {
							Response answer = claim(student, batchId);
							outcomes.computeIfAbsent(answer.status() + " " + answer.code(), (k) -> new AtomicInteger())
								.incrementAndGet();
							if (answer.status() == 201) {
								claimedBy.computeIfAbsent(student.userId(), (k) -> new AtomicInteger())
									.incrementAndGet();
								couponIds.add(answer.body().path("couponId").asString());
							}
						}
						finally {
							inFlight.release();
						}
					}));
				}
				for (Future<?> result : results) {
					result.get();
				}
			}

			assertThat(outcomes).containsKey("201 ")
				.containsOnlyKeys("201 ", "409 COUPONS_EXHAUSTED", "409 COUPON_LIMIT_REACHED");
			assertThat(outcomes.get("201 ").get()).isEqualTo(500);
			assertThat(couponIds).doesNotHaveDuplicates().hasSize(500);
			assertThat(claimedBy.values()).allSatisfy((claimed) -> assertThat(claimed.get()).isBetween(1, 3));
			long batch = Long.parseLong(batchId);
			assertThat(count("select count(*) from promotion.coupon where batch_id = ?", batch)).isEqualTo(500);
			assertThat(count("""
					select coalesce(max(held), 0) from (
						select count(*) as held from promotion.coupon where batch_id = ? group by student_id) h
					""", batch)).isLessThanOrEqualTo(3);
			JsonNode view = adminView(batchId);
			assertThat(view.path("claimed").asInt()).isEqualTo(500);
			assertThat(view.path("left").asInt()).isZero();
			assertThat(view.path("redeemed").asInt()).isZero();
			// What one student sees matches what the spike handed them.
			Session someone = students.get(0);
			long theirs = 0;
			for (JsonNode coupon : api().get("/api/v1/coupons", someone).body()) {
				if (coupon.path("batchId").asString().equals(batchId)) {
					assertThat(coupon.path("status").asString()).isEqualTo("AVAILABLE");
					theirs++;
				}
			}
			AtomicInteger handed = claimedBy.get(someone.userId());
			assertThat(theirs).isEqualTo((handed != null) ? handed.get() : 0);
			// Redis and the database agree once the spike is over.
			assertThat(auditOf(batch)).isEmpty();
		}

		@Test
		void aClaimAnswersWithTheCouponAndShowsInTheStudentsList() {
			String batchId = createBatch(batchBody("早八续命券", 10, 1));
			Session student = student(31);

			Response claimed = claim(student, batchId);

			assertThat(claimed.status()).as(claimed.raw().body()).isEqualTo(201);
			JsonNode coupon = claimed.body();
			assertThat(coupon.path("batchId").asString()).isEqualTo(batchId);
			assertThat(coupon.path("amountOffCents").asInt()).isEqualTo(500);
			assertThat(coupon.path("minSpendCents").asInt()).isEqualTo(2000);
			assertThat(coupon.path("status").asString()).isEqualTo("AVAILABLE");
			assertThat(coupon.path("validUntil").asString()).endsWith("+08:00");
			assertThat(api().get("/api/v1/coupons", student).body())
				.anySatisfy((mine) -> assertThat(mine.path("couponId").asString())
					.isEqualTo(coupon.path("couponId").asString()));
			Response again = claim(student, batchId);
			assertThat(again.status()).isEqualTo(409);
			assertThat(again.code()).isEqualTo("COUPON_LIMIT_REACHED");
			assertThat(api().get("/api/v1/coupon-batches", student).body()).anySatisfy((batch) -> {
				assertThat(batch.path("batchId").asString()).isEqualTo(batchId);
				assertThat(batch.path("left").asInt()).isEqualTo(9);
			});
		}

		@Test
		void afterRedisLosesABatchClaimsGoOnFromTheDatabasesCounts() {
			String batchId = createBatch(batchBody("缓存丢失演练", 4, 2));
			Session first = student(32);
			assertThat(claim(first, batchId).status()).isEqualTo(201);
			assertThat(claim(first, batchId).status()).isEqualTo(201);
			assertThat(claim(student(33), batchId).status()).isEqualTo(201);

			CouponIT.this.redis
				.delete(List.of("lr:coupon-batch:{b" + batchId + "}", "lr:coupon-claims:{b" + batchId + "}"));

			assertThat(claim(first, batchId).code()).as("the limit survives").isEqualTo("COUPON_LIMIT_REACHED");
			assertThat(claim(student(34), batchId).status()).isEqualTo(201);
			Response exhausted = claim(student(35), batchId);
			assertThat(exhausted.status()).isEqualTo(409);
			assertThat(exhausted.code()).isEqualTo("COUPONS_EXHAUSTED");
			assertThat(count("select count(*) from promotion.coupon where batch_id = ?", Long.parseLong(batchId)))
				.isEqualTo(4);
		}

		@Test
		void aBatchWhoseValidityHasEndedOrThatDoesNotExistCannotBeClaimed() {
			Session student = student(36);
			Session latecomer = student(37);
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
			String batchId = createBatch(batchBody("三秒闪购", 500, 2000, now.minusMinutes(1), now.plusSeconds(3), 10, 1));
			Response claimed = claim(student, batchId);
			assertThat(claimed.status()).isEqualTo(201);
			long couponId = Long.parseLong(claimed.body().path("couponId").asString());

			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> claim(latecomer, batchId).status() == 422);

			Response late = claim(latecomer, batchId);
			assertThat(late.code()).isEqualTo("COUPON_NOT_CLAIMABLE");
			assertThat(late.body().path("details").path("reason").asString()).isEqualTo("ENDED");
			assertThat(api().get("/api/v1/coupon-batches", student).body())
				.noneSatisfy((batch) -> assertThat(batch.path("batchId").asString()).isEqualTo(batchId));
			assertThat(lockRefusal(student.userId(), couponId, Ids.next(), 5000)).isEqualTo("EXPIRED");
			assertThat(api().get("/api/v1/coupons", student).body()).anySatisfy((mine) -> {
				assertThat(mine.path("couponId").asString()).isEqualTo(Long.toString(couponId));
				assertThat(mine.path("expired").asBoolean()).isTrue();
			});

			Response unknown = claim(student, Long.toString(Ids.next()));
			assertThat(unknown.status()).isEqualTo(422);
			assertThat(unknown.code()).isEqualTo("COUPON_NOT_CLAIMABLE");
		}

	}

	@Nested
	class Operators {

		@Test
		void aBadBatchIsRefusedNamingTheFieldAndNothingIsCreated() {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
			Map<String, Map<String, Object>> cases = Map.of("minSpendCents",
					batchBody("免费午餐", 2000, 2000, now, now.plusDays(1), 10, 1), "validUntil",
					batchBody("时光倒流", 500, 2000, now, now.minusHours(1), 10, 1), "totalQuantity",
					batchBody("一张都没有", 500, 2000, now, now.plusDays(1), 0, 1), "perStudentLimit",
					batchBody("谁也领不到", 500, 2000, now, now.plusDays(1), 10, 0), "amountOffCents",
					batchBody("倒贴券", -100, 2000, now, now.plusDays(1), 10, 1));
			cases.forEach((field, body) -> {
				Response refused = api().post("/api/v1/admin/coupon-batches", admin(), body);

				assertThat(refused.status()).as(field).isEqualTo(400);
				assertThat(refused.code()).isEqualTo("VALIDATION");
				assertThat(refused.body().path("details").path("fields").get(0).path("field").asString())
					.isEqualTo(field);
			});
			Map<String, Object> noName = batchBody("", 10, 1);
			noName.remove("name");
			Response missing = api().post("/api/v1/admin/coupon-batches", admin(), noName);
			assertThat(missing.status()).isEqualTo(400);
			assertThat(missing.body().path("details").path("fields").get(0).path("field").asString()).isEqualTo("name");

			assertThat(count("""
					select count(*) from promotion.coupon_batch
					where name in ('免费午餐', '时光倒流', '一张都没有', '谁也领不到', '倒贴券')
					""")).isZero();
		}

		@Test
		void studentsCannotUseOperatorRoutesNorOperatorsClaim() {
			Session student = student(38);
			assertThat(api().post("/api/v1/admin/coupon-batches", student, batchBody("自己发券", 10, 1)).status())
				.isEqualTo(403);
			assertThat(api().get("/api/v1/admin/coupon-batches", student).status()).isEqualTo(403);
			assertThat(count("select count(*) from promotion.coupon_batch where name = '自己发券'")).isZero();

			String batchId = createBatch(batchBody("学生专享", 10, 1));
			assertThat(claim(admin(), batchId).status()).isEqualTo(403);
			assertThat(claim(null, batchId).status()).isEqualTo(401);
		}

	}

	@Nested
	class OnTheOrderPath {

		private final long orderOne = Ids.next();

		private final long orderTwo = Ids.next();

		private Coupon claimedCoupon(Session student) {
			String batchId = createBatch(batchBody("下单券", 100, 5));
			return coupons.claim(student.userId(), Long.parseLong(batchId));
		}

		private int lock(Coupon coupon, long orderId) {
			return coupons.lock(coupon.studentId(), coupon.id(), orderId, 2500, Instant.now());
		}

		private void recordLock(Coupon coupon, long orderId) {
			transaction.executeWithoutResult((status) -> coupons
				.recordLocks(List.of(new CouponLockRecord(coupon.id(), coupon.studentId(), orderId, Instant.now()))));
		}

		private boolean redeem(Coupon coupon, long orderId) {
			return Boolean.TRUE.equals(transaction.execute((status) -> coupons.redeem(coupon.id(), orderId)));
		}

		private boolean release(Coupon coupon, long orderId) {
			return Boolean.TRUE.equals(transaction.execute((status) -> coupons.release(coupon.id(), orderId)));
		}

		/**
		 * A lock taken here for an order that is never placed stays in Redis only, which
		 * the invariant check (rightly) reports; intake would undo it, so the test does.
		 */
		private void undoLockOfAnOrderNeverPlaced(Coupon coupon, long orderId) {
			coupons.undoLock(coupon.studentId(), coupon.id(), orderId);
			assertThat(auditOf(coupon.batchId())).isEmpty();
		}

		private String status(Coupon coupon) {
			return jdbc.sql("select status from promotion.coupon where id = ?")
				.param(coupon.id())
				.query(String.class)
				.single();
		}

		private long ledger(Coupon coupon, String kind) {
			return count("select count(*) from promotion.coupon_ledger where coupon_id = ? and kind = ?", coupon.id(),
					kind);
		}

		@Test
		void lockingGivesTheDiscountAgainForTheSameOrderAndRefusesAnotherOrder() {
			Coupon coupon = claimedCoupon(student(41));

			assertThat(lock(coupon, this.orderOne)).isEqualTo(500);
			assertThat(lock(coupon, this.orderOne)).as("a retried intake").isEqualTo(500);
			assertThat(lockRefusal(coupon.studentId(), coupon.id(), this.orderTwo, 2500)).isEqualTo("ALREADY_USED");
			undoLockOfAnOrderNeverPlaced(coupon, this.orderOne);
		}

		@Test
		void undoingALockFreesTheCouponOnlyForTheOrderThatHeldIt() {
			Coupon coupon = claimedCoupon(student(42));
			lock(coupon, this.orderOne);

			coupons.undoLock(coupon.studentId(), coupon.id(), this.orderTwo);
			assertThat(lockRefusal(coupon.studentId(), coupon.id(), this.orderTwo, 2500)).isEqualTo("ALREADY_USED");

			coupons.undoLock(coupon.studentId(), coupon.id(), this.orderOne);
			assertThat(lock(coupon, this.orderTwo)).isEqualTo(500);
			assertThat(status(coupon)).as("undo is Redis only").isEqualTo("AVAILABLE");
			undoLockOfAnOrderNeverPlaced(coupon, this.orderTwo);
		}

		@Test
		void recordingALockTwiceRecordsItOnce() {
			Coupon coupon = claimedCoupon(student(43));
			lock(coupon, this.orderOne);

			recordLock(coupon, this.orderOne);
			recordLock(coupon, this.orderOne);

			assertThat(status(coupon)).isEqualTo("LOCKED");
			assertThat(ledger(coupon, "LOCK")).isEqualTo(1);
			assertThat(auditOf(coupon.batchId())).isEmpty();
		}

		@Test
		void aCouponRedeemedByItsOrderIsSpentOnce() {
			Coupon coupon = claimedCoupon(student(44));
			lock(coupon, this.orderOne);
			recordLock(coupon, this.orderOne);

			assertThat(redeem(coupon, this.orderTwo)).isFalse();
			assertThat(redeem(coupon, this.orderOne)).isTrue();
			assertThat(redeem(coupon, this.orderOne)).isFalse();
			assertThat(release(coupon, this.orderTwo)).as("another order's release").isFalse();

			assertThat(status(coupon)).isEqualTo("REDEEMED");
			assertThat(ledger(coupon, "REDEEM")).isEqualTo(1);
			assertThat(lockRefusal(coupon.studentId(), coupon.id(), this.orderTwo, 2500)).isEqualTo("ALREADY_USED");
			assertThat(adminView(Long.toString(coupon.batchId())).path("redeemed").asInt()).isEqualTo(1);
			assertThat(auditOf(coupon.batchId())).isEmpty();
		}

		@Test
		void aRedeemedCouponComesBackOnceWhenItsPaidOrderIsCancelled() {
			Coupon coupon = claimedCoupon(student(39));
			lock(coupon, this.orderOne);
			recordLock(coupon, this.orderOne);
			redeem(coupon, this.orderOne);

			assertThat(release(coupon, this.orderOne)).isTrue();
			assertThat(release(coupon, this.orderOne)).isFalse();
			assertThat(redeem(coupon, this.orderOne)).as("the cancelled order cannot spend it again").isFalse();

			assertThat(status(coupon)).isEqualTo("AVAILABLE");
			assertThat(ledger(coupon, "RELEASE")).isEqualTo(1);
			assertThat(auditOf(coupon.batchId())).as("Redis followed the release").isEmpty();
			assertThat(lock(coupon, this.orderTwo)).isEqualTo(500);
			undoLockOfAnOrderNeverPlaced(coupon, this.orderTwo);
		}

		@Test
		void aCouponIsReleasedExactlyOnceAndCanThenBeUsedByAnotherOrder() {
			Coupon coupon = claimedCoupon(student(45));
			lock(coupon, this.orderOne);
			recordLock(coupon, this.orderOne);

			assertThat(release(coupon, this.orderOne)).isTrue();
			assertThat(release(coupon, this.orderOne)).isFalse();
			assertThat(redeem(coupon, this.orderOne)).isFalse();

			assertThat(status(coupon)).isEqualTo("AVAILABLE");
			assertThat(ledger(coupon, "RELEASE")).isEqualTo(1);
			assertThat(lock(coupon, this.orderTwo)).isEqualTo(500);
			// The released order's lock redelivered must not take the coupon back.
			recordLock(coupon, this.orderOne);
			assertThat(status(coupon)).isEqualTo("AVAILABLE");
			recordLock(coupon, this.orderTwo);
			assertThat(status(coupon)).isEqualTo("LOCKED");
			assertThat(auditOf(coupon.batchId())).isEmpty();
		}

		@Test
		void someoneElsesCouponOrAnUnknownOneIsRefused() {
			Coupon coupon = claimedCoupon(student(46));
			long other = student(47).userId();

			assertThat(lockRefusal(other, coupon.id(), this.orderOne, 2500)).isEqualTo("NOT_YOURS");
			assertThat(lockRefusal(coupon.studentId(), Ids.next(), this.orderOne, 2500)).isEqualTo("NOT_YOURS");
			assertThat(lock(coupon, this.orderOne)).as("the owner still can").isEqualTo(500);
			undoLockOfAnOrderNeverPlaced(coupon, this.orderOne);
		}

		@Test
		void anOrderBelowTheMinimumSpendIsRefused() {
			Coupon coupon = claimedCoupon(student(48));

			LunchrushException refusal = catchThrowableOfType(LunchrushException.class,
					() -> coupons.lock(coupon.studentId(), coupon.id(), this.orderOne, 1999, Instant.now()));

			assertThat(refusal.code()).isEqualTo(ErrorCode.COUPON_INVALID);
			assertThat(refusal.details()).containsEntry("reason", "MIN_SPEND_NOT_MET")
				.containsEntry("minSpendCents", 2000);
			assertThat(coupons.lock(coupon.studentId(), coupon.id(), this.orderOne, 2000, Instant.now()))
				.isEqualTo(500);
			undoLockOfAnOrderNeverPlaced(coupon, this.orderOne);
		}

		@Test
		void aCouponIsNotUsableBeforeItsValidityStarts() {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
			String batchId = createBatch(batchBody("明日早餐券", 300, 1000, now.plusHours(1), now.plusDays(1), 5, 1));
			Session student = student(49);
			Response claimed = claim(student, batchId);
			assertThat(claimed.status()).as("claimable before it is usable").isEqualTo(201);

			assertThat(lockRefusal(student.userId(), Long.parseLong(claimed.body().path("couponId").asString()),
					this.orderOne, 5000))
				.isEqualTo("NOT_YET_VALID");
		}

		@Test
		void afterRedisLosesACouponItsStateIsLoadedFromTheDatabase() {
			Coupon coupon = claimedCoupon(student(50));
			lock(coupon, this.orderOne);
			recordLock(coupon, this.orderOne);

			redis.delete("lr:coupon:{s" + coupon.studentId() + "}:" + coupon.id());

			assertThat(lockRefusal(coupon.studentId(), coupon.id(), this.orderTwo, 2500)).isEqualTo("ALREADY_USED");
			assertThat(lock(coupon, this.orderOne)).isEqualTo(500);
		}

		@Test
		void theAuditReportsACouponWhoseRedisStateDisagreesWithTheDatabase() {
			Coupon coupon = claimedCoupon(student(51));
			String key = "lr:coupon:{s" + coupon.studentId() + "}:" + coupon.id();
			redis.opsForHash().put(key, "state", "REDEEMED");
			try {
				assertThat(auditOf(coupon.batchId())).singleElement().satisfies((finding) -> {
					assertThat(finding.kind()).isEqualTo(CouponAudit.Kind.COUPON_STATE_MISMATCH);
					assertThat(finding.id()).isEqualTo(coupon.id());
				});
			}
			finally {
				redis.opsForHash().put(key, "state", "AVAILABLE");
			}
			assertThat(auditOf(coupon.batchId())).isEmpty();
		}

		@Test
		void redeemingAndReleasingNeedTheCallersTransaction() {
			Coupon coupon = claimedCoupon(student(52));

			assertThatExceptionOfType(IllegalTransactionStateException.class)
				.isThrownBy(() -> coupons.redeem(coupon.id(), this.orderOne));
			assertThatExceptionOfType(IllegalTransactionStateException.class)
				.isThrownBy(() -> coupons.release(coupon.id(), this.orderOne));
		}

	}

	private String lockRefusal(long studentId, long couponId, long orderId, int subtotalCents) {
		LunchrushException refusal = catchThrowableOfType(LunchrushException.class,
				() -> this.coupons.lock(studentId, couponId, orderId, subtotalCents, Instant.now()));
		assertThat(refusal).as("lock refused").isNotNull();
		assertThat(refusal.code()).isEqualTo(ErrorCode.COUPON_INVALID);
		return String.valueOf(refusal.details().get("reason"));
	}

	/**
	 * The audit's findings about one batch and its coupons (other tests' batches may be
	 * in flight).
	 */
	private List<CouponAudit> auditOf(long batchId) {
		List<Long> couponIds = this.coupons.batches()
			.stream()
			.filter((batch) -> batch.id() == batchId)
			.findFirst()
			.map((batch) -> this.jdbc.sql("select id from promotion.coupon where batch_id = ?")
				.param(batchId)
				.query(Long.class)
				.list())
			.orElseThrow();
		return this.coupons.audit()
			.stream()
			.filter((finding) -> finding.id() == batchId || couponIds.contains(finding.id()))
			.toList();
	}

}
