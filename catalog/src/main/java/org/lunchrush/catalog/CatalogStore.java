package org.lunchrush.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
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

	/**
	 * A menu item's columns and its picture's hash (not its bytes).
	 */
	private static final String ITEM_COLUMNS = """
			select i.id, i.merchant_id, i.name, i.price_cents, i.category, i.on_sale, p.sha256
			from catalog.menu_item i left join catalog.item_picture p on p.item_id = i.id
			""";

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
			List<ItemSnapshot> menu = items(merchantId).stream().map(ItemRow::snapshot).toList();
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

	long insertItem(long merchantId, String name, int priceCents, String category, boolean onSale) {
		return insert("""
				insert into catalog.menu_item (merchant_id, name, price_cents, category, on_sale, position)
				values (:merchant, :name, :price, :category, :onSale,
				        (select coalesce(max(position), 0) + 1 from catalog.menu_item where merchant_id = :merchant))
				""", Map.of("merchant", merchantId, "name", name, "price", priceCents, "category", category, "onSale",
				onSale));
	}

	/**
	 * A menu item that is not deleted, with its picture's version.
	 */
	record ItemRow(long id, long merchantId, String name, int priceCents, String category, boolean onSale,
			Optional<String> pictureVersion) {

		ItemSnapshot snapshot() {
			return new ItemSnapshot(this.id, this.name, this.priceCents, this.onSale, this.category,
					this.pictureVersion);
		}

	}

	/**
	 * A stored picture and its SHA-256 (hex).
	 */
	record StoredPicture(long itemId, String contentType, byte[] bytes, String sha256) {

		String version() {
			return ItemPictures.version(this.sha256);
		}

	}

	/**
	 * @return a merchant's items in menu order, deleted ones left out (the picture's
	 * bytes are not read)
	 */
	List<ItemRow> items(long merchantId) {
		return this.jdbc
			.sql(ITEM_COLUMNS + " where i.merchant_id = :merchant and i.deleted_at is null"
					+ " order by i.position, i.id")
			.param("merchant", merchantId)
			.query(CatalogStore::itemRow)
			.list();
	}

	Optional<ItemRow> item(long itemId) {
		return this.jdbc.sql(ITEM_COLUMNS + " where i.id = :id and i.deleted_at is null")
			.param("id", itemId)
			.query(CatalogStore::itemRow)
			.optional();
	}

	private static ItemRow itemRow(ResultSet rs, int row) throws SQLException {
		return new ItemRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
				rs.getBoolean(6), Optional.ofNullable(rs.getString(7)).map(ItemPictures::version));
	}

	/**
	 * Takes the merchant's row lock until the transaction ends, so that two items added
	 * at once cannot both pass the per-merchant limit.
	 */
	void lockMerchant(long merchantId) {
		this.jdbc.sql("select id from catalog.merchant where id = :id for update")
			.param("id", merchantId)
			.query(Long.class)
			.optional();
	}

	int countItems(long merchantId) {
		return this.jdbc
			.sql("select count(*) from catalog.menu_item where merchant_id = :merchant and deleted_at is null")
			.param("merchant", merchantId)
			.query(Integer.class)
			.single();
	}

	void updateItem(long itemId, String name, int priceCents, String category) {
		this.jdbc.sql("""
				update catalog.menu_item set name = :name, price_cents = :price, category = :category
				where id = :id and deleted_at is null
				""")
			.param("name", name)
			.param("price", priceCents)
			.param("category", category)
			.param("id", itemId)
			.update();
	}

	/**
	 * Deletes an item for good (the row stays, for the orders that name it) with its
	 * picture.
	 */
	void deleteItem(long itemId) {
		this.jdbc.sql("delete from catalog.item_picture where item_id = :id").param("id", itemId).update();
		this.jdbc.sql("update catalog.menu_item set deleted_at = now() where id = :id and deleted_at is null")
			.param("id", itemId)
			.update();
	}

	void savePicture(long itemId, String contentType, byte[] bytes, String sha256) {
		this.jdbc.sql("""
				insert into catalog.item_picture (item_id, content_type, bytes, sha256, uploaded_at)
				values (:id, :type, :bytes, :sha256, now())
				on conflict (item_id) do update set content_type = excluded.content_type, bytes = excluded.bytes,
				    sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at
				""")
			.param("id", itemId)
			.param("type", contentType)
			.param("bytes", bytes)
			.param("sha256", sha256)
			.update();
	}

	void deletePicture(long itemId) {
		this.jdbc.sql("delete from catalog.item_picture where item_id = :id").param("id", itemId).update();
	}

	/**
	 * @return the picture of an item that is not deleted
	 */
	Optional<StoredPicture> picture(long itemId) {
		return this.jdbc.sql("""
				select p.item_id, p.content_type, p.bytes, p.sha256
				from catalog.item_picture p join catalog.menu_item i on i.id = p.item_id
				where p.item_id = :id and i.deleted_at is null
				""")
			.param("id", itemId)
			.query((rs, row) -> new StoredPicture(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
			.optional();
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
		return this.jdbc.sql("select merchant_id from catalog.menu_item where id = :id and deleted_at is null")
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
