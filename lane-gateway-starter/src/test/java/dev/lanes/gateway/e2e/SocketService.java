package dev.lanes.gateway.e2e;

import java.util.Map;

import dev.lanes.loadbalancer.testing.LoadBalancedWebClientConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A WebFlux WebSocket service, {@code socket-<svc.version>}. On {@code /ws/lane} it
 * answers every message with what the {@code helloworld} service (called through a
 * load-balanced {@code WebClient}) answered. The handler knows nothing of lanes: the
 * starter's {@code LaneWebFilter} puts the handshake's lane into the Reactor context,
 * which Reactor Netty hands to the session, so those calls are in the handshake's lane.
 * {@code POST /broadcast} calls {@code helloworld} on its own and sends the answer to
 * every open session.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ SocketService.BroadcastController.class, LoadBalancedWebClientConfiguration.class })
class SocketService {

	@Bean
	Sinks.Many<String> broadcasts() {
		return Sinks.many().multicast().directBestEffort();
	}

	@Bean
	HandlerMapping socketMapping(@Value("${svc.version}") String version, @LoadBalanced WebClient.Builder builder,
			Sinks.Many<String> broadcasts) {
		WebClient client = builder.build();
		String me = "socket-" + version;
		WebSocketHandler handler = (session) -> {
			Flux<String> replies = session.receive()
				.map(WebSocketMessage::getPayloadAsText)
				.concatMap((text) -> hello(client).map((answer) -> me + " got " + text + ": " + answer));
			return session.send(Flux.merge(replies, broadcasts.asFlux()).map(session::textMessage));
		};
		return new SimpleUrlHandlerMapping(Map.of("/ws/lane", handler), -1);
	}

	static Mono<String> hello(WebClient client) {
		return client.get().uri("http://helloworld/hello").retrieve().bodyToMono(String.class);
	}

	@RestController
	static class BroadcastController {

		private final String me;

		private final WebClient client;

		private final Sinks.Many<String> broadcasts;

		BroadcastController(@Value("${svc.version}") String version, @LoadBalanced WebClient.Builder builder,
				Sinks.Many<String> broadcasts) {
			this.me = "socket-" + version;
			this.client = builder.build();
			this.broadcasts = broadcasts;
		}

		@PostMapping("/broadcast")
		Mono<String> broadcast() {
			return hello(this.client).map((answer) -> "broadcast from " + this.me + ": " + answer)
				.doOnNext(this.broadcasts::tryEmitNext);
		}

	}

}
