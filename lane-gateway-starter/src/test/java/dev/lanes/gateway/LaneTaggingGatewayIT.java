package dev.lanes.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running gateway with the rules of {@code application-tagging.yml} in front of a real
 * backend; every assertion is on the lane header the backend received.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("tagging")
class LaneTaggingGatewayIT {

	private static final EchoBackend backend = EchoBackend.start();

	@LocalServerPort
	private int port;

	private WebTestClient client;

	private WebClient bulk;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		String[][] routes = { { "orders", "/orders/**" }, { "users", "/users/**" }, { "sticky", "/sticky/**" },
				{ "tiny", "/tiny/**" }, { "ratio", "/ratio/**" }, { "default", "/**" } };
		String prefix = "spring.cloud.gateway.server.webflux.routes";
		registry.add(prefix + "[0].id", () -> "ws");
		registry.add(prefix + "[0].uri", backend::wsUrl);
		registry.add(prefix + "[0].predicates[0]", () -> "Path=/ws");
		for (int i = 0; i < routes.length; i++) {
			String route = routes[i][0];
			String path = routes[i][1];
			registry.add(prefix + "[" + (i + 1) + "].id", () -> route);
			registry.add(prefix + "[" + (i + 1) + "].uri", backend::url);
			registry.add(prefix + "[" + (i + 1) + "].predicates[0]", () -> "Path=" + path);
		}
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@BeforeEach
	void clients() {
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
		this.bulk = WebClient.create("http://127.0.0.1:" + this.port);
	}

	@Test
	void canaryHeaderTagsGray() {
		assertThat(laneSeen("/a", Map.of("canary", "gray"))).isEqualTo("gray");
	}

	@Test
	void requestWithoutMatchIsBase() {
		assertThat(laneSeen("/a", Map.of())).isEqualTo("base");
		assertThat(laneSeen("/a", Map.of("canary", "blue"))).isEqualTo("base");
	}

	@Test
	void appVersionOrBrowserQueryTagsGray() {
		assertThat(laneSeen("/a", Map.of("version", "2.0"))).isEqualTo("gray");
		assertThat(laneSeen("/a?tag=gray", Map.of())).isEqualTo("gray");
		assertThat(laneSeen("/a?tag=blue", Map.of("version", "1.0"))).isEqualTo("base");
	}

	@Test
	void laneTravelsInBaggageTooAndOtherEntriesSurvive() {
		this.client.get()
			.uri("/a")
			.header("canary", "gray")
			.header("baggage", "userId=7,lane=blue")
			.exchange()
			.expectHeader()
			.valueEquals(EchoBackend.SEEN_BAGGAGE, "userId=7,lane=gray");
	}

	@Test
	void ratioSendsThirtyPercentOfTheRoute() {
		Map<String, Integer> lanes = bulkLanes(2000, (i) -> "/ratio/x", (i) -> Map.of());
		assertThat(lanes.getOrDefault("gray", 0)).isBetween(520, 680);
		assertThat(lanes.get("gray") + lanes.get("base")).isEqualTo(2000);
	}

	@Test
	void stickyTenPercentKeepsEachUserInOneLane() {
		Map<String, Integer> lanes = bulkLanes(10_000, (i) -> "/sticky/x", (i) -> Map.of("userId", "user-" + i));
		assertThat(lanes.getOrDefault("gray", 0)).isBetween(850, 1150);
		for (int user = 0; user < 50; user++) {
			String first = laneSeen("/sticky/x", Map.of("userId", "user-" + user));
			for (int i = 0; i < 3; i++) {
				assertThat(laneSeen("/sticky/x", Map.of("userId", "user-" + user))).isEqualTo(first);
			}
		}
	}

	@Test
	void pointOnePercentLane() {
		Map<String, Integer> lanes = bulkLanes(100_000, (i) -> "/tiny/x", (i) -> Map.of("userId", Integer.toString(i)));
		assertThat(lanes.getOrDefault("gray", 0)).isBetween(60, 140);
	}

	@Test
	void jsonBodyFieldTagsGrayAndReachesBackendUnchanged() {
		String body = "{ \"order\" : {\"channel\":\"app-7\",  \"items\":[1,2]} }\n";
		postJsonExpectingLaneAndEcho("/orders/new", body, "gray");
		String web = "{\"order\":{\"channel\":\"web-1\"}}";
		postJsonExpectingLaneAndEcho("/orders/new", web, "base");
	}

