package org.lunchrush.dispatchbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lunchrush.routing.Request;
import org.lunchrush.routing.Route;
import org.lunchrush.routing.RouteStop;
import org.lunchrush.routing.RoutingSolution;
import org.lunchrush.routing.StopKind;

import static org.assertj.core.api.Assertions.assertThat;

class LiLimInstanceTest {

	// the Li & Lim layout, tab separated with CRLF, speed field 0 as in some of the real
	// files
	private static final String TINY = String.join("\r\n", "2\t10\t0", "0\t0\t0\t0\t0\t100\t0\t0\t0",
			"1\t3\t4\t4\t0\t50\t5\t0\t2", "2\t6\t8\t-4\t10\t90\t5\t1\t0", "");

	@TempDir
	Path dir;

	@Test
	void readsPairsWindowsAndFleetAndTakesTravelTimeAsDistance() throws IOException {
		Path file = this.dir.resolve("tiny.txt");
		Files.writeString(file, TINY);

		LiLimInstance instance = LiLimInstance.read(file);

		assertThat(instance.name()).isEqualTo("tiny");
		assertThat(instance.problem().vehicles()).hasSize(2).allSatisfy(v -> {
			assertThat(v.capacity()).isEqualTo(10);
			assertThat(v.latest()).isEqualTo(100.0);
		});
		Request request = instance.problem().requests().get(0);
		assertThat(instance.problem().requests()).hasSize(1);
		assertThat(request.id()).isEqualTo(1);
		assertThat(request.demand()).isEqualTo(4);
		assertThat(request.delivery().location()).isEqualTo(2);
		assertThat(request.delivery().earliest()).isEqualTo(10.0);
		assertThat(instance.problem().matrix().distance(0, 1)).isEqualTo(5.0);
		assertThat(instance.problem().matrix().travelTime(0, 1)).isEqualTo(5.0);
	}

	@Test
	void writesRoutesInTheSintefFormatWithoutTheDepot() throws IOException {
		Path file = this.dir.resolve("tiny.txt");
		Files.writeString(file, TINY);
		LiLimInstance instance = LiLimInstance.read(file);
		Request request = instance.problem().requests().get(0);
		RoutingSolution solution = new RoutingSolution(List.of(new Route(instance.problem().vehicles().get(0), List
			.of(new RouteStop(request, StopKind.PICKUP, 5, 5, 4), new RouteStop(request, StopKind.DELIVERY, 15, 15, 0)),
				20, 30)), List.of());
		Path out = this.dir.resolve("tiny-solution.txt");

		DispatchBench.writeSolution(out, solution);

		assertThat(Files.readString(out)).isEqualTo("Route 1 : 1 2\n");
	}

}
