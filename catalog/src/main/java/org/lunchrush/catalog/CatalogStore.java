package org.lunchrush.catalog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the catalog tables.
 */
@Repository
class CatalogStore {

	private final JdbcClient jdbc;

	CatalogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record CampusRow(long id, String name, String timeZone) {
	}

	record BuildingRow(long id, String name, String kind, int xMetres, int yMetres) {
	}

	record MerchantRow(long id, String name, long buildingId, String kind, String openingHours, boolean autoAccept,
			boolean busy) {
	}

	Optional<CampusRow> campus() {
		return this.jdbc.sql("select id, name, time_zone from catalog.campus order by id limit 1")
			.query((rs, row) -> new CampusRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	List<BuildingRow> buildings(long campusId) {
		return this.jdbc
			.sql("select id, name, kind, x_m, y_m from catalog.building where campus_id = :campus order by id")
			.param("campus", campusId)
			.query((rs, row) -> new BuildingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getInt(5)))
			.list();
	}

	Map<Long, BuildingPosition> buildingPositions() {
		Map<Long, BuildingPosition> positions = new LinkedHashMap<>();
		this.jdbc.sql("select id, x_m, y_m from catalog.building order by id")
			.query((rs, row) -> new BuildingPosition(rs.getLong(1), rs.getInt(2), rs.getInt(3)))
			.list()
			.forEach((position) -> positions.put(position.buildingId(), position));
		return Map.copyOf(positions);
	}

	List<Long> merchantIds() {
		return this.jdbc.sql("select id from catalog.merchant order by id").query(Long.class).list();
	}

	Optional<MerchantSnapshot> loadMerchant(long merchantId) {
		Optional<MerchantRow> merchant = this.jdbc.sql("""
				select id, name, building_id, kind, opening_hours, auto_accept, busy from catalog.merchant
				where id = :id
				""")
			.param("id", merchantId)
			.query((rs, row) -> new MerchantRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(6), rs.getBoolean(7)))
			.optional();
		return merchant.map((row) -> {
			Set<Long> zone = new HashSet<>(
					this.jdbc.sql("select building_id from catalog.delivery_zone where merchant_id = :id")
						.param("id", merchantId)
						.query(Long.class)
						.list());
			List<ItemSnapshot> menu = this.jdbc.sql("""
					select id, name, price_cents, on_sale from catalog.menu_item
					where merchant_id = :id order by position, id
					""")
				.param("id", merchantId)
				.query((rs, r) -> new ItemSnapshot(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
				.list();
			return new MerchantSnapshot(row.id(), row.name(), row.buildingId(), OpeningHours.parse(row.openingHours()),
					zone, menu, new MerchantSnapshot.MerchantSettings(row.autoAccept(), row.busy()));
		});
	}

	long insertCampus(String name, String timeZone) {
		return insert("insert into catalog.campus (name, time_zone) values (:name, :zone)",
				Map.of("name", name, "zone", timeZone));
	}

	long insertBuilding(long campusId, String name, String kind, int x, int y) {
		return insert("""
				insert into catalog.building (campus_id, name, kind, x_m, y_m) values (:campus, :name, :kind, :x, :y)
				""", Map.of("campus", campusId, "name", name, "kind", kind, "x", x, "y", y));
	}

	long insertMerchant(long campusId, long buildingId, String name, String kind, String hours, Set<Long> zone) {
		long id = insert("""
				insert into catalog.merchant (campus_id, building_id, name, kind, opening_hours)
				values (:campus, :building, :name, :kind, :hours)
				""", Map.of("campus", campusId, "building", buildingId, "name", name, "kind", kind, "hours", hours));
		for (long building : zone.stream().sorted().collect(Collectors.toList())) {
			this.jdbc.sql("insert into catalog.delivery_zone (merchant_id, building_id) values (:m, :b)")
				.param("m", id)
				.param("b", building)
				.update();
		}
		return id;
	}

	long insertItem(long merchantId, String name, int priceCents) {
		return insert("""
				insert into catalog.menu_item (merchant_id, name, price_cents, position)
				values (:merchant, :name, :price,
				        (select coalesce(max(position), 0) + 1 from catalog.menu_item where merchant_id = :merchant))
				""", Map.of("merchant", merchantId, "name", name, "price", priceCents));
	}

	void updateSettings(long merchantId, boolean autoAccept, boolean busy, String openingHours) {
		this.jdbc.sql("""
				update catalog.merchant set auto_accept = :auto, busy = :busy, opening_hours = :hours where id = :id
				""")
			.param("auto", autoAccept)
			.param("busy", busy)
			.param("hours", openingHours)
			.param("id", merchantId)
			.update();
	}

	Optional<Long> merchantOfItem(long itemId) {
		return this.jdbc.sql("select merchant_id from catalog.menu_item where id = :id")
			.param("id", itemId)
			.query(Long.class)
			.optional();
	}

	void setOnSale(long itemId, boolean onSale) {
		this.jdbc.sql("update catalog.menu_item set on_sale = :onSale where id = :id")
			.param("onSale", onSale)
			.param("id", itemId)
			.update();
	}

	private long insert(String sql, Map<String, Object> params) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

}
