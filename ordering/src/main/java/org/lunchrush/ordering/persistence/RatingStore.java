package org.lunchrush.ordering.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.catalog.MerchantRatings;
import org.lunchrush.kernel.InLists;
import org.lunchrush.ordering.domain.OrderRating;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ratings of orders and each merchant's ratings added up. The sum moves in the
 * transaction that inserts a rating, by an atomic upsert, so it never drifts from the
 * ratings and the merchant list reads it without counting.
 */
@Repository
public class RatingStore implements MerchantRatings {

	private static final String SELECT_RATING = "select order_id, merchant_id, stars, comment, rated_at from ordering.rating";

	private final JdbcClient jdbc;

	RatingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the rating of an order and adds it to its merchant's sum.
	 * @return false when the order was rated before (nothing changes then)
	 */
	public boolean insert(OrderRating rating, long studentId, long buildingId) {
		int inserted = this.jdbc.sql("""
				insert into ordering.rating (order_id, merchant_id, student_id, building_id, stars, comment, rated_at)
				values (:order, :merchant, :student, :building, :stars, :comment, :at)
				on conflict (order_id) do nothing
				""")
			.param("order", rating.orderId())
			.param("merchant", rating.merchantId())
			.param("student", studentId)
			.param("building", buildingId)
			.param("stars", rating.stars())
			.param("comment", rating.comment().orElse(null))
			.param("at", Timestamp.from(rating.ratedAt()))
			.update();
		if (inserted == 0) {
			return false;
		}
		this.jdbc
			.sql("""
					insert into ordering.merchant_rating (merchant_id, rating_count, stars_total) values (:merchant, 1, :stars)
					on conflict (merchant_id) do update
					set rating_count = merchant_rating.rating_count + 1,
					    stars_total = merchant_rating.stars_total + excluded.stars_total
					""")
			.param("merchant", rating.merchantId())
			.param("stars", rating.stars())
			.update();
		return true;
	}

	public Optional<OrderRating> find(long orderId) {
		return this.jdbc.sql(SELECT_RATING + " where order_id = :id")
			.param("id", orderId)
			.query(RatingStore::rating)
			.optional();
	}

	/**
	 * @return the ratings of those of the orders that have one, by order id
	 */
	public Map<Long, OrderRating> of(Collection<Long> orderIds) {
		Map<Long, OrderRating> ratings = new HashMap<>();
		for (List<Long> ids : InLists.of(orderIds)) {
			this.jdbc.sql(SELECT_RATING + " where order_id in (:ids)")
				.param("ids", ids)
				.query(RatingStore::rating)
				.list()
				.forEach((rating) -> ratings.put(rating.orderId(), rating));
		}
		return ratings;
	}

	/**
	 * A merchant's ratings, newest first: {@code limit} of them after the first
	 * {@code offset}.
	 */
	public List<OrderRating> ofMerchant(long merchantId, long offset, int limit) {
		return this.jdbc.sql(SELECT_RATING + """
				 where merchant_id = :merchant order by rated_at desc, order_id desc limit :limit offset :offset
				""")
			.param("merchant", merchantId)
			.param("limit", limit)
			.param("offset", offset)
			.query(RatingStore::rating)
			.list();
	}

	public Summary summary(long merchantId) {
		return this.jdbc.sql("select rating_count, stars_total from ordering.merchant_rating where merchant_id = :id")
			.param("id", merchantId)
			.query((rs, row) -> new Summary(rs.getInt(1), rs.getLong(2)))
			.optional()
			.orElse(Summary.NONE);
	}

	@Override
	public Map<Long, Summary> summaries() {
		Map<Long, Summary> summaries = new HashMap<>();
		this.jdbc.sql("select merchant_id, rating_count, stars_total from ordering.merchant_rating")
			.query((rs, row) -> Map.entry(rs.getLong(1), new Summary(rs.getInt(2), rs.getLong(3))))
			.list()
			.forEach((entry) -> summaries.put(entry.getKey(), entry.getValue()));
		return summaries;
	}

	/**
	 * @return how many of a merchant's ratings given in {@code [from, until)} have each
	 * number of stars (only those given at least once)
	 */
	public Map<Integer, Integer> starsGiven(long merchantId, Instant from, Instant until) {
		Map<Integer, Integer> byStars = new HashMap<>();
		this.jdbc.sql("""
				select stars, count(*) from ordering.rating
				where merchant_id = :merchant and rated_at >= :from and rated_at < :until group by stars
				""")
			.param("merchant", merchantId)
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query((rs, row) -> Map.entry(rs.getInt(1), rs.getInt(2)))
			.list()
			.forEach((entry) -> byStars.put(entry.getKey(), entry.getValue()));
		return byStars;
	}

	private static OrderRating rating(ResultSet rs, int row) throws SQLException {
		return new OrderRating(rs.getLong(1), rs.getLong(2), rs.getInt(3), Optional.ofNullable(rs.getString(4)),
				rs.getTimestamp(5).toInstant());
	}

}
