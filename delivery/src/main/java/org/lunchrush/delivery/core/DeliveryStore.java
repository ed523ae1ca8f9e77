package org.lunchrush.delivery.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Riders and delivery tasks in PostgreSQL. Every change is a guarded update, so a
 * redelivered event or a second rider's attempt changes nothing.
 */
@Repository
class DeliveryStore {

	private static final String TASK_COLUMNS = """
			order_id, merchant_id, pickup_building_id, dropoff_building_id, status, ready, expected_ready_at,
			promised_by, rider_id, pickup_position, dropoff_position
			""";

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the order has a task already
	 */
	boolean insertTask(long orderId, long merchantId, long pickupBuildingId, long dropoffBuildingId, Instant acceptedAt,
			Instant expectedReadyAt, Instant promisedBy) {
		return this.jdbc.sql("""
				insert into delivery.task (order_id, merchant_id, pickup_building_id, dropoff_building_id, status,
				                           expected_ready_at, promised_by, accepted_at, updated_at)
				values (:order, :merchant, :pickup, :dropoff, 'WAITING', :ready, :promised, :accepted, now())
				on conflict (order_id) do nothing
				""")
			.param("order", orderId)
			.param("merchant", merchantId)
			.param("pickup", pickupBuildingId)
			.param("dropoff", dropoffBuildingId)
			.param("ready", Timestamp.from(expectedReadyAt))
			.param("promised", Timestamp.from(promisedBy))
			.param("accepted", Timestamp.from(acceptedAt))
			.update() == 1;
	}

	void markReady(long orderId) {
		this.jdbc.sql("update delivery.task set ready = true, updated_at = now() where order_id = :order")
			.param("order", orderId)
			.update();
	}

	/**
	 * Takes a task that is not picked up yet off every route.
	 * @return the rider whose route it left, if it had one
	 */
	Optional<Long> cancel(long orderId) {
		return this.jdbc.sql("""
				update delivery.task t set status = 'CANCELLED', rider_id = null, pickup_position = null,
				      dropoff_position = null, updated_at = now()
				from delivery.task old_task
				where t.order_id = :order and old_task.order_id = t.order_id and t.status in ('WAITING', 'ASSIGNED')
				returning old_task.rider_id
				""")
			.param("order", orderId)
			.query((rs, row) -> (Long) rs.getObject(1))
			.optional()
			.flatMap(Optional::ofNullable);
	}

	/**
	 * @return tasks waiting for a rider whose food is ready or expected by {@code until},
	 * soonest first
	 */
	List<Task> waiting(Instant until) {
		return this.jdbc.sql("select " + TASK_COLUMNS + """
				from delivery.task where status = 'WAITING' and (ready or expected_ready_at <= :until)
				order by expected_ready_at, order_id
				""").param("until", Timestamp.from(until)).query(DeliveryStore::task).list();
	}

	/**
	 * @return the tasks on a rider's route (assigned or in the bag), in route order
	 */
	List<Task> routeOf(long riderId) {
		return this.jdbc.sql("select " + TASK_COLUMNS + """
				from delivery.task where rider_id = :rider and status in ('ASSIGNED', 'PICKED_UP')
				order by order_id
				""").param("rider", riderId).query(DeliveryStore::task).list();
	}

	/**
	 * @return every rider on shift
	 */
	List<Rider> ridersOnShift() {
		return this.jdbc.sql("""
				select rider_id, on_shift, position_building_id, capacity from delivery.rider
				where on_shift order by rider_id
				""").query((rs, row) -> rider(rs)).list();
	}

	/**
	 * Gives a waiting task to a rider; {@link #placeStops} then puts it on the route.
	 * @return false when the task was not waiting any more
	 */
	boolean assign(long orderId, long riderId) {
		return this.jdbc.sql("""
				update delivery.task set status = 'ASSIGNED', rider_id = :rider, updated_at = now()
				where order_id = :order and status = 'WAITING'
				""").param("rider", riderId).param("order", orderId).update() == 1;
	}

	/**
	 * Places a rider's task on the route: where its pickup and its hand-over come.
	 */
	void placeStops(long orderId, long riderId, Integer pickupPosition, int dropoffPosition) {
		this.jdbc.sql("""
				update delivery.task set pickup_position = :pickup, dropoff_position = :dropoff
				where order_id = :order and rider_id = :rider
				""")
			.param("pickup", pickupPosition)
			.param("dropoff", dropoffPosition)
			.param("order", orderId)
			.param("rider", riderId)
			.update();
	}

	/**
	 * Puts a rider's task at the end of the route: pickup, then hand-over.
	 */
	void appendStops(long orderId, long riderId) {
		this.jdbc.sql("""
				update delivery.task set pickup_position = last.position + 1, dropoff_position = last.position + 2
				from (select coalesce(max(greatest(coalesce(pickup_position, 0), coalesce(dropoff_position, 0))), 0)
				             as position
				      from delivery.task where rider_id = :rider and status in ('ASSIGNED', 'PICKED_UP')) last
				where order_id = :order and rider_id = :rider
				""").param("order", orderId).param("rider", riderId).update();
	}

	/**
	 * Reads a task and locks it until the transaction ends.
	 */
	Optional<Task> lockTask(long orderId) {
		return this.jdbc.sql("select " + TASK_COLUMNS + " from delivery.task where order_id = :order for update")
			.param("order", orderId)
			.query(DeliveryStore::task)
			.optional();
	}

