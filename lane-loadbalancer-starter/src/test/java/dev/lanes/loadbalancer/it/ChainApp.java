package dev.lanes.loadbalancer.it;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.testing.LoadBalancedWebClientConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A servlet service of the test chain. It answers {@code /hop} with its name and lane,
 * followed by what the next service answered through the HTTP client or thread hop named
 * by the {@code client} parameter.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableAsync
@EnableFeignClients(clients = ChainApp.NextClient.class)
@Import({ ChainApp.HopController.class, ChainApp.AsyncHop.class, LoadBalancedWebClientConfiguration.class })
public class ChainApp {

	@Bean
	@LoadBalanced
	RestTemplate restTemplate(RestTemplateBuilder builder) {
		return builder.build();
	}

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	@FeignClient(name = "${chain.next:none}")
	interface NextClient {

		@GetMapping("/hop")
		String hop();

	}

	static class AsyncHop {

		private final RestTemplate restTemplate;

		AsyncHop(RestTemplate restTemplate) {
			this.restTemplate = restTemplate;
		}

		@Async
		CompletableFuture<String> call(String url) {
			return CompletableFuture.completedFuture(this.restTemplate.getForObject(url, String.class));
		}

	}

	@RestController
	static class HopController {

		private final String me;

		private final String next;

		private final String defaultClient;

		private final RestTemplate restTemplate;

		private final RestClient.Builder restClient;

		private final WebClient.Builder webClient;

		private final NextClient feign;

		private final AsyncHop asyncHop;

		private final AsyncTaskExecutor executor;

		HopController(@Value("${chain.name}") String name, @Value("${lane.instance.tag:}") String tag,
				@Value("${chain.next:}") String next, @Value("${chain.client:resttemplate}") String defaultClient,
				RestTemplate restTemplate, @LoadBalanced RestClient.Builder restClient,
				@LoadBalanced WebClient.Builder webClient, NextClient feign, AsyncHop asyncHop,
				AsyncTaskExecutor executor) {
			this.me = name + tag;
			this.next = next;
			this.defaultClient = defaultClient;
			this.restTemplate = restTemplate;
			this.restClient = restClient;
			this.webClient = webClient;
			this.feign = feign;
			this.asyncHop = asyncHop;
			this.executor = executor;
		}

		@GetMapping("/hop")
		String hop(@RequestParam(required = false) String client, @RequestParam(required = false) String to)
				throws Exception {
			String target = (to != null) ? to : this.next;
			if (target.isEmpty()) {
				return this.me;
			}
			return this.me + " -> " + call((client != null) ? client : this.defaultClient, "http://" + target + "/hop");
		}

		private String call(String client, String url) throws Exception {
			return switch (client) {
				case "resttemplate" -> this.restTemplate.getForObject(url, String.class);
				case "restclient" -> this.restClient.build().get().uri(url).retrieve().body(String.class);
				case "webclient" -> this.webClient.build().get().uri(url).retrieve().bodyToMono(String.class).block();
				case "feign" -> this.feign.hop();
				case "async" -> this.asyncHop.call(url).get();
				case "future" -> CompletableFuture
					.supplyAsync(() -> this.restTemplate.getForObject(url, String.class), this.executor)
					.join();
				case "thread" -> {
					// Deliberately loses the lane: a raw thread gets no LaneContext.
					AtomicReference<String> body = new AtomicReference<>();
					Thread thread = new Thread(
							() -> body.set(this.restClient.build().get().uri(url).retrieve().body(String.class)));
					thread.start();
					thread.join();
					yield body.get();
				}
				case "reactor" -> Mono.just(url)
					.publishOn(Schedulers.boundedElastic())
					.map((u) -> this.restTemplate.getForObject(u, String.class))
					.block();
				default -> throw new IllegalArgumentException(client);
			};
		}

		@GetMapping("/worker")
		String worker(@RequestParam(defaultValue = "false") boolean leak) {
			return CompletableFuture.supplyAsync(() -> {
				String seen = LaneContext.current();
				if (leak) {
					// Careless task code that never cleans up after itself.
					LaneContext.set("leaked");
				}
				return seen + "@" + Thread.currentThread().getName();
			}, this.executor).join();
		}

	}

}
