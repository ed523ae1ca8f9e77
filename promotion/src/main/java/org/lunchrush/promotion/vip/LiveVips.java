package org.lunchrush.promotion.vip;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lunchrush.kernel.ClasspathText;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The VIP set in Redis, a cache of {@code promotion.vip_membership} for the order path.
 */
@Component
class LiveVips {

	static final String KEY = "lr:vip";

	/**
	 * Always in a loaded set, so that one read tells membership and whether the set is
	 * there at all.
	 */
	private static final String LOADED_MARKER = "_loaded";

	private final RedisScript<Long> load = RedisScript.of(ClasspathText.of(LiveVips.class, "load.lua"), Long.class);

	private final RedisScript<Long> add = RedisScript.of(ClasspathText.of(LiveVips.class, "add.lua"), Long.class);

	private final StringRedisTemplate redis;

	LiveVips(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * @return whether the student is a VIP, or empty when the set is not loaded
	 */
	Optional<Boolean> isVip(long studentId) {
		String student = Long.toString(studentId);
		Map<Object, Boolean> members = this.redis.opsForSet().isMember(KEY, student, LOADED_MARKER);
		if (members == null || !Boolean.TRUE.equals(members.get(LOADED_MARKER))) {
			return Optional.empty();
		}
		return Optional.of(Boolean.TRUE.equals(members.get(student)));
	}

	/**
	 * @return every member, or empty when the set is not loaded
	 */
	Optional<Set<Long>> members() {
		Set<String> members = this.redis.opsForSet().members(KEY);
		if (members == null || !members.contains(LOADED_MARKER)) {
			return Optional.empty();
		}
		Set<Long> students = new HashSet<>(members.size());
		for (String member : members) {
			if (!member.equals(LOADED_MARKER)) {
				students.add(Long.parseLong(member));
			}
		}
		return Optional.of(students);
	}

	void loadIfAbsent(List<Long> students) {
		load("absent", students);
	}

	/**
	 * Replaces whatever Redis holds with the database's members.
	 */
	void replace(List<Long> students) {
		load("replace", students);
	}

	void add(long studentId) {
		this.redis.execute(this.add, List.of(KEY), Long.toString(studentId));
	}

	void remove(long studentId) {
		this.redis.opsForSet().remove(KEY, Long.toString(studentId));
	}

	private void load(String mode, List<Long> students) {
		List<String> arguments = new ArrayList<>(students.size() + 2);
		arguments.add(mode);
		arguments.add(LOADED_MARKER);
		students.forEach((student) -> arguments.add(student.toString()));
		this.redis.execute(this.load, List.of(KEY), arguments.toArray());
	}

}
