package dev.lanes.loadbalancer.endpoint;

import dev.lanes.loadbalancer.it.ChainApp;
import dev.lanes.loadbalancer.testing.StaticDiscoveryApps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Gray service A, behind a network boundary, calls base-only service B; A exposes
 * {@code /actuator/lanesinstance}.
 */
class LanesInstanceEndpointIT {

	private static final String KEY = "4G2FOrMGwklNkr/OETTJfjoAHYTU3LpNEUTo7DPR684=";

	private static StaticDiscoveryApps apps;

	private static ConfigurableApplicationContext a;

	private static final RestClient direct = RestClient.create();

	@BeforeAll
	static void start() {
		apps = new StaticDiscoveryApps();
		apps.start(ChainApp.class, WebApplicationType.SERVLET, "b", "");
		a = apps.start(ChainApp.class, WebApplicationType.SERVLET, "a", "gray", "chain.next=b",
				"lane.inbound.mode=cidr", "lane.inbound.trusted-networks=127.0.0.0/8,::1", "lane.inbound.keys[0].id=k1",
				"lane.inbound.keys[0].secret=" + KEY, "lane.loadbalancer.lanes.gray.fallback=base",
				"management.endpoint.lanesinstance.access=read-only",
				"management.endpoints.web.exposure.include=lanesinstance");
	}

	@AfterAll
	static void stop() {
		if (apps != null) {
			apps.close();
		}
	}

	@Test
	void showsTheInstanceLaneTrustBoundaryFallbacksAndLatestChoices() {
		assertThat(get("/hop", "gray")).isEqualTo("Agray -> B");
		assertThat(get("/hop", null)).isEqualTo("Agray -> B");
		JsonNode endpoint = JsonMapper.shared().readTree(get("/actuator/lanesinstance", null));
		assertThat(endpoint.get("service").asString()).isEqualTo("a");
		assertThat(endpoint.get("lane").asString()).isEqualTo("gray");
		JsonNode inbound = endpoint.get("inbound");
		assertThat(inbound.get("mode").asString()).isEqualTo("cidr");
		assertThat(inbound.get("trustedNetworks").toString()).contains("127.0.0.0/8");
		assertThat(inbound.get("keys").toString()).contains("k1");
		assertThat(endpoint.toString()).doesNotContain(KEY);
		assertThat(endpoint.get("fallbacks").get("lanes").get("gray").asString()).isEqualTo("base");
		JsonNode choices = endpoint.get("choices");
		assertThat(choices.toString()).contains("\"service\":\"b\",\"lane\":\"gray\",\"served\":\"base\"")
			.contains("\"service\":\"b\",\"lane\":\"base\",\"served\":\"base\"");
	}

	@Test
	void isReadOnly() {
		assertThatExceptionOfType(HttpClientErrorException.class)
			.isThrownBy(() -> direct.post()
				.uri("http://localhost:" + StaticDiscoveryApps.port(a) + "/actuator/lanesinstance")
				.retrieve()
				.toBodilessEntity())
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED));
	}

	private static String get(String path, String lane) {
		RestClient.RequestHeadersSpec<?> request = direct.get()
			.uri("http://localhost:" + StaticDiscoveryApps.port(a) + path);
		if (lane != null) {
			request = request.header("x-lane", lane);
		}
		return request.retrieve().body(String.class);
	}

}
