package org.lunchrush.promotion.coupon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.lunchrush.kernel.InLists;
import org.lunchrush.promotion.Coupon;
import org.lunchrush.promotion.CouponBatch;
import org.lunchrush.promotion.CouponLockRecord;
import org.lunchrush.promotion.CouponStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Batches, coupons and the coupon ledger in PostgreSQL: the truth Redis is loaded from.
 * Every state change is a guarded update, so a repeated or late call changes nothing.
 */
@Repository
class CouponStore {

	private static final String BATCH_COLUMNS = """
			b.id, b.name, b.amount_off_cents, b.min_spend_cents, b.valid_from, b.valid_until, b.total_quantity,
			b.per_student_limit, b.claimed, b.created_at""";

	private static final String COUPON_COLUMNS = """
			c.id, c.batch_id, c.student_id, b.name, b.amount_off_cents, b.min_spend_cents, b.valid_from, b.valid_until,
			c.status, c.order_id, c.claimed_at
			""";

	// Only from AVAILABLE, and never for an order that has released the coupon: a
	// redelivered order batch must not take back a released coupon.
	private static final String RECORD_LOCK = """
			with locked as (
				update promotion.coupon set status = 'LOCKED', order_id = ?, locked_at = ?
				where id = ? and student_id = ? and status = 'AVAILABLE'
				and not exists (select 1 from promotion.coupon_ledger l
				                where l.coupon_id = promotion.coupon.id and l.order_id = ? and l.kind = 'RELEASE')
				returning id, order_id, locked_at
			)
			insert into promotion.coupon_ledger (coupon_id, order_id, kind, at)
			select id, order_id, 'LOCK', locked_at from locked
			on conflict (coupon_id, order_id, kind) do nothing
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	CouponStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void insertBatch(CouponBatch batch) {
		this.jdbc
			.sql("""
					insert into promotion.coupon_batch (id, name, amount_off_cents, min_spend_cents, valid_from, valid_until,
					                                    total_quantity, per_student_limit, claimed, created_at)
					values (:id, :name, :amount, :minSpend, :from, :until, :total, :limit, 0, :at)
					""")
			.param("id", batch.id())
			.param("name", batch.name())
			.param("amount", batch.amountOffCents())
			.param("minSpend", batch.minSpendCents())
			.param("from", Timestamp.from(batch.validFrom()))
			.param("until", Timestamp.from(batch.validUntil()))
			.param("total", batch.totalQuantity())
			.param("limit", batch.perStudentLimit())
			.param("at", Timestamp.from(batch.createdAt()))
			.update();
	}

	List<CouponBatch> batches() {
		return this.jdbc.sql("select " + BATCH_COLUMNS + ", " + redeemedOf("b") + """
				from promotion.coupon_batch b order by b.created_at desc, b.id desc
				""").query(CouponStore::batch).list();
	}

	List<CouponBatch> batchesEndingAfter(Instant instant) {
		return this.jdbc.sql("select " + BATCH_COLUMNS + ", " + redeemedOf("b") + """
				from promotion.coupon_batch b where b.valid_until > :instant order by b.valid_until, b.id
				""").param("instant", Timestamp.from(instant)).query(CouponStore::batch).list();
	}

	Optional<CouponBatch> batch(long batchId) {
		return this.jdbc.sql("select " + BATCH_COLUMNS + ", " + redeemedOf("b") + """
				from promotion.coupon_batch b where b.id = :id
				""").param("id", batchId).query(CouponStore::batch).optional();
	}

	/**
	 * @return coupons each student holds from the batch, read in one statement so that
	 * their sum is a consistent claim count
	 */
	Map<Long, Integer> claimsPerStudent(long batchId) {
		Map<Long, Integer> claims = new LinkedHashMap<>();
		this.jdbc.sql("""
				select student_id, count(*) from promotion.coupon where batch_id = :batch group by student_id
				""")
			.param("batch", batchId)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getInt(2)))
			.list()
			.forEach((entry) -> claims.put(entry.getKey(), entry.getValue()));
		return claims;
	}

	/**
	 * Writes a claim that Redis granted, guarded in SQL too: the batch row's update
	 * refuses to pass the quantity, and holds the row lock for the rest of the
	 * transaction, so the per-student count that follows sees every earlier claim of the
	 * batch. Must run in a transaction, rolled back when refused.
	 * @return the coupon, or the refusal
	 */
	ClaimWrite claim(long couponId, long batchId, long studentId, Instant at) {
		Optional<Integer> limit = this.jdbc.sql("""
				update promotion.coupon_batch set claimed = claimed + 1
				where id = :batch and claimed < total_quantity
				returning per_student_limit
				""").param("batch", batchId).query(Integer.class).optional();
		if (limit.isEmpty()) {
			return new ClaimWrite.Refused(LiveCoupons.ClaimOutcome.EXHAUSTED);
		}
		int inserted = this.jdbc.sql("""
				insert into promotion.coupon (id, batch_id, student_id, status, claimed_at)
				select :id, :batch, :student, 'AVAILABLE', cast(:at as timestamptz)
				where (select count(*) from promotion.coupon where batch_id = :batch and student_id = :student) < :limit
				""")
			.param("id", couponId)
			.param("batch", batchId)
			.param("student", studentId)
			.param("at", Timestamp.from(at))
			.param("limit", limit.get())
			.update();
		if (inserted == 0) {
			return new ClaimWrite.Refused(LiveCoupons.ClaimOutcome.LIMIT_REACHED);
		}
		return new ClaimWrite.Claimed(coupon(couponId).orElseThrow());
	}

	Optional<Coupon> coupon(long couponId) {
		return this.jdbc.sql("select " + COUPON_COLUMNS + """
				from promotion.coupon c join promotion.coupon_batch b on b.id = c.batch_id where c.id = :id
				""").param("id", couponId).query(CouponStore::coupon).optional();
	}

	List<Coupon> couponsOf(long studentId) {
		return this.jdbc.sql("select " + COUPON_COLUMNS + """
				from promotion.coupon c join promotion.coupon_batch b on b.id = c.batch_id
				where c.student_id = :student order by c.claimed_at desc, c.id desc
				""").param("student", studentId).query(CouponStore::coupon).list();
	}

	/**
	 * @return the coupons of batches whose validity ends after {@code instant}
	 */
	List<Coupon> couponsEndingAfter(Instant instant) {
		return this.jdbc.sql("select " + COUPON_COLUMNS + """
				from promotion.coupon c join promotion.coupon_batch b on b.id = c.batch_id
				where b.valid_until > :instant order by c.id
				""").param("instant", Timestamp.from(instant)).query(CouponStore::coupon).list();
	}

	/**
	 * @return batches holding more coupons than they issued, with the count
	 */
	Map<Long, String> overclaimedBatches() {
		Map<Long, String> overclaimed = new LinkedHashMap<>();
		this.jdbc.sql("""
				select b.id, b.total_quantity, b.claimed, count(c.id) as coupons
				from promotion.coupon_batch b left join promotion.coupon c on c.batch_id = b.id
				group by b.id, b.total_quantity, b.claimed
				having b.claimed > b.total_quantity or count(c.id) > b.total_quantity
				""")
			.query((rs, row) -> Map.entry(rs.getLong(1),
					"total " + rs.getInt(2) + ", claimed " + rs.getInt(3) + ", coupons " + rs.getLong(4)))
			.list()
			.forEach((entry) -> overclaimed.put(entry.getKey(), entry.getValue()));
		return overclaimed;
	}

	void recordLocks(List<CouponLockRecord> locks) {
		this.template.batchUpdate(RECORD_LOCK,
				locks.stream()
					.map((lock) -> new Object[] { lock.orderId(), Timestamp.from(lock.lockedAt()), lock.couponId(),
							lock.studentId(), lock.orderId() })
					.toList());
	}

	/**
	 * {@code LOCKED → REDEEMED} if that order holds the coupon, recorded in the ledger.
	 * @return the coupon's student when this call redeemed it
	 */
	OptionalLong redeem(long couponId, long orderId, Instant at) {
		return transition("""
				update promotion.coupon set status = 'REDEEMED', redeemed_at = :at
				where id = :coupon and order_id = :order and status = 'LOCKED'
				returning student_id
				""", couponId, orderId, "REDEEM", at);
	}

	/**
	 * {@code LOCKED} or {@code REDEEMED → AVAILABLE} if that order holds the coupon,
	 * recorded in the ledger.
	 * @return the coupon's student when this call released it
	 */
	OptionalLong release(long couponId, long orderId, Instant at) {
		return transition("""
				update promotion.coupon set status = 'AVAILABLE', order_id = null, locked_at = null, redeemed_at = null
				where id = :coupon and order_id = :order and status in ('LOCKED', 'REDEEMED')
				returning student_id
				""", couponId, orderId, "RELEASE", at);
	}

	/**
	 * @return for each of the coupons that an order holds (locked or redeemed), that
	 * order
	 */
	Map<Long, Long> holders(Collection<Long> couponIds) {
		Map<Long, Long> holders = new HashMap<>();
		for (List<Long> ids : InLists.of(couponIds)) {
			this.jdbc.sql("select id, order_id from promotion.coupon where id in (:ids) and order_id is not null")
				.param("ids", ids)
				.query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
				.list()
				.forEach((entry) -> holders.put(entry.getKey(), entry.getValue()));
		}
		return holders;
	}

	private OptionalLong transition(String update, long couponId, long orderId, String kind, Instant at) {
		Optional<Long> student = this.jdbc.sql(update)
			.param("coupon", couponId)
			.param("order", orderId)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.optional();
		if (student.isEmpty()) {
			return OptionalLong.empty();
		}
		this.jdbc.sql("""
				insert into promotion.coupon_ledger (coupon_id, order_id, kind, at) values (:coupon, :order, :kind, :at)
				on conflict (coupon_id, order_id, kind) do nothing
				""")
			.param("coupon", couponId)
			.param("order", orderId)
			.param("kind", kind)
			.param("at", Timestamp.from(at))
			.update();
		return OptionalLong.of(student.get());
	}

	private static String redeemedOf(String batch) {
		return "(select count(*) from promotion.coupon r where r.batch_id = " + batch
				+ ".id and r.status = 'REDEEMED') as redeemed\n";
	}

	private static CouponBatch batch(ResultSet rs, int row) throws SQLException {
		return new CouponBatch(rs.getLong("id"), rs.getString("name"), rs.getInt("amount_off_cents"),
				rs.getInt("min_spend_cents"), rs.getTimestamp("valid_from").toInstant(),
				rs.getTimestamp("valid_until").toInstant(), rs.getInt("total_quantity"), rs.getInt("per_student_limit"),
				rs.getInt("claimed"), rs.getInt("redeemed"), rs.getTimestamp("created_at").toInstant());
	}

	private static Coupon coupon(ResultSet rs, int row) throws SQLException {
		long order = rs.getLong("order_id");
		OptionalLong orderId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(order);
		return new Coupon(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("student_id"), rs.getString("name"),
				rs.getInt("amount_off_cents"), rs.getInt("min_spend_cents"), rs.getTimestamp("valid_from").toInstant(),
				rs.getTimestamp("valid_until").toInstant(), CouponStatus.valueOf(rs.getString("status")), orderId,
				rs.getTimestamp("claimed_at").toInstant());
	}

	/**
	 * The database's answer to a claim Redis granted.
	 */
	sealed interface ClaimWrite {

		record Claimed(Coupon coupon) implements ClaimWrite {
		}

		record Refused(LiveCoupons.ClaimOutcome outcome) implements ClaimWrite {
		}

	}

}