	@Test
	void jsonBodyThatRepeatsTheRuleKeyIsBaseAndReachesBackendUnchanged() {
		String first = "{\"order\":{\"channel\":\"app-7\",\"channel\":\"web-1\"}}";
		postJsonExpectingLaneAndEcho("/orders/new", first, "base");
		String last = "{\"order\":{\"channel\":\"web-1\",\"channel\":\"app-7\"}}";
		postJsonExpectingLaneAndEcho("/orders/new", last, "base");
	}

	@Test
	void bodyOverMaxBodySizeIsForwardedUntouchedAndItsFieldsCountAsMissing() {
		String body = "{\"order\":{\"channel\":\"app-7\",\"note\":\"" + "x".repeat(70 * 1024) + "\"}}";
		postJsonExpectingLaneAndEcho("/orders/new", body, "base");
	}

	@Test
	void bodyIsNotReadOnRoutesWithoutBodyRules() {
		String body = "{\"order\":{\"channel\":\"app-7\"}}";
		postJsonExpectingLaneAndEcho("/a", body, "base");
	}

	@Test
	void namedUserThenHashedShareThenRest() {
		assertThat(laneSeen("/users/me", Map.of("x-user-id", "jason"))).isEqualTo("s2");
		Map<String, Integer> lanes = bulkLanes(5000, (i) -> "/users/me", (i) -> Map.of("x-user-id", "u" + i));
		assertThat(lanes.getOrDefault("s2", 0)).isBetween(850, 1150);
		assertThat(lanes.getOrDefault("s1", 0)).isBetween(3850, 4150);
		assertThat(lanes.getOrDefault("s2", 0) + lanes.getOrDefault("s1", 0)).isEqualTo(5000);
	}

	@Test
	void clientSentLaneIsStripped() {
		assertThat(laneSeen("/a", Map.of("x-lane", "gray"))).isEqualTo("base");
		this.client.get()
			.uri("/a")
			.header("baggage", "lane=gray,userId=7")
			.exchange()
			.expectHeader()
			.valueEquals(EchoBackend.SEEN_LANE, "base")
			.expectHeader()
			.valueEquals(EchoBackend.SEEN_BAGGAGE, "userId=7");
	}

	@Test
	void webSocketHandshakeIsTagged() {
		assertThat(webSocketLane("gray")).isEqualTo("lane=gray");
		assertThat(webSocketLane(null)).isEqualTo("lane=base");
	}

	private String webSocketLane(String canary) {
		HttpHeaders headers = new HttpHeaders();
		if (canary != null) {
			headers.add("canary", canary);
		}
		List<String> received = new ArrayList<>();
		new ReactorNettyWebSocketClient()
			.execute(URI.create("ws://127.0.0.1:" + this.port + "/ws"), headers,
					(session) -> session.receive().take(1).doOnNext((m) -> received.add(m.getPayloadAsText())).then())
			.block(Duration.ofSeconds(10));
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	private void postJsonExpectingLaneAndEcho(String uri, String body, String lane) {
		this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectHeader()
			.valueEquals(EchoBackend.SEEN_LANE, lane)
			.expectBody(String.class)
			.isEqualTo(body);
	}

	private String laneSeen(String uri, Map<String, String> headers) {
		return EchoBackend.laneSeen(this.client.get().uri(uri).headers((h) -> headers.forEach(h::add)));
	}

	private Map<String, Integer> bulkLanes(int requests, java.util.function.IntFunction<String> uri,
			java.util.function.IntFunction<Map<String, String>> headers) {
		Map<String, Integer> lanes = new HashMap<>();
		Flux.range(0, requests)
			.flatMap(
					(i) -> this.bulk.get()
						.uri(uri.apply(i))
						.headers((h) -> headers.apply(i).forEach(h::add))
						.exchangeToMono((response) -> response.releaseBody()
							.then(Mono.just(Objects
								.requireNonNull(response.headers().asHttpHeaders().getFirst(EchoBackend.SEEN_LANE))))),
					32)
			.doOnNext((lane) -> lanes.merge(lane, 1, Integer::sum))
			// a guard against a hang, not a speed limit: a busy shared machine needs more
			// than three minutes for the 100,000 requests of the 0.1% case
			.blockLast(Duration.ofMinutes(10));
		return lanes;
	}

}
