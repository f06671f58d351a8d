package dev.lanes.loadbalancer.it;

import java.time.Duration;
import java.util.List;

import dev.lanes.loadbalancer.testing.StaticDiscoveryApps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens to gray traffic when the gray instance of C goes away: loose lanes fall
 * back to base C once the cached instance list refreshes, strict lanes are refused.
 */
class LaneInstanceRemovalIT {

	private static StaticDiscoveryApps apps;

	private static ConfigurableApplicationContext grayC;

	private static ConfigurableApplicationContext caller;

	private static ConfigurableApplicationContext strictRelay;

	@BeforeAll
	static void start() {
		apps = new StaticDiscoveryApps();
		apps.start(ChainApp.class, WebApplicationType.SERVLET, "c", "");
		// Started before C-gray, so its discovery only knows base C.
		strictRelay = apps.start(ChainApp.class, WebApplicationType.SERVLET, "r", "", "chain.next=c",
				"lane.loadbalancer.lanes.gray.fallback=reject");
		grayC = apps.start(ChainApp.class, WebApplicationType.SERVLET, "c", "gray");
		caller = apps.start(ChainApp.class, WebApplicationType.NONE, "client", "", "chain.next=c",
				"spring.cloud.loadbalancer.cache.ttl=500ms");
	}

	@AfterAll
	static void stop() {
		if (apps != null) {
			apps.close();
		}
	}

	@Test
	void grayTrafficFallsBackToBaseWhenGrayInstanceLeavesDiscovery() {
		RestClient client = caller.getBean(RestClient.Builder.class).build();
		assertThat(gray(client)).isEqualTo("Cgray");
		removeGrayInstances(caller);
		// Until the cache refreshes, gray requests still reach the (running) gray
		// instance; every request must succeed on the way.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> List.of("Cgray", "C").contains(gray(client)) && "C".equals(gray(client)));
		grayC.close();
		for (int i = 0; i < 100; i++) {
			assertThat(gray(client)).as("request %d", i).isEqualTo("C");
		}
	}

	@Test
	void strictLaneWithoutInstanceIsRefusedWithServiceUnavailable() {
		ResponseEntity<String> response = RestClient.create()
			.get()
			.uri("http://localhost:" + StaticDiscoveryApps.port(strictRelay) + "/hop")
			.header("x-lane", "gray")
			.retrieve()
			.onStatus((status) -> true, (request, res) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).contains("\"detail\":\"Service 'c' has no instance of lane 'gray'")
			.contains("\"service\":\"c\"", "\"lane\":\"gray\"", "\"status\":503");
	}

	@Test
	void strictLaneBaseTrafficIsUnaffected() {
		String body = RestClient.create()
			.get()
			.uri("http://localhost:" + StaticDiscoveryApps.port(strictRelay) + "/hop")
			.retrieve()
			.body(String.class);
		assertThat(body).isEqualTo("R -> C");
	}

	private static String gray(RestClient client) {
		return client.get().uri("http://c/hop").header("x-lane", "gray").retrieve().body(String.class);
	}

	private static void removeGrayInstances(ConfigurableApplicationContext context) {
		SimpleDiscoveryProperties blocking = context.getBean(SimpleDiscoveryProperties.class);
		blocking.getInstances().get("c").removeIf(LaneInstanceRemovalIT::isGray);
		SimpleReactiveDiscoveryProperties reactive = context.getBean(SimpleReactiveDiscoveryProperties.class);
		reactive.getInstances("c").removeIf(LaneInstanceRemovalIT::isGray);
		assertThat(reactive.getInstances("c")).hasSize(1);
	}

	private static boolean isGray(InstanceProperties instance) {
		return "gray".equals(instance.getMetadata().get("lane"));
	}

}
