package org.lunchrush.promotion.vip;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.lunchrush.promotion.VipMembership;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VipStore {

	private final JdbcClient jdbc;

	VipStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the membership was created (false when it existed)
	 */
	boolean insert(long studentId, long grantedBy, Instant at, Optional<String> note) {
		return this.jdbc.sql("""
				insert into promotion.vip_membership (student_id, granted_by, granted_at, note)
				values (:student, :by, :at, :note)
				on conflict (student_id) do nothing
				""")
			.param("student", studentId)
			.param("by", grantedBy)
			.param("at", Timestamp.from(at))
			.param("note", note.orElse(null))
			.update() == 1;
	}

	boolean delete(long studentId) {
		return this.jdbc.sql("delete from promotion.vip_membership where student_id = :student")
			.param("student", studentId)
			.update() == 1;
	}

	Optional<VipMembership> find(long studentId) {
		return this.jdbc
			.sql("""
					select student_id, granted_by, granted_at, note from promotion.vip_membership where student_id = :student
					""")
			.param("student", studentId)
			.query(VipStore::membership)
			.optional();
	}

	List<VipMembership> all() {
		return this.jdbc.sql("""
				select student_id, granted_by, granted_at, note from promotion.vip_membership
				order by granted_at, student_id
				""").query(VipStore::membership).list();
	}

	List<Long> studentIds() {
		return this.jdbc.sql("select student_id from promotion.vip_membership").query(Long.class).list();
	}

	private static VipMembership membership(ResultSet rs, int row) throws SQLException {
		return new VipMembership(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
				Optional.ofNullable(rs.getString(4)));
	}

}
