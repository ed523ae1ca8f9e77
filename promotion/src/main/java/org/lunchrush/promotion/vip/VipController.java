package org.lunchrush.promotion.vip;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.promotion.Memberships;
import org.lunchrush.promotion.VipMembership;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators grant and revoke VIP membership ({@code /api/v1/admin/**} is ADMIN only).
 * Student ids are account ids, numbers like the login's {@code userId}.
 */
@RestController
class VipController {

	private final Memberships memberships;

	private final CampusTime time;

	VipController(Memberships memberships, CampusTime time) {
		this.memberships = memberships;
		this.time = time;
	}

	@GetMapping("/api/v1/admin/vips")
	List<VipView> list() {
		return this.memberships.members().stream().map(this::view).toList();
	}

	@PutMapping("/api/v1/admin/vips/{studentId}")
	VipView grant(Caller caller, @PathVariable long studentId,
			@Valid @RequestBody(required = false) GrantRequest request) {
		Optional<String> note = Optional.ofNullable(request).map(GrantRequest::note);
		return view(this.memberships.grant(studentId, caller.userId(), note));
	}

	@DeleteMapping("/api/v1/admin/vips/{studentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long studentId) {
		this.memberships.revoke(studentId);
	}

	private VipView view(VipMembership membership) {
		return new VipView(membership.studentId(), membership.grantedBy(), this.time.local(membership.grantedAt()),
				membership.note().orElse(null));
	}

	record GrantRequest(@Size(max = 200) String note) {
	}

	record VipView(long studentId, long grantedBy, OffsetDateTime grantedAt, String note) {
	}

}
