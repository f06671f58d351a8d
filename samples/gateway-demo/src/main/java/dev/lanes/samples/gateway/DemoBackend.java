package dev.lanes.samples.gateway;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A tiny HTTP backend that answers every request with the lane it received, for example
 * {@code backend saw lane=gray for GET /a}.
 */
final class DemoBackend {

	private final DisposableServer server;

	private DemoBackend(DisposableServer server) {
		this.server = server;
	}

	static DemoBackend start(int port) {
		DisposableServer server = HttpServer.create().host("127.0.0.1").port(port).handle((request, response) -> {
			String lane = request.requestHeaders().get("x-lane");
			String answer = "backend saw lane=" + ((lane != null) ? lane : "base") + " for " + request.method() + " "
					+ request.uri() + "\n";
			return response
				.sendString(request.receive().aggregate().asString().defaultIfEmpty("").map((body) -> answer));
		}).bindNow();
		return new DemoBackend(server);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

}
