package org.lunchrush.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What Linux's {@code /proc} says about CPU time: a process's user and system time from
 * {@code /proc/<pid>/stat}, the box's counters from {@code /proc/stat}. Times are in
 * clock ticks ({@code getconf CLK_TCK}, 100 on Linux).
 */
final class ProcStat {

	static final long DEFAULT_CLOCK_TICKS = 100;

	private static final Path PROC = Path.of("/proc");

	private ProcStat() {
	}

	/**
	 * CPU times of one process.
	 *
	 * @param pid the process id
	 * @param comm its command name (field 2, without the parentheses)
	 * @param utime user time in ticks (field 14)
	 * @param stime system time in ticks (field 15)
	 * @param startTime when it started, in ticks since boot (field 22): tells a reused
	 * pid apart
	 */
	record ProcessTimes(long pid, String comm, long utime, long stime, long startTime) {

		long total() {
			return this.utime + this.stime;
		}

	}

	/**
	 * The box's CPU counters, summed over all cores.
	 *
	 * @param busy user + nice + system + irq + softirq + steal ticks
	 * @param idle idle + iowait ticks
	 * @param cores number of {@code cpuN} lines
	 */
	record BoxTimes(long busy, long idle, int cores) {

	}

	/**
	 * Parses the text of {@code /proc/<pid>/stat}. The command name may hold spaces and
	 * parentheses, so the fields are counted from the last {@code ')'}.
	 * @param pid the process id, used when the line does not start with it
	 * @param line the file's content
	 * @return the times
	 * @throws IllegalArgumentException if the text is not a stat line
	 */
	static ProcessTimes parseProcessStat(long pid, String line) {
		int open = line.indexOf('(');
		int close = line.lastIndexOf(')');
		if (open < 0 || close < open) {
			throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(line));
		}
		String comm = line.substring(open + 1, close);
		String[] fields = line.substring(close + 1).strip().split("\\s+");
		// fields[0] is field 3 (state): field n is fields[n - 3].
		if (fields.length < 20) {
			throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + abbreviate(line));
		}
		try {
			return new ProcessTimes(pid, comm, Long.parseLong(fields[14 - 3]), Long.parseLong(fields[15 - 3]),
					Long.parseLong(fields[22 - 3]));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("unexpected /proc/<pid>/stat line: " + abbreviate(line), ex);
		}
	}

	/**
	 * Parses the text of {@code /proc/stat}: the aggregate {@code cpu} line and the count
	 * of {@code cpuN} lines.
	 * @param text the file's content
	 * @return the box's counters
	 */
	static BoxTimes parseBoxStat(String text) {
		long busy = -1;
		long idle = -1;
		int cores = 0;
		for (String line : text.split("\n")) {
			String[] fields = line.strip().split("\\s+");
			if (fields[0].equals("cpu")) {
				long[] values = new long[8];
				for (int i = 0; i < values.length && i + 1 < fields.length; i++) {
					values[i] = Long.parseLong(fields[i + 1]);
				}
				// user nice system idle iowait irq softirq steal (guest time is inside
				// user)
				busy = values[0] + values[1] + values[2] + values[5] + values[6] + values[7];
				idle = values[3] + values[4];
			}
			else if (fields[0].matches("cpu\\d+")) {
				cores++;
			}
		}
		if (busy < 0) {
			throw new IllegalArgumentException("no cpu line in /proc/stat");
		}
		return new BoxTimes(busy, idle, Math.max(1, cores));
	}

	/**
	 * Seconds since boot, from the text of {@code /proc/uptime}.
	 * @param text the file's content
	 * @return the uptime
	 */
	static double parseUptime(String text) {
		return Double.parseDouble(text.strip().split("\\s+")[0]);
	}

	/**
	 * A pid given as a number, or the path of a file holding one (as
	 * {@code .lunchrush/app.pid}).
	 * @param spec the number or the path
	 * @return the pid, or -1 when the file does not exist or holds no number
	 */
	static long pidOf(String spec) {
		if (spec == null) {
			return -1;
		}
		String text = spec.strip();
		if (text.matches("\\d+")) {
			return Long.parseLong(text);
		}
		try {
			String digits = Files.readString(Path.of(text)).replaceAll("[^0-9]", "");
			return digits.isEmpty() ? -1 : Long.parseLong(digits);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * @param spec pids or files holding one, separated by commas (the replicas'), or
	 * {@code null}
	 * @return the pids found, in the order given; none for {@code null}
	 */
	static Set<Long> pidsOf(String spec) {
		Set<Long> pids = new LinkedHashSet<>();
		if (spec != null) {
			for (String one : spec.split(",")) {
				long pid = pidOf(one);
				if (pid > 0) {
					pids.add(pid);
				}
			}
		}
		return pids;
	}

	static boolean available() {
		return Files.isReadable(PROC.resolve("stat"));
	}

	/**
	 * Reads one process's times.
	 * @param pid the process id
	 * @return the times, or {@code null} when the process is gone or unreadable
	 */
	static ProcessTimes read(long pid) {
		try {
			return parseProcessStat(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat")));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The command line of a process, its arguments joined by spaces.
	 * @param pid the process id
	 * @return the command line, empty when unreadable
	 */
	static String commandLine(long pid) {
		try {
			byte[] bytes = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
			return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').strip();
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	/**
	 * Every process id in {@code /proc}.
	 * @return the pids
	 */
	static List<Long> pids() {
		List<Long> pids = new ArrayList<>();
		try (var entries = Files.newDirectoryStream(PROC)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
					pids.add(Long.parseLong(name));
				}
			}
		}
		catch (IOException ex) {
			// no /proc: no processes to account
		}
		return pids;
	}

	static BoxTimes readBox() throws IOException {
		return parseBoxStat(Files.readString(PROC.resolve("stat")));
	}

	static double readUptime() throws IOException {
		return parseUptime(Files.readString(PROC.resolve("uptime")));
	}

	/**
	 * Clock ticks per second from {@code getconf CLK_TCK}.
	 * @return the ticks, {@value #DEFAULT_CLOCK_TICKS} when getconf is missing or says
	 * nothing usable
	 */
	static long clockTicks() {
		try {
			Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String output;
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return DEFAULT_CLOCK_TICKS;
			}
			return parseClockTicks(output);
		}
		catch (IOException ex) {
			return DEFAULT_CLOCK_TICKS;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DEFAULT_CLOCK_TICKS;
		}
	}

	static long parseClockTicks(String output) {
		String text = (output != null) ? output.strip() : "";
		if (text.matches("\\d{1,9}") && Long.parseLong(text) > 0) {
			return Long.parseLong(text);
		}
		return DEFAULT_CLOCK_TICKS;
	}

	private static String abbreviate(String text) {
		String flat = text.strip();
		return (flat.length() > 120) ? flat.substring(0, 120) + "…" : flat;
	}

}
