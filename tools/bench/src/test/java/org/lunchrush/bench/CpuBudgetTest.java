package org.lunchrush.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.bench.CpuBudget.GroupUsage;
import org.lunchrush.bench.CpuBudget.Usage;
import org.lunchrush.bench.ProcStat.ProcessTimes;

import static org.assertj.core.api.Assertions.assertThat;

class CpuBudgetTest {

	private static ProcessTimes process(long pid, long utime, long stime, long startTime) {
		return new ProcessTimes(pid, "postgres", utime, stime, startTime);
	}

	@Test
	void countsWhatEachProcessSpentInTheWindow() {
		long windowStart = 50_000;
		// 10 runs throughout, 11 ends in the window, 12 ends and its pid is reused
		Map<Long, ProcessTimes> before = Map.of(10L, process(10, 100, 50, 1_000), 11L, process(11, 40, 10, 2_000), 12L,
				process(12, 500, 0, 3_000));
		// 10 spent 80 more; the new 12 counts all of its 6;
		// 13 started in the window and counts all of its 34
		Map<Long, ProcessTimes> after = Map.of(10L, process(10, 160, 70, 1_000), 12L, process(12, 5, 1, 50_300), 13L,
				process(13, 30, 4, 50_100));
		GroupUsage usage = CpuBudget.usage("PostgreSQL", before, after, windowStart);
		assertThat(usage.ticks()).isEqualTo(80 + 6 + 34);
		assertThat(usage.processes()).isEqualTo(3);
		assertThat(usage.ended()).isEqualTo(2);
	}

	@Test
	void aProcessThatWasAlreadyRunningButUnseenIsNotChargedItsWholeLife() {
		Map<Long, ProcessTimes> after = Map.of(20L, process(20, 9_000, 1_000, 1_000));
		assertThat(CpuBudget.usage("Redis", Map.of(), after, 50_000).ticks()).isZero();
	}

	@Test
	void postgresBackendsOfOtherDatabasesAreNotThePlatforms() {
		String database = "lunchrush_bench";
		assertThat(
				CpuBudget.servesDatabase("postgres: 15/main: postgres lunchrush_bench 127.0.0.1(33472) idle", database))
			.isTrue();
		assertThat(CpuBudget.servesDatabase("postgres: 15/main: postgres lunchrush 127.0.0.1(54916) idle", database))
			.isFalse();
		assertThat(CpuBudget.servesDatabase("postgres: postgres lunchrush [local] idle", database)).isFalse();
		assertThat(CpuBudget.servesDatabase("postgres: app lunchrush_bench ::1(5000) SELECT", database)).isTrue();
		assertThat(CpuBudget.servesDatabase("postgres: 15/main: checkpointer", database)).isTrue();
		assertThat(CpuBudget.servesDatabase("postgres: 15/main: walwriter", database)).isTrue();
		assertThat(CpuBudget.servesDatabase(
				"/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main -c config_file=/etc/x.conf",
				database))
			.isTrue();
		assertThat(CpuBudget.servesDatabase("postgres: 15/main: postgres lunchrush 127.0.0.1(54916) idle", null))
			.isTrue();
	}

	@Test
	void tableGivesSecondsMillisecondsPerOrderAndShares() {
		// 10 s on 2 cores = 20 core-s = 2000 ticks at 100/s
		Usage usage = new Usage(10, 2, 100, List.of(new GroupUsage("platform", 1000, 1, 0),
				new GroupUsage("harness", 200, 1, 0), new GroupUsage("RabbitMQ", 0, 0, 0)), 1500, 500);
		assertThat(usage.share(1000)).isEqualTo(0.5);
		assertThat(usage.listedTicks()).isEqualTo(1200);
		List<String> lines = CpuBudget.table(usage, Map.of("platform", "platform (pid 7)"), 2000);
		assertThat(lines.get(0)).contains("process", "CPU s", "CPU ms/order", "share of box");
		assertThat(lines.get(1)).contains("platform (pid 7)", "10.00", "5.000", "50.0 %");
		assertThat(lines.get(2)).contains("harness", "2.00", "1.000", "10.0 %");
		assertThat(lines.get(3)).contains("RabbitMQ", "not running");
		assertThat(lines.get(4)).contains("all of the above", "12.00", "6.000", "60.0 %");
		assertThat(lines.get(5)).contains("rest of the box", "3.00", "1.500", "15.0 %");
		assertThat(lines.get(6)).contains("idle", "5.00", "25.0 %");
	}

}
