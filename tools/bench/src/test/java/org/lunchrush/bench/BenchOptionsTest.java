package org.lunchrush.bench;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.bench.BenchOptions.Ceiling;
import org.lunchrush.bench.BenchOptions.Mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

	private static final Map<String, String> NO_ENV = Map.of();

	private static BenchOptions parse(String... args) {
		return BenchOptions.parse(args, NO_ENV);
	}

	@Test
	void defaultsAreTheClosedLoopOfBeforeWithTheSpringCeiling() {
		BenchOptions options = parse();
		assertThat(options.mode()).isEqualTo(Mode.CLOSED);
		assertThat(options.openLoop()).isFalse();
		assertThat(options.orders()).isEqualTo(20_000);
		assertThat(options.concurrency()).isEqualTo(64);
		assertThat(options.warmup()).isEqualTo(1000);
		assertThat(options.baseUrl()).isEqualTo("http://localhost:8080");
		assertThat(options.managementUrl()).isEqualTo("http://localhost:8081");
		assertThat(options.ceiling()).isEqualTo(Ceiling.SPRING);
		assertThat(options.appPid()).isEqualTo(".lunchrush/app.pid");
		assertThat(options.kafkaPid()).isEqualTo(".lunchrush/kafka.pid");
		assertThat(options.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
		assertThat(options.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/lunchrush");
		assertThat(options.dbUser()).isEqualTo("postgres");
		assertThat(options.duration()).isNull();
		assertThat(options.bucket()).isNull();
	}

	@Test
	void environmentGivesTheKafkaAndDatabaseDefaults() {
		BenchOptions options = BenchOptions.parse(new String[0],
				Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092", "LUNCHRUSH_DB_HOST", "db.local",
						"LUNCHRUSH_DB_PORT", "5433", "LUNCHRUSH_DB_NAME", "lunchrush_bench", "LUNCHRUSH_DB_USER",
						"bench"));
		assertThat(options.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
		assertThat(options.dbUrl()).isEqualTo("jdbc:postgresql://db.local:5433/lunchrush_bench");
		assertThat(options.dbUser()).isEqualTo("bench");
	}

	@Test
	void noneSkipsKafkaTheDatabaseAndThePids() {
		BenchOptions options = parse("--kafka-bootstrap", "none", "--db-url=none", "--app-pid", "none", "--kafka-pid",
				"");
		assertThat(options.kafkaBootstrap()).isNull();
		assertThat(options.dbUrl()).isNull();
		assertThat(options.appPid()).isNull();
		assertThat(options.kafkaPid()).isNull();
	}

	@Test
	void ceilingKinds() {
		assertThat(parse("--no-ceiling").ceiling()).isEqualTo(Ceiling.NONE);
		assertThat(parse("--ceiling", "jdk").ceiling()).isEqualTo(Ceiling.JDK);
		assertThat(parse("--ceiling=NONE").ceiling()).isEqualTo(Ceiling.NONE);
		// a later occurrence wins
		assertThat(parse("--no-ceiling", "--ceiling", "spring").ceiling()).isEqualTo(Ceiling.SPRING);
		assertThatThrownBy(() -> parse("--ceiling", "netty")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("spring, jdk or none");
		assertThatThrownBy(() -> parse("--no-ceiling=false")).isInstanceOf(BenchFailure.class);
	}

	@Test
	void theFreshCeilingServerGetsAtLeastTwentyThousandWarmupOrders() {
		assertThat(parse().ceilingWarmup()).isEqualTo(BenchOptions.MIN_CEILING_WARMUP).isEqualTo(20_000);
		assertThat(parse("--warmup", "50000").ceilingWarmup()).isEqualTo(50_000);
		assertThat(parse("--ceiling-warmup", "500").ceilingWarmup()).isEqualTo(500);
		assertThat(parse("--ceiling-warmup", "0", "--warmup", "50000").ceilingWarmup()).isZero();
	}

	@Test
	void rateRunsThirtySecondsByDefault() {
		BenchOptions options = parse("--rate", "250");
		assertThat(options.mode()).isEqualTo(Mode.RATE);
		assertThat(options.openLoop()).isTrue();
		assertThat(options.rate()).isEqualTo(250.0);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.orders()).isEqualTo(7500);
		assertThat(options.bucket()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.maxInFlight()).isEqualTo(1000);
		assertThat(options.schedule().size()).isEqualTo(7500);
		assertThat(options.stockReads()).isEqualTo(20.0);
	}

	@Test
	void anOpenLoopWarmsTheHarnessUpLongerUnlessTold() {
		assertThat(parse("--rate", "250").warmup()).isEqualTo(20_000);
		assertThat(parse("--scenario", "lunch").warmup()).isEqualTo(20_000);
		assertThat(parse("--rate", "250", "--warmup", "0").warmup()).isZero();
		assertThat(parse("--warmup", "5").warmup()).isEqualTo(5);
	}

	@Test
	void stockReadsTakeARateOrZero() {
		assertThat(parse("--stock-reads", "0").stockReads()).isZero();
		assertThat(parse("--stock-reads", "2.5").stockReads()).isEqualTo(2.5);
		assertThatThrownBy(() -> parse("--stock-reads", "-1")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("--stock-reads");
		assertThatThrownBy(() -> parse("--stock-reads", "lots")).isInstanceOf(BenchFailure.class);
	}

	@Test
	void rateTakesADurationOrAnOrderCountButNotBoth() {
		BenchOptions byDuration = parse("--rate", "100", "--duration", "2m");
		assertThat(byDuration.orders()).isEqualTo(12_000);
		assertThat(byDuration.bucket()).isEqualTo(Duration.ofSeconds(5));
		BenchOptions byOrders = parse("--rate", "200", "--orders", "1000");
		assertThat(byOrders.orders()).isEqualTo(1000);
		assertThat(byOrders.duration()).isEqualTo(Duration.ofSeconds(5));
		assertThatThrownBy(() -> parse("--rate", "200", "--orders", "1000", "--duration", "5s"))
			.isInstanceOf(BenchFailure.class)
			.hasMessageContaining("not both");
		assertThatThrownBy(() -> parse("--rate", "0")).isInstanceOf(BenchFailure.class);
		assertThatThrownBy(() -> parse("--rate", "fast")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("needs a number");
		assertThatThrownBy(() -> parse("--rate", "10", "--peak-rate", "20")).isInstanceOf(BenchFailure.class);
	}

	@Test
	void lunchScenarioCountsItsOrdersFromTheCurve() {
		BenchOptions options = parse("--scenario", "lunch");
		assertThat(options.mode()).isEqualTo(Mode.LUNCH);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(120));
		assertThat(options.peakRate()).isEqualTo(500.0);
		assertThat(options.bucket()).isEqualTo(Duration.ofSeconds(5));
		assertThat(options.orders()).isEqualTo((int) Math.round(new LunchCurve(500, 120).total()));
		assertThat(options.schedule().size()).isEqualTo(options.orders());

		BenchOptions short_ = parse("--scenario=lunch", "--peak-rate", "300", "--duration", "30", "--bucket", "1s");
		assertThat(short_.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(short_.bucket()).isEqualTo(Duration.ofSeconds(1));
		assertThat(short_.orders()).isEqualTo((int) Math.round(new LunchCurve(300, 30).total()));
	}

	@Test
	void lunchScenarioRefusesWhatContradictsIt() {
		assertThatThrownBy(() -> parse("--scenario", "lunch", "--orders", "100")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("curve decides");
		assertThatThrownBy(() -> parse("--scenario", "lunch", "--rate", "100")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("not both");
		assertThatThrownBy(() -> parse("--scenario", "dinner")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("only 'lunch'");
	}

	@Test
	void openLoopOptionsNeedAnOpenLoop() {
		for (String option : new String[] { "--duration", "--peak-rate", "--bucket", "--max-in-flight" }) {
			assertThatThrownBy(() -> parse(option, "10")).as(option)
				.isInstanceOf(BenchFailure.class)
				.hasMessageContaining("needs --rate or --scenario lunch");
		}
	}

	@Test
	void durations() {
		assertThat(BenchOptions.duration("90s", "d")).isEqualTo(Duration.ofSeconds(90));
		assertThat(BenchOptions.duration("90", "d")).isEqualTo(Duration.ofSeconds(90));
		assertThat(BenchOptions.duration("2m", "d")).isEqualTo(Duration.ofMinutes(2));
		assertThat(BenchOptions.duration("1.5min", "d")).isEqualTo(Duration.ofSeconds(90));
		assertThat(BenchOptions.duration("1500ms", "d")).isEqualTo(Duration.ofMillis(1500));
		assertThat(BenchOptions.duration(" 10 S ", "d")).isEqualTo(Duration.ofSeconds(10));
		assertThatThrownBy(() -> BenchOptions.duration("soon", "d")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("--d needs a duration");
		assertThatThrownBy(() -> BenchOptions.duration("0s", "d")).isInstanceOf(BenchFailure.class);
		assertThatThrownBy(() -> BenchOptions.duration("25h", "d")).isInstanceOf(BenchFailure.class);
		assertThatThrownBy(() -> BenchOptions.duration("-5s", "d")).isInstanceOf(BenchFailure.class);
	}

	@Test
	void defaultBucketIsATwentyFourthInWholeSecondsAtLeastOne() {
		assertThat(BenchOptions.defaultBucket(Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(5));
		assertThat(BenchOptions.defaultBucket(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
		assertThat(BenchOptions.defaultBucket(Duration.ofSeconds(600))).isEqualTo(Duration.ofSeconds(25));
	}

	@Test
	void unknownAndIncompleteOptionsAreUsageErrors() {
		assertThatThrownBy(() -> parse("--speed", "3")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("unknown option --speed")
			.matches((ex) -> ((BenchFailure) ex).isUsage());
		assertThatThrownBy(() -> parse("--rate")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("needs a value");
		assertThatThrownBy(() -> parse("lunch")).isInstanceOf(BenchFailure.class)
			.hasMessageContaining("unexpected argument");
	}

	@Test
	void usageNamesEveryOption() {
		for (String option : new String[] { "--rate", "--scenario lunch", "--duration", "--peak-rate", "--bucket",
				"--max-in-flight", "--ceiling", "--no-ceiling", "--ceiling-warmup", "--app-pid", "--kafka-pid",
				"--kafka-bootstrap", "--db-url", "--db-user" }) {
			assertThat(BenchOptions.USAGE).contains(option);
		}
	}

}
