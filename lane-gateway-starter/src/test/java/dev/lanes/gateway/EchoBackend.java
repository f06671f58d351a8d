package dev.lanes.gateway;

import java.util.List;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real HTTP and WebSocket backend for gateway tests. HTTP requests are answered with
 * the lane and baggage headers the backend received ({@code x-seen-lane}: every value of
 * {@code x-lane} joined by {@code " | "}, {@code x-seen-baggage}: every value of
 * {@code baggage} likewise, {@code x-seen-names}: the names of every header) and the
 * request body echoed byte for byte. A WebSocket on {@code /ws} sends {@code lane=<lane>}
 * as its first message.
 */
final class EchoBackend implements AutoCloseable {

	static final String SEEN_LANE = "x-seen-lane";

	static final String SEEN_BAGGAGE = "x-seen-baggage";

	static final String SEEN_NAMES = "x-seen-names";

	private final DisposableServer server;

	private EchoBackend(DisposableServer server) {
		this.server = server;
	}

	static EchoBackend start() {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			// the socket stays open until the client closes it (closing it right after
			// the message raced the message through the gateway's proxy)
			.route((routes) -> routes
				.ws("/ws",
						(in, out) -> out.sendString(Mono.just("lane=" + lane(in.headers()))).then(in.receive().then()))
				.route((request) -> true,
						(request, response) -> response.header(SEEN_LANE, lane(request.requestHeaders()))
							.header(SEEN_NAMES, String.join(",", request.requestHeaders().names()))
							.header(SEEN_BAGGAGE, String.join(" | ", request.requestHeaders().getAll("baggage")))
							.sendByteArray(request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]))))
			.bindNow();
		return new EchoBackend(server);
	}

	/**
	 * Sends a request through the gateway, expects 200 and returns the lane the backend
	 * saw.
	 */
	static String laneSeen(WebTestClient.RequestHeadersSpec<?> request) {
		return request.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(SEEN_LANE);
	}

	/**
	 * Adds a gateway route {@code default} that sends every path to this backend.
	 */
	void routeEverything(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.gateway.server.webflux.routes[0].id", () -> "default");
		registry.add("spring.cloud.gateway.server.webflux.routes[0].uri", this::url);
		registry.add("spring.cloud.gateway.server.webflux.routes[0].predicates[0]", () -> "Path=/**");
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	String wsUrl() {
		return "ws://127.0.0.1:" + this.server.port();
	}

	private static String lane(HttpHeaders headers) {
		List<String> lanes = headers.getAll("x-lane");
		return lanes.isEmpty() ? "base" : String.join(" | ", lanes);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
