package org.lunchrush;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lunchrush.promotion.Memberships;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operators grant and revoke VIP membership; the order path asks {@code isVip}, which
 * each instance's copy of the Redis set answers, and the database backs.
 */
class VipIT extends IntegrationTest {

	@Autowired
	private Memberships memberships;

	@Autowired
	private StringRedisTemplate redis;

	private Session admin() {
		return api().login("admin");
	}

	private JsonNode listed(long studentId) {
		for (JsonNode vip : api().get("/api/v1/admin/vips", admin()).body()) {
			if (vip.path("studentId").asLong() == studentId) {
				return vip;
			}
		}
		return null;
	}

	@Test
	void theDemoVipsAreMembers() {
		long vip1 = api().login("vip1").userId();
		long vip10 = api().login("vip10").userId();

		assertThat(this.memberships.isVip(vip1)).isTrue();
		assertThat(this.memberships.isVip(vip10)).isTrue();
		assertThat(this.memberships.isVip(student(1).userId())).isFalse();
		assertThat(listed(vip1)).isNotNull();
		assertThat(listed(vip1).path("grantedBy").asLong()).isEqualTo(admin().userId());
	}

	@Test
	void grantingMakesAStudentVipAndRevokingEndsIt() {
		long student = student(88).userId();
		assertThat(this.memberships.isVip(student)).isFalse();

		Response granted = api().put("/api/v1/admin/vips/" + student, admin(), Map.of("note", "校园大使"));

		assertThat(granted.status()).as(granted.raw().body()).isEqualTo(200);
		assertThat(granted.body().path("studentId").asLong()).isEqualTo(student);
		assertThat(granted.body().path("note").asString()).isEqualTo("校园大使");
		assertThat(this.memberships.isVip(student)).isTrue();
		assertThat(listed(student)).isNotNull();
		Response again = api().put("/api/v1/admin/vips/" + student, admin(), Map.of("note", "改了备注"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("grantedAt").asString()).as("the first grant stands")
			.isEqualTo(granted.body().path("grantedAt").asString());

		Response revoked = api().delete("/api/v1/admin/vips/" + student, admin());

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(this.memberships.isVip(student)).isFalse();
		assertThat(listed(student)).isNull();
		assertThat(api().delete("/api/v1/admin/vips/" + student, admin()).status()).as("idempotent").isEqualTo(204);
	}

	@Test
	void aStudentGrantedVipOrdersInThePriorityLaneFromTheNextOrderOn() {
		Session student = student(87);
		JsonNode merchant = merchantNamed("南门·一点点奶茶");
		long itemId = firstItemId(merchant);
		String before = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
		awaitStatus(student, before, "PENDING_PAYMENT");

		this.memberships.grant(student.userId(), 0, Optional.of("test"));
		String after = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
		awaitStatus(student, after, "PENDING_PAYMENT");

		assertThat(count("select count(*) from ordering.orders where id = ? and vip", Long.parseLong(before))).isZero();
		assertThat(count("select count(*) from ordering.orders where id = ? and vip", Long.parseLong(after)))
			.as("the same token, a new membership")
			.isEqualTo(1);
	}

	@Test
	void afterRedisLosesTheSetMembershipIsAnsweredFromTheDatabase() {
		long member = student(89).userId();
		long notMember = student(90).userId();
		assertThat(api().put("/api/v1/admin/vips/" + member, admin(), Map.of()).status()).isEqualTo(200);

		this.redis.delete("lr:vip");

		assertThat(this.memberships.isVip(member)).isTrue();
		assertThat(this.memberships.isVip(notMember)).isFalse();
		assertThat(this.memberships.isVip(api().login("vip1").userId())).isTrue();
		// Each instance refreshes its copy of the set from Redis, and loads a lost set
		// from the table when it does.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.redis.hasKey("lr:vip")).as("reloaded").isTrue());
		assertThat(this.redis.opsForSet().isMember("lr:vip", Long.toString(member))).isTrue();
		api().delete("/api/v1/admin/vips/" + member, admin());
		assertThat(this.memberships.isVip(member)).isFalse();
	}

	@Test
	void onlyOperatorsManageMemberships() {
		Session student = student(91);

		assertThat(api().get("/api/v1/admin/vips", student).status()).isEqualTo(403);
		assertThat(api().put("/api/v1/admin/vips/" + student.userId(), student, Map.of()).status()).isEqualTo(403);
		assertThat(this.memberships.isVip(student.userId())).isFalse();
		assertThat(api().put("/api/v1/admin/vips/not-a-number", admin(), Map.of()).code()).isEqualTo("VALIDATION");
	}

}
