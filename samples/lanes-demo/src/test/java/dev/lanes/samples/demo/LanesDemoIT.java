package dev.lanes.samples.demo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.lanes.loadbalancer.inbound.LaneTrustBoundary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the demo through the same entry point as the README's command and checks the
 * canary scenarios it ships, over real HTTP and WebSocket.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanesDemoIT {

	private static final String ADDRESS = "\\[[0-9a-f.:]+\\]";

	private static final String BASE_CHAIN = "A" + ADDRESS + "\\[config=base\\] -> B" + ADDRESS + " -> C" + ADDRESS;

	private static final String GRAY_CHAIN = "Agray" + ADDRESS + "\\[config=base\\] -> B" + ADDRESS + " -> Cgray"
			+ ADDRESS;

	private static RunningDemo demo;

	private static RestClient gateway;

	@BeforeAll
	static void startDemo() {
		demo = LanesDemo.start("--random-ports");
		gateway = RestClient.create(demo.gatewayUrl());
	}

	@AfterAll
	static void stopDemo() {
		demo.close();
	}

	@Test
	@Order(1)
	void baseAndGrayRequestsFollowTheirLanesAndBIsAlwaysBase() {
		assertThat(get("/a", Map.of())).matches(BASE_CHAIN);
		assertThat(get("/a", Map.of("canary", "gray"))).matches(GRAY_CHAIN);
		assertThat(get("/a", Map.of("version", "2.0"))).matches(GRAY_CHAIN);
		assertThat(get("/a?tag=gray", Map.of())).matches(GRAY_CHAIN);
		assertThat(get("/a", Map.of("x-user-id", "jason"))).matches(GRAY_CHAIN);
		assertThat(get("/a", Map.of("x-lane", "gray"))).as("a client cannot pick its lane").matches(BASE_CHAIN);
		String body = gateway.post()
			.uri("/a/order")
			.header("content-type", "application/json")
			.body("{\"order\":{\"channel\":\"app-7\"}}")
			.retrieve()
			.body(String.class);
		assertThat(body).matches(GRAY_CHAIN);
	}

	@Test
	@Order(1)
	void laneSentStraightToAServiceIsBaseBecauseOnlyTheGatewaysSignatureIsTrusted() {
		RestClient directToA = RestClient.create("http://localhost:" + demo.port("a"));
		assertThat(directToA.get().uri("/a").header("x-lane", "gray").retrieve().body(String.class))
			.matches(BASE_CHAIN);
		assertThat(directToA.get().uri("/a").header("baggage", "lane=gray").retrieve().body(String.class))
			.matches(BASE_CHAIN);
		MeterRegistry registry = demo.context("a").getBean(MeterRegistry.class);
		assertThat(registry.find(LaneTrustBoundary.UNTRUSTED).tags("reason", "missing-signature").counter())
			.isNotNull();
	}

	@Test
	@Order(2)
	void ratioRouteSendsThirtyPercentToGray() throws Exception {
		Map<String, Integer> lanes = TrafficCommand.send(1000, URI.create(demo.gatewayUrl() + "/ratio/a"), List.of(),
				null);
		assertThat(lanes.getOrDefault("failed", 0)).isZero();
		assertThat(lanes.getOrDefault("gray", 0)).isBetween(250, 350);
		assertThat(lanes.getOrDefault("gray", 0) + lanes.getOrDefault("base", 0)).isEqualTo(1000);
	}

	@Test
	@Order(3)
	void stickyUsersKeepTheirLane() {
		int grayUsers = 0;
		for (int user = 1; user <= 60; user++) {
			Map<String, String> headers = Map.of("userId", "user-" + user);
			String first = TrafficCommand.laneOfFirstHop(get("/a", headers));
			for (int i = 1; i < 20; i++) {
				assertThat(TrafficCommand.laneOfFirstHop(get("/a", headers))).as("user-%d request %d", user, i)
					.isEqualTo(first);
			}
			grayUsers += first.equals("gray") ? 1 : 0;
		}
		assertThat(grayUsers).as("gray users of 60 at 10%").isBetween(1, 15);
	}

	@Test
	@Order(4)
	void grayLocationWritesOnlyShadowRowsAndBaseOnlyBaseRows() {
		JdbcTemplate database = new JdbcTemplate(demo.context("c").getBean(DataSource.class));
		int base = rows(database, "mse_demo_table");
		int gray = rows(database, "mse_demo_table_gray");
		for (int i = 0; i < 15; i++) {
			assertThat(get("/a", Map.of("location", "cn-shenzhen"))).matches(GRAY_CHAIN);
		}
		assertThat(rows(database, "mse_demo_table_gray")).isEqualTo(gray + 15);
		assertThat(rows(database, "mse_demo_table")).isEqualTo(base);
		for (int i = 0; i < 10; i++) {
			assertThat(get("/a", Map.of("location", "cn-beijing"))).matches(BASE_CHAIN);
		}
		assertThat(rows(database, "mse_demo_table")).isEqualTo(base + 10);
		assertThat(rows(database, "mse_demo_table_gray")).isEqualTo(gray + 15);
		assertThat(count(database, "SELECT COUNT(*) FROM mse_demo_table WHERE location = 'cn-shenzhen'")).isZero();
		assertThat(count(database, "SELECT COUNT(*) FROM mse_demo_table_gray WHERE location = 'cn-beijing'")).isZero();
	}

	@Test
	@Order(5)
	void webSocketVersionTwoIsServedByV2AndBroadcastsStayBase() throws InterruptedException {
		assertThat(webSocket("v2", false)).containsExactly("socket-v2 -> helloworld-v2");
		assertThat(webSocket(null, false)).containsExactly("socket-v1 -> helloworld-v1");
		assertThat(webSocket("v2", true)).containsExactly("socket-v2 -> helloworld-v2",
				"broadcast from socket-v2 -> helloworld-v1");
	}

	@Test
	@Order(6)
	void untaggedTrafficNeverReachesAGrayInstance() throws Exception {
		Map<String, Integer> lanes = TrafficCommand.send(1000, URI.create(demo.gatewayUrl() + "/a"), List.of(), null);
		assertThat(lanes).containsExactly(Map.entry("base", 1000));
		for (int i = 0; i < 50; i++) {
			assertThat(get("/a", Map.of())).matches(BASE_CHAIN);
		}
	}

	@Test
	@Order(7)
	void grayTrafficFallsBackToBaseCWhenCGrayIsStopped() throws Exception {
		assertThat(get("/a", Map.of("canary", "gray"))).matches(GRAY_CHAIN);
		demo.stop("c-gray");
		Map<String, Integer> lanes = TrafficCommand.send(200, URI.create(demo.gatewayUrl() + "/a"),
				List.<String[]>of(new String[] { "canary", "gray" }), null);
		assertThat(lanes).containsExactly(Map.entry("gray", 200));
		assertThat(get("/a", Map.of("canary", "gray")))
			.matches("Agray" + ADDRESS + "\\[config=base\\] -> B" + ADDRESS + " -> C" + ADDRESS);
		assertThat(get("/a", Map.of())).matches(BASE_CHAIN);
	}

	private static String get(String uri, Map<String, String> headers) {
		return gateway.get().uri(uri).headers((h) -> headers.forEach(h::set)).retrieve().body(String.class);
	}

	private static int rows(JdbcTemplate database, String table) {
		return count(database, "SELECT COUNT(*) FROM " + table);
	}

	private static int count(JdbcTemplate database, String sql) {
		Integer count = database.queryForObject(sql, Integer.class);
		return (count != null) ? count : -1;
	}

	/**
	 * Connects through the gateway, sends one message and, when asked, triggers a
	 * broadcast from socket-v2 once the reply is in; returns the messages received.
	 */
	private static List<String> webSocket(String version, boolean broadcast) throws InterruptedException {
		HttpHeaders headers = new HttpHeaders();
		if (version != null) {
			headers.set("version", version);
		}
		List<String> received = new CopyOnWriteArrayList<>();
		CountDownLatch replied = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(broadcast ? 2 : 1);
		URI uri = URI.create("ws://localhost:" + demo.port("gateway") + "/ws");
		Disposable connection = new ReactorNettyWebSocketClient()
			.execute(uri, headers, (session) -> session.send(Mono.just(session.textMessage("hi")))
				.and(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext((message) -> {
					received.add(message);
					replied.countDown();
					done.countDown();
				}).take(done.getCount()).then()))
			.subscribe();
		try {
			assertThat(replied.await(20, TimeUnit.SECONDS)).as("a reply within 20 s").isTrue();
			if (broadcast) {
				// From this thread, not the connection's event loop, which the services
				// share.
				RestClient.create("http://localhost:" + demo.port("socket-v2"))
					.post()
					.uri("/broadcast")
					.retrieve()
					.toBodilessEntity();
			}
			assertThat(done.await(20, TimeUnit.SECONDS)).as("every message within 20 s").isTrue();
		}
		finally {
			connection.dispose();
		}
		return new ArrayList<>(received);
	}

}
