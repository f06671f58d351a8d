package dev.lanes.loadbalancer.it;

import java.time.Duration;
import java.util.UUID;

import dev.lanes.loadbalancer.testing.StaticDiscoveryApps;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.WebApplicationType;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Registers a base and a gray instance of a service in a real Nacos server and routes
 * through it. Runs only when {@code LANES_TEST_NACOS_ADDR} names a server, for example
 * {@code 127.0.0.1:8848}.
 */
@EnabledIfEnvironmentVariable(named = "LANES_TEST_NACOS_ADDR", matches = ".+")
class NacosRegistrationIT {

	private static final String SERVICE = "lanes-it-" + UUID.randomUUID().toString().substring(0, 8);

	private static StaticDiscoveryApps apps;

	private static ConfigurableApplicationContext caller;

	@BeforeAll
	static void start() {
		String address = System.getenv("LANES_TEST_NACOS_ADDR");
		String[] nacos = { "spring.cloud.nacos.discovery.enabled=true",
				"spring.cloud.nacos.discovery.server-addr=" + address,
				"spring.cloud.service-registry.auto-registration.enabled=true",
				"spring.cloud.loadbalancer.cache.ttl=500ms" };
		apps = new StaticDiscoveryApps();
		apps.startUnlisted(ChainApp.class, WebApplicationType.SERVLET, SERVICE, "", nacos);
		apps.startUnlisted(ChainApp.class, WebApplicationType.SERVLET, SERVICE, "gray", nacos);
		caller = apps.startUnlisted(ChainApp.class, WebApplicationType.SERVLET, SERVICE + "-caller", "", nacos);
	}

	@AfterAll
	static void stop() {
		if (apps != null) {
			apps.close();
		}
	}

	@Test
	void grayInstanceRegistersLaneMetadataAndReceivesGrayTraffic() {
		DiscoveryClient discovery = caller.getBean(DiscoveryClient.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> discovery.getInstances(SERVICE).size() == 2);
		assertThat(discovery.getInstances(SERVICE)).extracting(ServiceInstance::getMetadata)
			.anySatisfy((metadata) -> assertThat(metadata).containsEntry("lane", "gray"))
			.anySatisfy((metadata) -> assertThat(metadata).doesNotContainKey("lane"));
		RestClient client = caller.getBean(RestClient.Builder.class).build();
		String prefix = SERVICE.toUpperCase();
		await().atMost(Duration.ofSeconds(30)).until(() -> (prefix + "gray").equals(call(client, "gray")));
		for (int i = 0; i < 20; i++) {
			assertThat(call(client, "gray")).isEqualTo(prefix + "gray");
			assertThat(call(client, null)).isEqualTo(prefix);
		}
	}

	private static String call(RestClient client, String lane) {
		RestClient.RequestHeadersSpec<?> request = client.get().uri("http://" + SERVICE + "/hop");
		if (lane != null) {
			request = request.header("x-lane", lane);
		}
		return request.retrieve().body(String.class);
	}

}
