package dev.lanes.loadbalancer.leak;

import dev.lanes.loadbalancer.it.ChainApp;
import dev.lanes.loadbalancer.testing.StaticDiscoveryApps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service A calls base-only service B; A's {@code /hop?client=thread} deliberately loses
 * the lane by calling B from a raw {@code new Thread}.
 */
class LaneLeakMetricsIT {

	private static StaticDiscoveryApps apps;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private static final RestClient direct = RestClient.create();

	@BeforeAll
	static void start() {
		apps = new StaticDiscoveryApps("lane.loadbalancer.lanes.gray.fallback=base");
		b = apps.start(ChainApp.class, WebApplicationType.SERVLET, "b", "");
		a = apps.start(ChainApp.class, WebApplicationType.SERVLET, "a", "", "chain.next=b");
	}

	@AfterAll
	static void stop() {
		if (apps != null) {
			apps.close();
		}
	}

	@Test
	void callFromARawThreadThatLostTheLaneIsCounted() {
		double before = lost("gray", "rest");
		assertThat(call("/hop?client=thread", "gray")).isEqualTo("A -> B");
		assertThat(lost("gray", "rest")).isEqualTo(before + 1);
	}

	@Test
	void callsThatKeepTheLaneAreNotCounted() {
		double before = lost("gray", "rest");
		for (String client : new String[] { "restclient", "resttemplate", "async", "future", "reactor" }) {
			assertThat(call("/hop?client=" + client, "gray")).isEqualTo("A -> B");
		}
		assertThat(lost("gray", "rest")).isEqualTo(before);
	}

	@Test
	void baseRequestOnARawThreadLosesNothing() {
		double before = lost("gray", "rest");
		assertThat(call("/hop?client=thread", null)).isEqualTo("A -> B");
		assertThat(a.getBean(MeterRegistry.class).find(LaneLeakMetrics.LOST).tags("lane", "base").counter()).isNull();
		assertThat(lost("gray", "rest")).isEqualTo(before);
	}

	@Test
	void grayRequestServedByABaseInstanceIsCountedAsAFallback() {
		call("/hop", "gray");
		Counter served = b.getBean(MeterRegistry.class)
			.find(LaneLeakMetrics.SERVED)
			.tags("service", "b", "lane", "gray", "served", "base", "reason", "fallback-to-base")
			.counter();
		assertThat(served).isNotNull();
		assertThat(served.count()).isPositive();
	}

	private static double lost(String lane, String client) {
		Counter counter = a.getBean(MeterRegistry.class)
			.find(LaneLeakMetrics.LOST)
			.tags("service", "a", "lane", lane, "client", client)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String call(String path, String lane) {
		RestClient.RequestHeadersSpec<?> request = direct.get()
			.uri("http://localhost:" + StaticDiscoveryApps.port(a) + path);
		if (lane != null) {
			request = request.header("x-lane", lane);
		}
		return request.retrieve().body(String.class);
	}

}
