package org.lunchrush.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lunchrush.bench.ProcStat.BoxTimes;
import org.lunchrush.bench.ProcStat.ProcessTimes;

/**
 * CPU time each process of the box spends during a measured window, read from
 * {@code /proc} before and after it: the platform, Kafka, Redis, PostgreSQL, RabbitMQ,
 * the harness (and the ceiling server in its own phase), the rest of the box and what
 * stayed idle.
 */
final class CpuBudget {

	/**
	 * A PostgreSQL backend's process title: {@code postgres: [cluster: ]user database
	 * host(port) activity}.
	 */
	private static final Pattern POSTGRES_BACKEND = Pattern
		.compile("^postgres: (?:\\S+: )?(\\S+) (\\S+) (\\S+\\(\\d+\\)|\\[local\\])");

	private final List<Group> groups;

	private final List<String> notes;

	private final long clockTicks;

	/**
	 * Processes accounted together.
	 *
	 * @param label the table's row label
	 * @param pids the processes of the group, none when the group is chosen by name
	 * @param comm command name (as in {@code /proc/<pid>/comm}) of the group's processes,
	 * when chosen by name
	 * @param commandLine further test on the command line, {@code null} for none
	 */
	record Group(String label, Set<Long> pids, String comm, Predicate<String> commandLine) {

		static Group ofPid(String label, long pid) {
			return new Group(label, Set.of(pid), null, null);
		}

		/**
		 * Several processes as one row: the replicas of
		 * {@code ./lunchrush up --replicas N}.
		 */
		static Group ofPids(String label, Set<Long> pids) {
			return new Group(label, Set.copyOf(pids), null, null);
		}

		static Group ofName(String label, String comm, Predicate<String> commandLine) {
			return new Group(label, Set.of(), comm, commandLine);
		}

		boolean byName() {
			return this.pids.isEmpty();
		}

		boolean matches(ProcessTimes times) {
			if (!byName()) {
				return this.pids.contains(times.pid());
			}
			return times.comm().equals(this.comm)
					&& (this.commandLine == null || this.commandLine.test(ProcStat.commandLine(times.pid())));
		}

	}

	/**
	 * The processes of all groups at one moment.
	 *
	 * @param nanos {@link System#nanoTime()}
	 * @param uptimeTicks ticks since boot
	 * @param box the box's counters
	 * @param processes per group label, the group's processes by pid
	 */
	record Snapshot(long nanos, long uptimeTicks, BoxTimes box, Map<String, Map<Long, ProcessTimes>> processes) {

	}

	/**
	 * One group's CPU time over a window.
	 *
	 * @param label the group's label
	 * @param ticks CPU ticks spent in the window
	 * @param processes processes seen at the end
	 * @param ended processes that ended during the window (their time is not counted)
	 */
	record GroupUsage(String label, long ticks, int processes, int ended) {

	}

	/**
	 * The whole window.
	 *
	 * @param wallSeconds length of the window
	 * @param cores cores of the box
	 * @param clockTicks ticks per second
	 * @param groups per group
	 * @param boxBusyTicks busy ticks of the whole box
	 * @param boxIdleTicks idle ticks of the whole box
	 */
	record Usage(double wallSeconds, int cores, long clockTicks, List<GroupUsage> groups, long boxBusyTicks,
			long boxIdleTicks) {

		double seconds(long ticks) {
			return ticks / (double) this.clockTicks;
		}

		/**
		 * Share of the box's capacity (wall time × cores).
		 * @param ticks CPU ticks
		 * @return a fraction
		 */
		double share(long ticks) {
			return seconds(ticks) / Math.max(1e-9, this.wallSeconds * this.cores);
		}

		long listedTicks() {
			return this.groups.stream().mapToLong(GroupUsage::ticks).sum();
		}

		/**
		 * Share of the box that processes outside the groups took.
		 * @return a fraction
		 */
		double restShare() {
			return share(Math.max(0, this.boxBusyTicks - listedTicks()));
		}

		GroupUsage group(String label) {
			return this.groups.stream().filter((group) -> group.label().equals(label)).findFirst().orElse(null);
		}

	}

	CpuBudget(List<Group> groups, List<String> notes, long clockTicks) {
		this.groups = List.copyOf(groups);
		this.notes = new ArrayList<>(notes);
		this.clockTicks = clockTicks;
	}

