package org.lunchrush.helm;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.helm.LunchrushChart.NAME;
import static org.lunchrush.helm.LunchrushChart.get;
import static org.lunchrush.helm.LunchrushChart.render;

/**
 * Who may talk to the platform and whom it may talk to; the Services and the Ingress.
 */
class ChartNetworkTest {

	@Test
	void letsTheIngressControllerReachHttpAndMonitoringAloneReachManagement() {
		List<JsonNode> objects = render(LunchrushChart.PROD);
		JsonNode policy = get(objects, "NetworkPolicy", NAME).path("spec");
		assertThat(policy.path("podSelector").path("matchLabels"))
			.isEqualTo(LunchrushChart.workload(objects).path("spec").path("selector").path("matchLabels"));
		assertThat(policy.path("policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
		JsonNode http = rule(policy.path("ingress"), "http");
		assertThat(namespaces(http.path("from"))).contains("ingress-nginx").doesNotContain("monitoring");
		JsonNode management = rule(policy.path("ingress"), "management");
		assertThat(namespaces(management.path("from"))).containsExactly("monitoring");
		assertThat(management.path("from")).hasSize(1);

		List<String> egressPorts = new ArrayList<>();
		policy.path("egress")
			.forEach((rule) -> rule.path("ports").forEach((port) -> egressPorts.add(port.path("port").asString())));
		assertThat(egressPorts).containsExactlyInAnyOrder("53", "53", "5432", "6379", "5672", "9092");

		JsonNode canary = get(render(LunchrushChart.PROD_CANARY), "NetworkPolicy", NAME).path("spec");
		assertThat(namespaces(rule(canary.path("ingress"), "http").path("from"))).contains("gateway-system");
	}

	@Test
	void exposesHttpThroughTheIngressAndManagementInsideTheClusterOnly() {
		List<JsonNode> objects = render(LunchrushChart.PROD);
		JsonNode ingress = get(objects, "Ingress", NAME).path("spec");
		assertThat(ingress.path("ingressClassName").asString()).isEqualTo("nginx");
		JsonNode backend = ingress.path("rules").get(0).path("http").path("paths").get(0).path("backend");
		assertThat(backend.path("service").path("name").asString()).isEqualTo(NAME);
		JsonNode service = get(objects, "Service", NAME).path("spec");
		assertThat(service.path("ports")).singleElement()
			.satisfies((port) -> assertThat(port.path("targetPort").asString()).isEqualTo("http"));
		JsonNode management = get(objects, "Service", NAME + "-management").path("spec");
		assertThat(management.path("type").asString()).isEqualTo("ClusterIP");
		assertThat(management.path("ports")).singleElement()
			.satisfies((port) -> assertThat(port.path("targetPort").asString()).isEqualTo("management"));
		assertThat(ingress.toString()).doesNotContain("management");
	}

	private static JsonNode rule(JsonNode rules, String port) {
		for (JsonNode rule : rules) {
			for (JsonNode each : rule.path("ports")) {
				if (each.path("port").asString().equals(port)) {
					return rule;
				}
			}
		}
		throw new AssertionError("no rule for port " + port + " in " + rules);
	}

	private static List<String> namespaces(JsonNode peers) {
		List<String> namespaces = new ArrayList<>();
		peers.forEach((peer) -> {
			JsonNode name = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name");
			if (!name.isMissingNode()) {
				namespaces.add(name.asString());
			}
		});
		return namespaces;
	}

}
