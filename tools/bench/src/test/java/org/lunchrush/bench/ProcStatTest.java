package org.lunchrush.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lunchrush.bench.ProcStat.BoxTimes;
import org.lunchrush.bench.ProcStat.ProcessTimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcStatTest {

	// A real line of a JVM (fields 14, 15 = 2562, 398; field 22 = 37708).
	private static final String JAVA_STAT = "9127 (java) S 1 9126 9126 0 -1 4194560 215434 0 12 0 2562 398 0 0 20 0 "
			+ "93 0 37708 4586774528 151240 18446744073709551615 94105444962304 94105444963104 140733152186432 0 0 0 "
			+ "4 0 16800 0 0 0 17 1 0 0 0 0 0 94105444974936 94105444975632 94105449209856 140733152189747 "
			+ "140733152190009 140733152190009 140733152194514 0\n";

	@Test
	void readsUserSystemAndStartTime() {
		ProcessTimes times = ProcStat.parseProcessStat(9127, JAVA_STAT);
		assertThat(times.pid()).isEqualTo(9127);
		assertThat(times.comm()).isEqualTo("java");
		assertThat(times.utime()).isEqualTo(2562);
		assertThat(times.stime()).isEqualTo(398);
		assertThat(times.total()).isEqualTo(2960);
		assertThat(times.startTime()).isEqualTo(37708);
	}

	@Test
	void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
		String odd = JAVA_STAT.replace("(java)", "(we (ird) ) name)");
		ProcessTimes times = ProcStat.parseProcessStat(9127, odd);
		assertThat(times.comm()).isEqualTo("we (ird) ) name");
		assertThat(times.utime()).isEqualTo(2562);
		assertThat(times.stime()).isEqualTo(398);
		assertThat(times.startTime()).isEqualTo(37708);
	}

	@Test
	void refusesWhatIsNoStatLine() {
		assertThatThrownBy(() -> ProcStat.parseProcessStat(1, "no parentheses here"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ProcStat.parseProcessStat(1, "1 (x) S 1 2 3"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ProcStat.parseProcessStat(1, JAVA_STAT.replace(" 2562 ", " x ")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void readsTheBoxCounters() {
		String stat = """
				cpu  38763 5 6139 29292 403 7 273 24 0 0
				cpu0 19000 2 3000 14000 200 3 130 12 0 0
				cpu1 19763 3 3139 15292 203 4 143 12 0 0
				intr 123456 0 0
				ctxt 987654
				""";
		BoxTimes box = ProcStat.parseBoxStat(stat);
		assertThat(box.busy()).isEqualTo(38763 + 5 + 6139 + 7 + 273 + 24);
		assertThat(box.idle()).isEqualTo(29292 + 403);
		assertThat(box.cores()).isEqualTo(2);
		assertThatThrownBy(() -> ProcStat.parseBoxStat("intr 1\n")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void readsUptimeAndClockTicks() {
		assertThat(ProcStat.parseUptime("377.08 650.31\n")).isEqualTo(377.08);
		assertThat(ProcStat.parseClockTicks("100\n")).isEqualTo(100);
		assertThat(ProcStat.parseClockTicks("250")).isEqualTo(250);
		assertThat(ProcStat.parseClockTicks("getconf: unknown")).isEqualTo(ProcStat.DEFAULT_CLOCK_TICKS);
		assertThat(ProcStat.parseClockTicks("")).isEqualTo(ProcStat.DEFAULT_CLOCK_TICKS);
		assertThat(ProcStat.parseClockTicks(null)).isEqualTo(ProcStat.DEFAULT_CLOCK_TICKS);
	}

	@Test
	void pidsComeAsNumbersOrPidFiles(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("app.pid");
		Files.writeString(file, "9127\n");
		assertThat(ProcStat.pidOf("4242")).isEqualTo(4242);
		assertThat(ProcStat.pidOf(file.toString())).isEqualTo(9127);
		assertThat(ProcStat.pidOf(dir.resolve("missing.pid").toString())).isEqualTo(-1);
		Files.writeString(file, "\n");
		assertThat(ProcStat.pidOf(file.toString())).isEqualTo(-1);
		assertThat(ProcStat.pidOf(null)).isEqualTo(-1);
	}

	@Test
	void theReplicasPidsComeSeparatedByCommasAndTheMissingOnesAreLeftOut(@TempDir Path dir) throws IOException {
		Path first = dir.resolve("app-1.pid");
		Path second = dir.resolve("app-2.pid");
		Files.writeString(first, "9127\n");
		Files.writeString(second, "9128\n");
		String spec = first + "," + second + "," + dir.resolve("app-3.pid") + ",4242";
		assertThat(ProcStat.pidsOf(spec)).containsExactly(9127L, 9128L, 4242L);
		assertThat(ProcStat.pidsOf(first.toString())).containsExactly(9127L);
		assertThat(ProcStat.pidsOf(null)).isEmpty();
	}

}