	/**
	 * The groups of the order path on this box.
	 * @param appPids the platform's processes (one, or each replica's), none if unknown
	 * @param appPidSpec where the pids were looked for, for the note
	 * @param kafkaPid the broker's pid, -1 if unknown
	 * @param kafkaPidSpec where the pid was looked for, for the note
	 * @param database the platform's database: other databases' backends are left to the
	 * rest of the box; {@code null} counts every backend
	 * @param harnessPid this process
	 * @param clockTicks ticks per second
	 * @return the budget
	 */
	static CpuBudget forOrderPath(Set<Long> appPids, String appPidSpec, long kafkaPid, String kafkaPidSpec,
			String database, long harnessPid, long clockTicks) {
		List<Group> groups = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Set<Long> live = new java.util.TreeSet<>();
		for (long pid : appPids) {
			if (pid > 0 && ProcStat.read(pid) != null) {
				live.add(pid);
			}
		}
		if (!live.isEmpty()) {
			groups.add(Group.ofPids("platform", live));
		}
		else {
			notes.add("platform skipped: no live pid in " + describe(appPidSpec));
		}
		if (live.size() < appPids.size()) {
			notes.add("platform: " + (appPids.size() - live.size()) + " of the processes named in "
					+ describe(appPidSpec) + " are not running");
		}
		// The load balancer in front of the replicas (./lunchrush up --replicas N); none
		// in front of a single process.
		groups.add(Group.ofName("nginx", "nginx", null));
		if (kafkaPid > 0 && ProcStat.read(kafkaPid) != null) {
			groups.add(Group.ofPid("Kafka", kafkaPid));
		}
		else {
			notes.add("Kafka skipped: no live pid in " + describe(kafkaPidSpec)
					+ " (a Kafka not started by ./lunchrush is not accounted)");
		}
		groups.add(Group.ofName("Redis", "redis-server", null));
		groups.add(Group.ofName("PostgreSQL", "postgres", (line) -> servesDatabase(line, database)));
		groups.add(Group.ofName("RabbitMQ", "beam.smp", null));
		groups.add(Group.ofPid("harness", harnessPid));
		if (database != null) {
			notes.add("PostgreSQL counts the server's own processes and the backends of database " + database
					+ "; other databases' backends are in the rest of the box");
		}
		return new CpuBudget(groups, notes, clockTicks);
	}

	/**
	 * Whether a {@code postgres} process is one the platform's database uses: a server
	 * process (postmaster, checkpointer, WAL writer, …) or a backend connected to that
	 * database.
	 * @param commandLine the process's command line (its process title)
	 * @param database the database, {@code null} for any
	 * @return whether to count it
	 */
	static boolean servesDatabase(String commandLine, String database) {
		if (database == null) {
			return true;
		}
		Matcher backend = POSTGRES_BACKEND.matcher(commandLine);
		return !backend.find() || backend.group(2).equals(database);
	}

	List<String> notes() {
		return this.notes;
	}

	long clockTicks() {
		return this.clockTicks;
	}

	Snapshot take() throws IOException {
		long nanos = System.nanoTime();
		BoxTimes box = ProcStat.readBox();
		long uptimeTicks = Math.round(ProcStat.readUptime() * this.clockTicks);
		Map<String, Map<Long, ProcessTimes>> processes = new LinkedHashMap<>();
		for (Group group : this.groups) {
			processes.put(group.label(), new LinkedHashMap<>());
		}
		boolean byName = this.groups.stream().anyMatch(Group::byName);
		if (byName) {
			for (long pid : ProcStat.pids()) {
				ProcessTimes times = ProcStat.read(pid);
				if (times != null) {
					add(processes, times);
				}
			}
		}
		else {
			for (Group group : this.groups) {
				for (long pid : group.pids()) {
					ProcessTimes times = ProcStat.read(pid);
					if (times != null) {
						add(processes, times);
					}
				}
			}
		}
		return new Snapshot(nanos, uptimeTicks, box, processes);
	}

	private void add(Map<String, Map<Long, ProcessTimes>> processes, ProcessTimes times) {
		for (Group group : this.groups) {
			if (group.matches(times)) {
				processes.get(group.label()).put(times.pid(), times);
				return;
			}
		}
	}

