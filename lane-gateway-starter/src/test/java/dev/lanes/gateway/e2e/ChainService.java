package dev.lanes.gateway.e2e;

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

/**
 * A WebFlux service of the chain behind the gateway. {@code /hop} answers with the
 * service's name and lane ({@code Agray}), followed by what the next service
 * ({@code chain.next}, called through a load-balanced {@code WebClient}) answered.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ ChainService.HopController.class, LoadBalancedWebClientConfiguration.class })
class ChainService {

	@RestController
	static class HopController {

		private final String me;

		private final String next;

		private final WebClient client;

		HopController(@Value("${chain.name}") String name, @Value("${lane.instance.tag:}") String tag,
				@Value("${chain.next:}") String next, @LoadBalanced WebClient.Builder client) {
			this.me = name + tag;
			this.next = next;
			this.client = client.build();
		}

		@GetMapping("/hop")
		Mono<String> hop() {
			if (this.next.isEmpty()) {
				return Mono.just(this.me);
			}
			return this.client.get()
				.uri("http://" + this.next + "/hop")
				.retrieve()
				.bodyToMono(String.class)
				.map((answer) -> this.me + " -> " + answer);
		}

	}

}
