package dev.lanes.gateway.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real gateway routing {@code /ws/**} to {@code lb:ws://socket}, with a WebSocket
 * service {@code socket} (v1 base, v2 in lane {@code v2}) that calls an HTTP service
 * {@code helloworld} (v1 base, v2 in lane {@code v2}) for every message. The gateway tags
 * {@code version: v2} handshakes with lane {@code v2}.
 */
class GatewayWebSocketIT {

	private static final String BROADCAST = "!broadcast";

	private static Services services;

	private static ConfigurableApplicationContext socketV2;

	private static ConfigurableApplicationContext socketV1;

	private static URI socketUri;

	@BeforeAll
	static void start() {
		services = new Services();
		services.service(HelloWorldService.class, "helloworld", "", "svc.version=v1");
		services.service(HelloWorldService.class, "helloworld", "v2", "svc.version=v2");
		socketV1 = services.service(SocketService.class, "socket", "", "svc.version=v1");
		socketV2 = services.service(SocketService.class, "socket", "v2", "svc.version=v2");
		String route = "spring.cloud.gateway.server.webflux.routes[0].";
		String rule = "lane.gateway.rules[0].";
		ConfigurableApplicationContext gateway = services.gateway(GatewayApp.class, route + "id=ws",
				route + "uri=lb:ws://socket", route + "predicates[0]=Path=/ws/**", rule + "lane=v2",
				rule + "conditions[0].source=header", rule + "conditions[0].name=version", rule + "conditions[0].op===",
				rule + "conditions[0].value=v2");
		socketUri = URI.create("ws://localhost:" + Services.port(gateway) + "/ws/lane");
	}

	@AfterAll
	static void stop() {
		if (services != null) {
			services.close();
		}
	}

	@Test
	void versionV2ClientIsServedBySocketV2AndItsMessagesReachHelloworldV2() {
		assertThat(converse(headers("version", "v2"), "one", "two")).containsExactly(
				"socket-v2 got one: helloworld-v2 [baggage lane=v2]",
				"socket-v2 got two: helloworld-v2 [baggage lane=v2]");
	}

	@Test
	void clientWithoutVersionHeaderIsServedBySocketV1AndReachesHelloworldV1() {
		assertThat(converse(new HttpHeaders(), "one", "two")).containsExactly(
				"socket-v1 got one: helloworld-v1 [baggage null]", "socket-v1 got two: helloworld-v1 [baggage null]");
	}

	@Test
	void broadcastCarriesNoLaneAndReachesBaseWhileTheSessionStaysInItsLane() {
		assertThat(converse(headers("version", "v2"), "one", BROADCAST, "two")).containsExactly(
				"socket-v2 got one: helloworld-v2 [baggage lane=v2]",
				"broadcast from socket-v2: helloworld-v1 [baggage null]",
				"socket-v2 got two: helloworld-v2 [baggage lane=v2]");
	}

	@Test
	void laneSentByTheClientOnTheHandshakeIsStripped() {
		HttpHeaders headers = headers("x-lane", "v2");
		headers.add("baggage", "lane=v2");
		assertThat(converse(headers, "one")).containsExactly("socket-v1 got one: helloworld-v1 [baggage null]");
	}

	@Test
	void handshakeBaggageAloneGivesTheSessionItsLane() {
		// Straight to the base socket instance, with the lane in baggage only, as another
		// service would connect: the session's calls still reach helloworld-v2.
		URI direct = URI.create("ws://localhost:" + Services.port(socketV1) + "/ws/lane");
		assertThat(converse(direct, headers("baggage", "userId=7,lane=v2"), "one"))
			.containsExactly("socket-v1 got one: helloworld-v2 [baggage lane=v2]");
	}

	/**
	 * Connects (through the gateway unless told otherwise) and plays {@code steps}, one
	 * after each message received: a text to send, or {@link #BROADCAST} to make
	 * socket-v2 broadcast. Each step yields one message.
	 * @return the messages received
	 */
	private static List<String> converse(HttpHeaders headers, String... steps) {
		return converse(socketUri, headers, steps);
	}

	private static List<String> converse(URI uri, HttpHeaders headers, String... steps) {
		List<String> received = new CopyOnWriteArrayList<>();
		Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
		new ReactorNettyWebSocketClient().execute(uri, headers, (session) -> {
			Mono<Void> send = session.send(outbound.asFlux().map(session::textMessage));
			Mono<Void> script = session.receive()
				.map(WebSocketMessage::getPayloadAsText)
				.take(steps.length)
				.concatMap((message) -> {
					received.add(message);
					return (received.size() < steps.length) ? step(steps[received.size()], outbound) : Mono.empty();
				})
				.then(Mono.fromRunnable(outbound::tryEmitComplete));
			return Mono.when(send, script, step(steps[0], outbound));
		}).block(Duration.ofSeconds(30));
		return received;
	}

	private static Mono<Void> step(String step, Sinks.Many<String> outbound) {
		if (BROADCAST.equals(step)) {
			return WebClient.create("http://localhost:" + Services.port(socketV2))
				.post()
				.uri("/broadcast")
				.retrieve()
				.toBodilessEntity()
				.then();
		}
		return Mono.fromRunnable(() -> outbound.tryEmitNext(step));
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(name, value);
		return headers;
	}

}
