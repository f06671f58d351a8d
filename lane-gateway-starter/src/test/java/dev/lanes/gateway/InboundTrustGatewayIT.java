package dev.lanes.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

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

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

}
