package dev.lanes.samples.demo;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

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

/**
 * The WebSocket service, in versions v1 (base) and v2 (lane {@code v2}). Every message a
 * client sends on {@code /ws} is forwarded to the {@code helloworld} service and the
 * answer sent back, e.g. {@code socket-v2 -> helloworld-v2}. The handler knows nothing of
 * lanes: the handshake's lane is in the Reactor context of the session, so the forwarded
 * calls stay in it. {@code POST /broadcast} calls {@code helloworld} with no lane and
 * sends the answer to every open session.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SocketService.BroadcastController.class)
public class SocketService {

	@Bean
	@LoadBalanced
	WebClient.Builder loadBalancedWebClientBuilder() {
		return WebClient.builder();
	}

	@Bean
	Sinks.Many<String> broadcasts() {
		return Sinks.many().multicast().directBestEffort();
	}

	@Bean
	HandlerMapping socketMapping(@Value("${lane.instance.tag:#{null}}") @Nullable String lane,
			@LoadBalanced WebClient.Builder builder, Sinks.Many<String> broadcasts) {
		WebClient client = builder.build();
		String me = name(lane);
		WebSocketHandler handler = (session) -> {
			Flux<String> replies = session.receive()
				.map(WebSocketMessage::getPayloadAsText)
				.concatMap((text) -> hello(client).map((answer) -> me + " -> " + answer));
			return session.send(Flux.merge(replies, broadcasts.asFlux()).map(session::textMessage));
		};
		return new SimpleUrlHandlerMapping(Map.of("/ws", handler), -1);
	}

	static Mono<String> hello(WebClient client) {
		return client.get().uri("http://helloworld/hello").retrieve().bodyToMono(String.class);
	}

	static String name(@Nullable String lane) {
		return "socket-" + ((lane != null) ? lane : "v1");
	}

	@RestController
	static class BroadcastController {

		private final String me;

		private final WebClient client;

		private final Sinks.Many<String> broadcasts;

		BroadcastController(@Value("${lane.instance.tag:#{null}}") @Nullable String lane,
				@LoadBalanced WebClient.Builder builder, Sinks.Many<String> broadcasts) {
			this.me = name(lane);
			this.client = builder.build();
			this.broadcasts = broadcasts;
		}

		@PostMapping("/broadcast")
		Mono<String> broadcast() {
			return hello(this.client).map((answer) -> "broadcast from " + this.me + " -> " + answer)
				.doOnNext(this.broadcasts::tryEmitNext);
		}

	}

}
