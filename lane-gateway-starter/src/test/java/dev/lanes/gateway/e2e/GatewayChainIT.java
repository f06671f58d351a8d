package dev.lanes.gateway.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanes.loadbalancer.propagation.LaneWebFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real gateway in front of the chain A -> B -> C, where A and C have a gray instance
 * and B has none; the gateway tags {@code canary: gray} requests and routes {@code /a/**}
 * to {@code lb://a}.
 */
class GatewayChainIT {

	private static Services services;

	private static ConfigurableApplicationContext gateway;

	private static WebClient client;

	@BeforeAll
	static void start() {
		services = new Services();
		services.service(ChainService.class, "c", "");
		services.service(ChainService.class, "c", "gray");
		services.service(ChainService.class, "b", "", "chain.next=c");
		services.service(ChainService.class, "a", "", "chain.next=b");
		services.service(ChainService.class, "a", "gray", "chain.next=b");
		String route = "spring.cloud.gateway.server.webflux.routes[0].";
		String rule = "lane.gateway.rules[0].";
		gateway = services.gateway(GatewayApp.class, route + "id=a", route + "uri=lb://a",
				route + "predicates[0]=Path=/a/**", route + "filters[0]=StripPrefix=1", rule + "lane=gray",
				rule + "conditions[0].source=header", rule + "conditions[0].name=canary", rule + "conditions[0].op===",
				rule + "conditions[0].value=gray");
		client = WebClient.create("http://localhost:" + Services.port(gateway));
	}

	@AfterAll
	static void stop() {
		if (services != null) {
			services.close();
		}
	}

	@Test
	void canaryRequestStaysInGrayLaneAcrossTheChain() {
		assertThat(call(Map.of("canary", "gray"))).isEqualTo("Agray -> B -> Cgray");
	}

	@Test
	void requestWithoutCanaryHeaderStaysInBase() {
		assertThat(call(Map.of())).isEqualTo("A -> B -> C");
		assertThat(call(Map.of("canary", "blue"))).isEqualTo("A -> B -> C");
	}

	@Test
	void thousandUntaggedRequestsNeverTouchAGrayInstance() {
		Map<String, Integer> answers = new ConcurrentHashMap<>();
		Flux.range(0, 1000)
			.flatMap((i) -> client.get().uri("/a/hop").retrieve().bodyToMono(String.class), 8)
			.doOnNext((answer) -> answers.merge(answer, 1, Integer::sum))
			.blockLast(Duration.ofMinutes(3));
		assertThat(answers).containsExactly(Map.entry("A -> B -> C", 1000));
	}

	@Test
	void gatewayRunsTheInboundFilterAndReactorContextPropagation() {
		// What makes the stripping tests below matter: this filter puts the client's lane
		// into the Reactor context, and automatic context propagation (on whenever
		// context-propagation is on the classpath, as in a traced application) restores
		// it into LaneContext, where the load balancer looks when the forwarded request
		// carries no lane header.
		assertThat(gateway.getBeansOfType(LaneWebFilter.class)).hasSize(1);
		assertThat(Hooks.isAutomaticContextPropagationEnabled()).isTrue();
	}

	@Test
	void clientSentLaneHeaderIsStrippedAndReachesBase() {
		assertThat(call(Map.of("x-lane", "gray"))).isEqualTo("A -> B -> C");
	}

	@Test
	void clientSentBaggageLaneIsStrippedAndReachesBase() {
		assertThat(call(Map.of("baggage", "lane=gray"))).isEqualTo("A -> B -> C");
		assertThat(call(Map.of("x-lane", "gray", "baggage", "userId=7,lane=gray"))).isEqualTo("A -> B -> C");
	}

	@Test
	void gatewayDecisionOverridesAClientSentLane() {
		assertThat(call(Map.of("canary", "gray", "x-lane", "blue", "baggage", "lane=blue")))
			.isEqualTo("Agray -> B -> Cgray");
	}

	private static String call(Map<String, String> headers) {
		return client.get().uri("/a/hop").headers((h) -> headers.forEach(h::add)).exchangeToMono((response) -> {
			assertThat(response.statusCode()).isEqualTo(HttpStatus.OK);
			return response.bodyToMono(String.class);
		}).block(Duration.ofSeconds(30));
	}

}
