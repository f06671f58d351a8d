package dev.lanes.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A running gateway whose load balancer refuses a request (base traffic for a service
 * that only has a gray instance, a strict lane without instances) answers 503 with an RFC
 * 9457 problem detail that says why, although {@code server.error} hides messages.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.error.include-message=never", "lane.gateway.rules[0].lane=payment-v2",
				"lane.gateway.rules[0].conditions[0].source=header", "lane.gateway.rules[0].conditions[0].name=canary",
				"lane.gateway.rules[0].conditions[0].op===", "lane.gateway.rules[0].conditions[0].value=v2",
				"lane.loadbalancer.lanes.payment-v2.fallback=reject" })
class LaneRoutingProblemIT {

	private static final EchoBackend backend = EchoBackend.start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.svc[0].uri", backend::url);
		registry.add("spring.cloud.discovery.client.simple.instances.svc[0].metadata.lane", () -> "gray");
		registry.add("spring.cloud.gateway.server.webflux.routes[0].id", () -> "svc");
		registry.add("spring.cloud.gateway.server.webflux.routes[0].uri", () -> "lb://svc");
		registry.add("spring.cloud.gateway.server.webflux.routes[0].predicates[0]", () -> "Path=/**");
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Test
	void refusedBaseRequestSaysWhy() {
		client().get()
			.uri("/orders")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.title")
			.isEqualTo("Service Unavailable")
			.jsonPath("$.detail")
			.isEqualTo("Service 'svc' has only lane instances and base traffic is refused"
					+ " (lane.loadbalancer.base-fallback=none)")
			.jsonPath("$.service")
			.isEqualTo("svc")
			.jsonPath("$.lane")
			.isEqualTo("base")
			.jsonPath("$.instance")
			.isEqualTo("/orders");
	}

	@Test
	void refusedStrictLaneRequestSaysWhy() {
		client().get()
			.uri("/orders")
			.header("canary", "v2")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Service 'svc' has no instance of lane 'payment-v2' and"
					+ " lane.loadbalancer.lanes.payment-v2.fallback=reject (request lane 'payment-v2')")
			.jsonPath("$.lane")
			.isEqualTo("payment-v2");
	}

	@Test
	void laneTheClientSendsItselfDoesNotGetItPast() {
		// inbound-tag: strip: the client's gray is removed, the request is base and
		// refused
		client().get()
			.uri("/orders")
			.header("x-lane", "gray")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.lane")
			.isEqualTo("base");
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

}
