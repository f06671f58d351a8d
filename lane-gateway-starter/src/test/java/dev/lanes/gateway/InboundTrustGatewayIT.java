package dev.lanes.gateway;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running gateway with {@code lane.gateway.inbound-tag: trust}: a lane the client sends
 * is honoured.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lane.gateway.inbound-tag=trust", "lane.gateway.rules[0].lane=gray",
				"lane.gateway.rules[0].conditions[0].source=header", "lane.gateway.rules[0].conditions[0].name=canary",
				"lane.gateway.rules[0].conditions[0].op===", "lane.gateway.rules[0].conditions[0].value=gray" })
class InboundTrustGatewayIT {

	private static final EchoBackend backend = EchoBackend.start();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		backend.routeEverything(registry);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void clientSentLaneIsHonoured() {
		client().get()
			.uri("/a")
			.header("x-lane", "gray")
			.exchange()
			.expectHeader()
			.valueEquals(EchoBackend.SEEN_LANE, "gray");
		client().get()
			.uri("/a")
			.header("baggage", "lane=blue")
			.exchange()
			.expectHeader()
			.valueEquals(EchoBackend.SEEN_LANE, "blue");
	}

	@Test
	void rulesStillApplyWhenClientSendsNoLane() {
		client().get()
			.uri("/a")
			.header("canary", "gray")
			.exchange()
			.expectHeader()
			.valueEquals(EchoBackend.SEEN_LANE, "gray");
		client().get().uri("/a").exchange().expectHeader().valueEquals(EchoBackend.SEEN_LANE, "base");
	}

	@Test
	void floodOfClientLanesCannotBlindTheMetricsOfBaseAndRuleLanes() {
		// concurrent requests, each with a lane of its own chosen by the client
		Flux.range(0, 3 * LaneRequestMetrics.MAX_LANES)
			.flatMap((i) -> WebClient.create("http://127.0.0.1:" + this.port)
				.get()
				.uri("/a")
				.header("x-lane", "junk-" + i)
				.retrieve()
				.toBodilessEntity(), 32)
			.blockLast(Duration.ofMinutes(1));
		client().get().uri("/a").header("canary", "gray").exchange().expectStatus().isOk();
		client().get().uri("/a").exchange().expectStatus().isOk();
		Set<String> lanes = new HashSet<>();
		this.meters.find(LaneRequestMetrics.METER_NAME).counters().forEach((c) -> lanes.add(c.getId().getTag("lane")));
		assertThat(lanes).contains("base", "gray", LaneRequestMetrics.OTHER_LANES);
		lanes.removeAll(Set.of("base", "gray", LaneRequestMetrics.OTHER_LANES));
		assertThat(lanes).hasSize(LaneRequestMetrics.MAX_LANES).allMatch((lane) -> lane.startsWith("junk-"));
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

}
