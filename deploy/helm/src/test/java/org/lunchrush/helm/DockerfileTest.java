package org.lunchrush.helm;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image definition beside the chart (building it needs a Docker engine, which this
 * machine lacks): the Temurin 25 JRE, the extracted layout ./lunchrush runs, a user that
 * is not root, ./lunchrush's JVM options, and the same uid and options as the chart.
 */
class DockerfileTest {

	private final String dockerfile = LunchrushChart.read(PlatformFacts.DOCKERFILE);

	@Test
	void runsTheExtractedLayoutOnTheTemurin25Jre() {
		List<String> bases = Pattern.compile("(?m)^FROM (\\S+)")
			.matcher(this.dockerfile)
			.results()
			.map((match) -> match.group(1))
			.toList();
		assertThat(bases).isNotEmpty().allMatch((base) -> base.equals("eclipse-temurin:25-jre"));
		assertThat(this.dockerfile).contains("java -Djarmode=tools -jar lunchrush.jar extract")
			.contains("COPY app/target/lunchrush.jar");
		assertThat(LunchrushChart.read(PlatformFacts.LUNCHRUSH_SCRIPT)).as("as ./lunchrush extracts it")
			.containsPattern("-Djarmode=tools -jar \\S+ extract");
		for (String layer : List.of("dependencies", "snapshot-dependencies", "application")) {
			assertThat(this.dockerfile).contains("/build/extracted/" + layer + "/ ./");
		}
		assertThat(this.dockerfile).contains("-jar /opt/lunchrush/lunchrush.jar").contains("exec java");
	}

	@Test
	void runsAsTheUserTheChartRunsItAs() {
		Matcher user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(this.dockerfile);
		assertThat(user.find()).as("a numeric, non-root USER").isTrue();
		assertThat(user.group(1)).isNotEqualTo("0");
		var pod = LunchrushChart.workload(LunchrushChart.render(LunchrushChart.DEFAULT))
			.path("spec")
			.path("template")
			.path("spec");
		assertThat(pod.path("securityContext").path("runAsUser").asString()).isEqualTo(user.group(1));
	}

	@Test
	void startsWithTheJvmOptionsOfLunchrushUp() {
		String options = PlatformFacts.lunchrushJavaOpts();
		assertThat(options).contains("-Xmx");
		assertThat(this.dockerfile).contains("LUNCHRUSH_JAVA_OPTS=\"" + options + "\"");
		assertThat(LunchrushChart.configData(LunchrushChart.render(LunchrushChart.DEFAULT))
			.path("LUNCHRUSH_JAVA_OPTS")
			.asString()).isEqualTo(options);
	}

}
