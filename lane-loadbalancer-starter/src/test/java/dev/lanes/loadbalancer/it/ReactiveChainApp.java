package dev.lanes.loadbalancer.it;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.testing.LoadBalancedWebClientConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A WebFlux service of the test chain. Its {@code /hop} hops to a bounded-elastic thread,
 * records the lane seen there, and calls the next service with a load-balanced
 * {@code WebClient}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ ReactiveChainApp.ReactiveHopController.class, LoadBalancedWebClientConfiguration.class })
public class ReactiveChainApp {

	@RestController
	static class ReactiveHopController {

		private final String me;

		private final String next;

		private final WebClient.Builder webClient;

		ReactiveHopController(@Value("${chain.name}") String name, @Value("${chain.next}") String next,
				@LoadBalanced WebClient.Builder webClient) {
			this.me = name;
			this.next = next;
			this.webClient = webClient;
		}

		@GetMapping("/hop")
		Mono<String> hop() {
			WebClient client = this.webClient.build();
			return Mono.just(1)
				.publishOn(Schedulers.boundedElastic())
				.map((ignored) -> String.valueOf(LaneContext.current()))
				.flatMap((lane) -> client.get()
					.uri("http://" + this.next + "/hop")
					.retrieve()
					.bodyToMono(String.class)
					.map((body) -> this.me + "[" + lane + "] -> " + body));
		}

	}

}
