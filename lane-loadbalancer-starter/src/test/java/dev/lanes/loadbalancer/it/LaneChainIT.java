package dev.lanes.loadbalancer.it;

import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;
import dev.lanes.loadbalancer.testing.StaticDiscoveryApps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.client.RestClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain A -> B -> C with gray instances of A and C, a WebFlux service D, and a
 * load-balanced test client that sends the lane header the way the gateway does.
 */
class LaneChainIT {

	private static final String[] COMMON = { "lane.loadbalancer.lanes.gray.fallback=base",
			"lane.loadbalancer.lanes.green.fallback=gray" };

	private static StaticDiscoveryApps apps;

	private static ConfigurableApplicationContext baseA;

	private static ConfigurableApplicationContext grayA;

	private static ConfigurableApplicationContext caller;

	private static RestClient client;

	@BeforeAll
	static void startChain() {
		apps = new StaticDiscoveryApps();
		apps.start(ChainApp.class, WebApplicationType.SERVLET, "c", "", COMMON);
		apps.start(ChainApp.class, WebApplicationType.SERVLET, "c", "gray", COMMON);
		apps.start(ReactiveChainApp.class, WebApplicationType.REACTIVE, "d", "", with("chain.next=c"));
		apps.start(ChainApp.class, WebApplicationType.SERVLET, "b", "",
				with("chain.next=c", "chain.client=restclient"));
		String[] a = with("chain.next=b", "spring.task.execution.pool.core-size=1",
				"spring.task.execution.pool.max-size=1");
		baseA = apps.start(ChainApp.class, WebApplicationType.SERVLET, "a", "", a);
		grayA = apps.start(ChainApp.class, WebApplicationType.SERVLET, "a", "gray", a);
		caller = apps.start(ChainApp.class, WebApplicationType.NONE, "client", "", with("chain.next=a"));
		client = caller.getBean(RestClient.Builder.class).build();
	}

	@AfterAll
	static void stopChain() {
		if (apps != null) {
			apps.close();
		}
	}

	@Test
	void grayRequestStaysInGrayLaneAcrossTheChain() {
		assertThat(call("/hop", "x-lane", "gray")).isEqualTo("Agray -> B -> Cgray");
	}

	@Test
	void untaggedRequestStaysInBase() {
		assertThat(call("/hop", null, null)).isEqualTo("A -> B -> C");
	}

	@Test
	void thousandUntaggedRequestsNeverTouchAGrayInstance() {
		for (int i = 0; i < 1000; i++) {
			assertThat(call("/hop?client=" + ((i % 2 == 0) ? "resttemplate" : "feign"), null, null)).as("request %d", i)
				.isEqualTo("A -> B -> C");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "resttemplate", "restclient", "webclient", "feign", "async", "future", "reactor" })
	void everyClientAndThreadHopCarriesTheLane(String hop) {
		assertThat(call("/hop?client=" + hop, "x-lane", "gray")).isEqualTo("Agray -> B -> Cgray");
		assertThat(call("/hop?client=" + hop, null, null)).isEqualTo("A -> B -> C");
	}

	@Test
	void laneTravelsInBaggageAlone() {
		assertThat(call("/hop", "baggage", "userId=7,lane=gray")).isEqualTo("Agray -> B -> Cgray");
	}

	@Test
	void laneWithoutInstancesFallsBackToBase() {
		assertThat(call("/hop", "x-lane", "blue")).isEqualTo("A -> B -> C");
	}

	@Test
	void laneFallsBackToAnotherLane() {
		assertThat(call("/hop", "x-lane", "green")).isEqualTo("Agray -> B -> Cgray");
	}

	@Test
	void webFluxServiceKeepsTheLaneAcrossReactorThreadHops() {
		assertThat(call("/hop?to=d", "x-lane", "gray")).isEqualTo("Agray -> D[gray] -> Cgray");
		assertThat(call("/hop?to=d", null, null)).isEqualTo("A -> D[null] -> C");
	}

	@Test
	void pooledWorkerDoesNotKeepAPreviousTasksLane() {
		// Lane blue has no A instance, so it reaches base A, whose pool has one worker.
		String blueTask = call("/worker?leak=true", "x-lane", "blue");
		String baseTask = call("/worker", null, null);
		assertThat(blueTask).startsWith("blue@");
		String worker = blueTask.substring("blue@".length());
		assertThat(baseTask).isEqualTo("null@" + worker);
	}

	@Test
	void choicesAreCounted() {
		call("/hop", "x-lane", "blue");
		MeterRegistry registry = baseA.getBean(MeterRegistry.class);
		Counter fallback = registry.find(LaneServiceInstanceListSupplier.METRIC_NAME)
			.tags("service", "b", "lane", "blue", "outcome", "fallback")
			.counter();
		assertThat(fallback).isNotNull();
		assertThat(fallback.count()).isPositive();
	}

	@Test
	void instanceTagIsPublishedAsRegistryMetadata() {
		assertThat(grayA.getEnvironment().getProperty("spring.cloud.nacos.discovery.metadata.lane")).isEqualTo("gray");
		assertThat(grayA.getEnvironment().getProperty("eureka.instance.metadata-map.lane")).isEqualTo("gray");
		assertThat(baseA.getEnvironment().getProperty("spring.cloud.nacos.discovery.metadata.lane")).isNull();
	}

	@Test
	void gatewayStyleRequestIsRoutedByItsLaneHeader() {
		// What the gateway's ReactiveLoadBalancerClientFilter hands the load balancer:
		// request
		// data built from the incoming ServerHttpRequest, on a thread with no
		// LaneContext.
		ReactiveLoadBalancer<ServiceInstance> loadBalancer = caller.getBean(LoadBalancerClientFactory.class)
			.getInstance("a");
		for (int i = 0; i < 10; i++) {
			assertThat(choose(loadBalancer, "gray").getPort()).isEqualTo(StaticDiscoveryApps.port(grayA));
			assertThat(choose(loadBalancer, null).getPort()).isEqualTo(StaticDiscoveryApps.port(baseA));
		}
	}

	private static ServiceInstance choose(ReactiveLoadBalancer<ServiceInstance> loadBalancer, String lane) {
		MockServerHttpRequest.BaseBuilder<?> exchange = MockServerHttpRequest.get("http://a/hop");
		if (lane != null) {
			exchange.header("x-lane", lane);
		}
		RequestDataContext context = new RequestDataContext(new RequestData(exchange.build()));
		Response<ServiceInstance> response = Mono.from(loadBalancer.choose(new DefaultRequest<>(context))).block();
		assertThat(response).isNotNull();
		assertThat(response.hasServer()).isTrue();
		return response.getServer();
	}

	private static String call(String path, String header, String value) {
		RestClient.RequestHeadersSpec<?> request = client.get().uri("http://a" + path);
		if (header != null) {
			request = request.header(header, value);
		}
		return request.retrieve().body(String.class);
	}

	private static String[] with(String... properties) {
		String[] all = new String[COMMON.length + properties.length];
		System.arraycopy(COMMON, 0, all, 0, COMMON.length);
		System.arraycopy(properties, 0, all, COMMON.length, properties.length);
		return all;
	}

}