	void markPickedUp(long orderId, long riderId) {
		move(orderId, riderId, TaskStatus.ASSIGNED, TaskStatus.PICKED_UP);
	}

	void markDelivered(long orderId, long riderId) {
		move(orderId, riderId, TaskStatus.PICKED_UP, TaskStatus.DELIVERED);
	}

	private void move(long orderId, long riderId, TaskStatus from, TaskStatus to) {
		int moved = this.jdbc.sql("""
				update delivery.task set status = :to, updated_at = now()
				where order_id = :order and rider_id = :rider and status = :from
				""")
			.param("to", to.name())
			.param("order", orderId)
			.param("rider", riderId)
			.param("from", from.name())
			.update();
		if (moved != 1) {
			throw new IllegalStateException("Task " + orderId + " changed under its lock");
		}
	}

	/**
	 * Puts a rider's tasks not picked up yet back to waiting.
	 * @return how many went back
	 */
	List<Long> unassignNotPickedUp(long riderId) {
		return this.jdbc.sql("""
				update delivery.task set status = 'WAITING', rider_id = null, pickup_position = null,
				       dropoff_position = null, updated_at = now()
				where rider_id = :rider and status = 'ASSIGNED'
				returning order_id
				""").param("rider", riderId).query(Long.class).list();
	}

	Optional<Rider> rider(long riderId) {
		return this.jdbc
			.sql("select rider_id, on_shift, position_building_id, capacity from delivery.rider where rider_id = :id")
			.param("id", riderId)
			.query((rs, row) -> rider(rs))
			.optional();
	}

	void saveShift(long riderId, boolean onShift, long positionBuildingId, int capacity) {
		this.jdbc
			.sql("""
					insert into delivery.rider (rider_id, on_shift, position_building_id, capacity, shift_started_at, updated_at)
					values (:rider, :on, :position, :capacity, case when :on then now() end, now())
					on conflict (rider_id) do update set on_shift = excluded.on_shift,
					    position_building_id = excluded.position_building_id, capacity = excluded.capacity,
					    shift_started_at = case when excluded.on_shift and not delivery.rider.on_shift then now()
					                            when excluded.on_shift then delivery.rider.shift_started_at end,
					    updated_at = now()
					""")
			.param("rider", riderId)
			.param("on", onShift)
			.param("position", positionBuildingId)
			.param("capacity", capacity)
			.update();
	}

	/**
	 * @return the hand-over time last told for an order, if any
	 */
	Optional<Instant> toldEta(long orderId) {
		return this.jdbc.sql("select told_eta from delivery.task where order_id = :order")
			.param("order", orderId)
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.optional()
			.flatMap((eta) -> eta);
	}

	void tellEta(long orderId, Instant eta) {
		this.jdbc.sql("update delivery.task set told_eta = :eta where order_id = :order")
			.param("eta", Timestamp.from(eta))
			.param("order", orderId)
			.update();
	}

	void movePosition(long riderId, long buildingId) {
		this.jdbc
			.sql("update delivery.rider set position_building_id = :building, updated_at = now() where rider_id = :id")
			.param("building", buildingId)
			.param("id", riderId)
			.update();
	}

	/**
	 * Appends a move to the rider's log.
	 * @param orderId the order picked up or handed over; {@code null} for a shift start
	 */
	void recordMove(long riderId, RiderMove.Kind kind, long buildingId, Long orderId, Instant at) {
		this.jdbc.sql("""
				insert into delivery.rider_move (rider_id, kind, building_id, order_id, at)
				values (:rider, :kind, :building, :order, :at)
				""")
			.param("rider", riderId)
			.param("kind", kind.name())
			.param("building", buildingId)
			.param("order", orderId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * @return the rider's moves from {@code from} until {@code until}, in the order they
	 * happened, led by the last moves before {@code from} (where the rider was then)
	 */
	List<RiderMove> movesOf(long riderId, Instant from, Instant until) {
		return this.jdbc.sql("""
				select kind, building_id, order_id, at from delivery.rider_move
				where rider_id = :rider and at < :until
				  and at >= coalesce((select max(at) from delivery.rider_move where rider_id = :rider and at < :from),
				                     :from)
				order by at, id
				""")
			.param("rider", riderId)
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.query((rs, row) -> new RiderMove(RiderMove.Kind.valueOf(rs.getString("kind")), rs.getLong("building_id"),
					(Long) rs.getObject("order_id"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	private static Rider rider(ResultSet rs) throws SQLException {
		return new Rider(rs.getLong("rider_id"), rs.getBoolean("on_shift"), rs.getLong("position_building_id"),
				rs.getInt("capacity"));
	}

	private static Task task(ResultSet rs, int row) throws SQLException {
		return new Task(rs.getLong("order_id"), rs.getLong("merchant_id"), rs.getLong("pickup_building_id"),
				rs.getLong("dropoff_building_id"), TaskStatus.valueOf(rs.getString("status")), rs.getBoolean("ready"),
				rs.getTimestamp("expected_ready_at").toInstant(), rs.getTimestamp("promised_by").toInstant(),
				(Long) rs.getObject("rider_id"), (Integer) rs.getObject("pickup_position"),
				(Integer) rs.getObject("dropoff_position"));
	}

}
