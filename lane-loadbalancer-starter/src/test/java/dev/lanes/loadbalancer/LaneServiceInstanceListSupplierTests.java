package dev.lanes.loadbalancer;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.lanes.core.LaneLabels;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.Map;

import dev.lanes.core.LaneContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LaneServiceInstanceListSupplierTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final LaneProperties laneProperties = new LaneProperties();

	private final LaneLoadBalancerProperties properties = new LaneLoadBalancerProperties();

	private static final ServiceInstance C1 = instance("c-1", null);

	private static final ServiceInstance C2 = instance("c-2", null);

	private static final ServiceInstance C_GRAY = instance("c-gray", "gray");

	private static final ServiceInstance C_BLUE = instance("c-blue", "blue");

	@Test
	void getWithoutRequestPassesEveryInstanceThrough() {
		assertThat(supplier(C1, C_GRAY).get().blockFirst()).containsExactly(C1, C_GRAY);
	}

	@Test
	void laneRequestGetsInstancesOfItsLane() {
		assertThat(choose(headers("x-lane", "gray"), C1, C_GRAY, C2)).containsExactly(C_GRAY);
		assertThat(count("gray", "matched")).isEqualTo(1);
	}

	@Test
	void laneMatchesInstanceTagsWhateverTheirCase() {
		ServiceInstance upper = instance("c-gray-2", "Gray");
		assertThat(choose(headers("x-lane", "GRAY"), C1, C_GRAY, upper)).containsExactly(C_GRAY, upper);
		assertThat(count("gray", "matched")).isEqualTo(1);
	}

	@Test
	void upperCaseLaneOfTheContextSelectsTheLaneInstances() {
		try (LaneContext.Scope scope = LaneContext.open("GRAY")) {
			assertThat(choose(new HttpHeaders(), C1, C_GRAY)).containsExactly(C_GRAY);
		}
	}

	@Test
	void baseRequestGetsOnlyBaseInstances() {
		assertThat(choose(new HttpHeaders(), C1, C_GRAY, C2, C_BLUE)).containsExactly(C1, C2);
		assertThat(count("base", "matched")).isEqualTo(1);
	}

	@Test
	void instanceTaggedBaseIsABaseInstance() {
		ServiceInstance taggedBase = instance("c-3", "base");
		assertThat(choose(new HttpHeaders(), taggedBase, C_GRAY)).containsExactly(taggedBase);
	}

	@Test
	void fallsBackToBaseWhenLaneHasNoInstance() {
		assertThat(choose(headers("x-lane", "green"), C1, C_GRAY)).containsExactly(C1);
		assertThat(count("green", "fallback")).isEqualTo(1);
	}

	@Test
	void rejectsWhenLaneIsStrictAndHasNoInstance() {
		lane("gray").setFallback("reject");
		assertThatExceptionOfType(LaneRoutingException.class).isThrownBy(() -> choose(headers("x-lane", "gray"), C1))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(503);
				assertThat(ex.getReason()).contains("'c'").contains("'gray'");
				assertThat(ex.getServiceId()).isEqualTo("c");
				assertThat(ex.getLane()).isEqualTo("gray");
			});
		assertThat(count("gray", "rejected")).isEqualTo(1);
	}

	@Test
	void strictLaneStillGetsItsOwnInstances() {
		lane("gray").setFallback("reject");
		assertThat(choose(headers("x-lane", "gray"), C1, C_GRAY)).containsExactly(C_GRAY);
	}

	@Test
	void fallsBackToAnotherLane() {
		lane("green").setFallback("gray");
		assertThat(choose(headers("x-lane", "green"), C1, C_GRAY)).containsExactly(C_GRAY);
		assertThat(count("green", "fallback")).isEqualTo(1);
	}

	@Test
	void followsAChainOfFallbacksToBase() {
		lane("green").setFallback("blue");
		assertThat(choose(headers("x-lane", "green"), C1, C_GRAY)).containsExactly(C1);
	}

	@Test
	void rejectsLaneWhoseFallbackLaneIsStrict() {
		lane("green").setFallback("blue");
		lane("blue").setFallback("reject");
		assertThatExceptionOfType(LaneRoutingException.class)
			.isThrownBy(() -> choose(headers("x-lane", "green"), C1, C_GRAY))
			.withMessageContaining("'blue'");
	}

	@Test
	void refusesBaseTrafficWhenServiceHasOnlyLaneInstances() {
		assertThatExceptionOfType(LaneRoutingException.class)
			.isThrownBy(() -> choose(new HttpHeaders(), C_GRAY, C_BLUE))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("'c'").contains("base"));
		assertThat(count("base", "rejected")).isEqualTo(1);
	}

	@Test
	void letsBaseTrafficUseLaneInstancesWhenBaseFallbackIsAny() {
		this.properties.setBaseFallback(LaneLoadBalancerProperties.BaseFallback.ANY);
		assertThat(choose(new HttpHeaders(), C_GRAY, C_BLUE)).containsExactly(C_GRAY, C_BLUE);
		assertThat(count("base", "fallback")).isEqualTo(1);
	}

	@Test
	void laneRequestFallingBackToMissingBaseIsRefused() {
		assertThatExceptionOfType(LaneRoutingException.class)
			.isThrownBy(() -> choose(headers("x-lane", "green"), C_GRAY))
			.withMessageContaining("'green'");
	}

	@Test
	void serviceWithoutInstancesGivesAnEmptyList() {
		assertThat(choose(headers("x-lane", "gray"))).isEmpty();
	}

	@Test
	void readsLaneFromBaggageWhenThereIsNoLaneHeader() {
		assertThat(choose(headers("baggage", "userId=7,lane=gray;ttl=1"), C1, C_GRAY)).containsExactly(C_GRAY);
	}

	@Test
	void laneHeaderWinsOverBaggage() {
		HttpHeaders headers = headers("x-lane", "blue");
		headers.set("baggage", "lane=gray");
		assertThat(choose(headers, C1, C_GRAY, C_BLUE)).containsExactly(C_BLUE);
	}

	@Test
	void ignoresBaggageWhenDisabled() {
		this.laneProperties.setBaggage(false);
		assertThat(choose(headers("baggage", "lane=gray"), C1, C_GRAY)).containsExactly(C1);
	}

	@Test
	void readsConfiguredHeader() {
		this.laneProperties.setHeader("x-canary");
		assertThat(choose(headers("x-canary", "gray"), C1, C_GRAY)).containsExactly(C_GRAY);
		assertThat(choose(headers("x-lane", "gray"), C1, C_GRAY)).containsExactly(C1);
	}

	@Test
	void malformedLaneHeaderIsBaseTraffic() {
		assertThat(choose(headers("x-lane", "gray;drop table"), C1, C_GRAY)).containsExactly(C1);
		assertThat(choose(headers("x-lane", "base"), C1, C_GRAY)).containsExactly(C1);
	}

	@Test
	void readsLaneContextWhenRequestHeadersCarryNoLane() {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			assertThat(choose(new HttpHeaders(), C1, C_GRAY)).containsExactly(C_GRAY);
		}
		assertThat(choose(new HttpHeaders(), C1, C_GRAY)).containsExactly(C1);
	}

	@Test
	void readsLaneContextForRequestWithoutRequestData() {
		Request<Object> request = new DefaultRequest<>();
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			assertThat(supplier(C1, C_GRAY).get(request).blockFirst()).containsExactly(C_GRAY);
		}
	}

	@Test
	void floodOfUnknownLanesCannotBlindBaseServedAndConfiguredLanes() throws Exception {
		lane("blue").setFallback("base");
		LaneServiceInstanceListSupplier supplier = supplier(C1, C_GRAY);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> floods = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			floods.add(pool.submit(() -> {
				for (int i = 0; i < 100; i++) {
					supplier.select("junk-" + ((i % 2 == 0) ? i : thread * 1000 + i), List.of(C1, C_GRAY));
				}
			}));
		}
		for (Future<?> flood : floods) {
			flood.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();
		supplier.select(null, List.of(C1, C_GRAY));
		supplier.select("gray", List.of(C1, C_GRAY));
		supplier.select("blue", List.of(C1, C_GRAY));
		assertThat(count("base", "matched")).isEqualTo(1);
		assertThat(count("gray", "matched")).isEqualTo(1);
		assertThat(count("blue", "fallback")).isEqualTo(1);
		Set<String> junk = new HashSet<>();
		this.registry.find(LaneServiceInstanceListSupplier.METRIC_NAME)
			.counters()
			.forEach((counter) -> junk.add(counter.getId().getTag("lane")));
		junk.removeAll(Set.of("base", "gray", "blue", LaneLabels.OTHER));
		assertThat(junk).hasSize(LaneChoiceMetrics.MAX_UNKNOWN_LANES);
		assertThat(count(LaneLabels.OTHER, "fallback")).isPositive();
		double fallbacks = this.registry.find(LaneServiceInstanceListSupplier.METRIC_NAME)
			.tag("outcome", "fallback")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
		assertThat(fallbacks).isEqualTo(8 * 100 + 1);
	}

	@Test
	void worksWithoutMeterRegistry() {
		LaneServiceInstanceListSupplier supplier = new LaneServiceInstanceListSupplier(new FixedSupplier(List.of(C1)),
				this.laneProperties, this.properties, null);
		assertThat(supplier.select(null, List.of(C1))).containsExactly(C1);
	}

	private LaneLoadBalancerProperties.Lane lane(String name) {
		return this.properties.getLanes().computeIfAbsent(name, (key) -> new LaneLoadBalancerProperties.Lane());
	}

	private double count(String lane, String outcome) {
		var counter = this.registry.find(LaneServiceInstanceListSupplier.METRIC_NAME)
			.tags("service", "c", "lane", lane, "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private List<ServiceInstance> choose(HttpHeaders headers, ServiceInstance... instances) {
		RequestData data = new RequestData(HttpMethod.GET, URI.create("http://c/hop"), headers,
				new LinkedMultiValueMap<>(), new HashMap<>());
		return supplier(instances).get(new DefaultRequest<>(new RequestDataContext(data))).blockFirst();
	}

	private LaneServiceInstanceListSupplier supplier(ServiceInstance... instances) {
		return new LaneServiceInstanceListSupplier(new FixedSupplier(List.of(instances)), this.laneProperties,
				this.properties, this.registry);
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(name, value);
		return headers;
	}

	private static ServiceInstance instance(String id, @Nullable String lane) {
		Map<String, String> metadata = new HashMap<>();
		if (lane != null) {
			metadata.put("lane", lane);
		}
		return new DefaultServiceInstance(id, "c", "localhost", 8080, false, metadata);
	}

	/**
	 * The instances a discovery client would give, unfiltered.
	 */
	static final class FixedSupplier implements ServiceInstanceListSupplier {

		private final List<ServiceInstance> instances;

		FixedSupplier(List<ServiceInstance> instances) {
			this.instances = new ArrayList<>(instances);
		}

		@Override
		public String getServiceId() {
			return "c";
		}

		@Override
		public Flux<List<ServiceInstance>> get() {
			return Flux.just(this.instances);
		}

	}

}