	/**
	 * CPU time between two snapshots.
	 * @param before at the start of the window
	 * @param after at its end
	 * @return per group, and the box
	 */
	Usage between(Snapshot before, Snapshot after) {
		List<GroupUsage> usages = new ArrayList<>();
		for (Group group : this.groups) {
			usages.add(usage(group.label(), before.processes().get(group.label()), after.processes().get(group.label()),
					before.uptimeTicks()));
		}
		return new Usage((after.nanos() - before.nanos()) / 1e9, after.box().cores(), this.clockTicks, usages,
				after.box().busy() - before.box().busy(), after.box().idle() - before.box().idle());
	}

	/**
	 * One group's CPU time over a window. A process seen at both ends counts the
	 * difference; one that started during the window counts all its time; one that ended
	 * during the window is not counted (its time is gone with it) but noted.
	 * @param label the group's label
	 * @param before its processes at the start
	 * @param after its processes at the end
	 * @param windowStartTicks the start, in ticks since boot
	 * @return the group's usage
	 */
	static GroupUsage usage(String label, Map<Long, ProcessTimes> before, Map<Long, ProcessTimes> after,
			long windowStartTicks) {
		long ticks = 0;
		int ended = 0;
		for (ProcessTimes end : after.values()) {
			ProcessTimes start = before.get(end.pid());
			if (start != null && start.startTime() == end.startTime()) {
				ticks += Math.max(0, end.total() - start.total());
			}
			else if (end.startTime() >= windowStartTicks - 1) {
				ticks += end.total();
			}
		}
		for (ProcessTimes start : before.values()) {
			ProcessTimes end = after.get(start.pid());
			if (end == null || end.startTime() != start.startTime()) {
				ended++;
			}
		}
		return new GroupUsage(label, ticks, after.size(), ended);
	}

	/**
	 * The table of a window: process, CPU seconds, CPU milliseconds per accepted order,
	 * share of the box.
	 * @param usage the window
	 * @param labels display label per group label (with pids), missing ones as they are
	 * @param accepted accepted orders of the window
	 * @return the lines
	 */
	static List<String> table(Usage usage, Map<String, String> labels, long accepted) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "  %-34s %9s %12s %13s", "process", "CPU s", "CPU ms/order",
				"share of box"));
		for (GroupUsage group : usage.groups()) {
			String label = labels.getOrDefault(group.label(), group.label());
			if (group.processes() == 0 && group.ticks() == 0) {
				lines.add(String.format(Locale.ROOT, "  %-34s %9s %12s %13s", label, "-", "-", "not running"));
				continue;
			}
			lines.add(row(label, usage, group.ticks(), accepted));
		}
		long listed = usage.listedTicks();
		lines.add(row("all of the above", usage, listed, accepted));
		lines.add(row("rest of the box", usage, Math.max(0, usage.boxBusyTicks() - listed), accepted));
		lines.add(row("idle", usage, usage.boxIdleTicks(), -1));
		return lines;
	}

	private static String row(String label, Usage usage, long ticks, long accepted) {
		double seconds = usage.seconds(ticks);
		String perOrder = (accepted > 0) ? String.format(Locale.ROOT, "%.3f", seconds * 1000 / accepted) : "-";
		return String.format(Locale.ROOT, "  %-34s %9.2f %12s %12.1f %%", label, seconds, perOrder,
				usage.share(ticks) * 100);
	}

	/**
	 * The display label of a group at the end of a window: with its pid or its number of
	 * processes.
	 * @param group the group
	 * @param after the processes at the end
	 * @return the label
	 */
	String displayLabel(String group, Snapshot after) {
		Map<Long, ProcessTimes> processes = after.processes().getOrDefault(group, Map.of());
		for (Group candidate : this.groups) {
			if (candidate.label().equals(group) && candidate.pids().size() == 1) {
				return group + " (pid " + candidate.pids().iterator().next() + ")";
			}
		}
		return group + " (" + processes.size() + ((processes.size() == 1) ? " process)" : " processes)");
	}

	Map<String, String> displayLabels(Snapshot after) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (Group group : this.groups) {
			labels.put(group.label(), displayLabel(group.label(), after));
		}
		return labels;
	}

	private static String describe(String spec) {
		return (spec == null) ? "(none given)" : spec;
	}

}
