package dev.lanes.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running gateway in front of a real HTTP and WebSocket backend, attacked with
 * hand-written requests: whatever the client puts in {@code Connection} and however many
 * {@code baggage} headers it sends, the backend receives exactly the gateway's lane.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lane.gateway.rules[0].lane=gray", "lane.gateway.rules[0].conditions[0].source=header",
				"lane.gateway.rules[0].conditions[0].name=canary", "lane.gateway.rules[0].conditions[0].op===",
				"lane.gateway.rules[0].conditions[0].value=gray" })
class LaneProxiedHeadersFilterIT {

	private static final EchoBackend backend = EchoBackend.start();

	@LocalServerPort
	private int port;

	private RawHttpClient client;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		String prefix = "spring.cloud.gateway.server.webflux.routes";
		registry.add(prefix + "[0].id", () -> "ws");
		registry.add(prefix + "[0].uri", backend::wsUrl);
		registry.add(prefix + "[0].predicates[0]", () -> "Path=/ws");
		registry.add(prefix + "[1].id", () -> "default");
		registry.add(prefix + "[1].uri", backend::url);
		registry.add(prefix + "[1].predicates[0]", () -> "Path=/**");
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@BeforeEach
	void client() {
		this.client = new RawHttpClient(this.port);
	}

	@Test
	void laneHeadersNamedInConnectionStillReachTheBackend() throws IOException {
		// The client made its baggage hop-by-hop: its other entries are not forwarded,
		// the
		// gateway's lane entry is.
		Map<String, String> baggageSeen = Map.of("close, x-lane, baggage", "lane=gray", "close,X-Lane,BAGGAGE",
				"lane=gray", "x-lane , close", "k=v,lane=gray");
		for (Map.Entry<String, String> connection : baggageSeen.entrySet()) {
			Map<String, List<String>> seen = this.client.get("/a", "canary: gray", "Connection: " + connection.getKey(),
					"baggage: k=v");
			assertThat(seen.get(EchoBackend.SEEN_LANE)).as(connection.getKey()).containsExactly("gray");
			assertThat(seen.get(EchoBackend.SEEN_BAGGAGE)).as(connection.getKey())
				.containsExactly(connection.getValue());
		}
	}

	@Test
	void laneHeadersNamedInSeveralConnectionHeadersStillReachTheBackend() throws IOException {
		Map<String, List<String>> seen = this.client.get("/a", "canary: gray", "Connection: close",
				"Connection: x-lane", "Connection: baggage");
		assertThat(seen.get(EchoBackend.SEEN_LANE)).containsExactly("gray");
		assertThat(seen.get(EchoBackend.SEEN_BAGGAGE)).containsExactly("lane=gray");
	}

	@Test
	void baseRequestNamingLaneHeadersInConnectionStaysBase() throws IOException {
		Map<String, List<String>> seen = this.client.get("/a", "x-lane: gray", "baggage: lane=gray,k=v",
				"Connection: close, x-lane, baggage");
		assertThat(seen.get(EchoBackend.SEEN_LANE)).containsExactly("base");
		seen = this.client.get("/a", "x-lane: gray", "baggage: lane=gray,k=v", "Connection: close");
		assertThat(seen.get(EchoBackend.SEEN_LANE)).containsExactly("base");
		assertThat(seen.get(EchoBackend.SEEN_BAGGAGE)).containsExactly("k=v");
	}

	@Test
	void otherConnectionOptionsAreStillHopByHop() throws IOException {
		Map<String, List<String>> seen = this.client.get("/a", "canary: gray", "Connection: close, x-private",
				"x-private: secret");
		assertThat(seen.get(EchoBackend.SEEN_LANE)).containsExactly("gray");
		assertThat(seen.get(EchoBackend.SEEN_NAMES).get(0).toLowerCase()).doesNotContain("x-private")
			.contains("canary");
	}

	@Test
	void everyBaggageHeaderLosesItsLaneEntryAndKeepsTheOthers() throws IOException {
		Map<String, List<String>> seen = this.client.get("/a", "Connection: close", "baggage: a=1,lane=gray",
				"baggage: lane=blue;p=1, b=2", "baggage: lane=green");
		assertThat(seen.get(EchoBackend.SEEN_LANE)).containsExactly("base");
		assertThat(seen.get(EchoBackend.SEEN_BAGGAGE)).containsExactly("a=1,b=2");
		seen = this.client.get("/a", "Connection: close", "canary: gray", "baggage: a=1", "baggage: lane=blue,b=2");
		assertThat(seen.get(EchoBackend.SEEN_LANE)).containsExactly("gray");
		assertThat(seen.get(EchoBackend.SEEN_BAGGAGE)).containsExactly("a=1,b=2,lane=gray");
	}

	@Test
	void duplicateLaneHeadersFromTheClientAreReplacedByTheGatewaysOne() throws IOException {
		Map<String, List<String>> seen = this.client.get("/a", "Connection: close", "canary: gray", "x-lane: blue",
				"X-Lane: green");
		assertThat(seen.get(EchoBackend.SEEN_LANE)).containsExactly("gray");
	}

	@Test
	void webSocketHandshakeNamingLaneHeadersInConnectionIsTagged() throws IOException {
		assertThat(this.client.firstWebSocketMessage("/ws", "canary: gray", "Connection: Upgrade, x-lane, baggage"))
			.isEqualTo("lane=gray");
		assertThat(
				this.client.firstWebSocketMessage("/ws", "canary: gray", "Connection: Upgrade", "Connection: X-LANE"))
			.isEqualTo("lane=gray");
		assertThat(this.client.firstWebSocketMessage("/ws", "x-lane: gray", "Connection: Upgrade, x-lane"))
			.isEqualTo("lane=base");
	}

}
