package dev.lanes.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rules changed at runtime through an environment refresh, and lanes turned off through
 * the {@code lanes} endpoint, on a running gateway.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=lanes", "lane.gateway.rules[0].lane=gray",
				"lane.gateway.rules[0].conditions[0].source=header", "lane.gateway.rules[0].conditions[0].name=canary",
				"lane.gateway.rules[0].conditions[0].op===", "lane.gateway.rules[0].conditions[0].value=gray" })
@ExtendWith(OutputCaptureExtension.class)
class LaneRulesRefreshIT {

	private static final String PUSHED = "pushed-config";

	private static final EchoBackend backend = EchoBackend.start();

	@LocalServerPort
	private int port;

	@Autowired
	private ConfigurableEnvironment environment;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private MeterRegistry meters;

	private WebTestClient client;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		backend.routeEverything(registry);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@AfterEach
	void restoreConfiguredRules() {
		if (this.environment.getPropertySources().remove(PUSHED) != null) {
			this.events.publishEvent(new EnvironmentChangeEvent(Set.of("lane.gateway.rules[0].lane")));
		}
		setLaneEnabled("gray", true);
	}

	@Test
	void validPushReplacesTheRules() {
		push(Map.of("lane.gateway.rules[0].lane", "blue", "lane.gateway.rules[0].conditions[0].source", "header",
				"lane.gateway.rules[0].conditions[0].name", "canary", "lane.gateway.rules[0].conditions[0].op", "==",
				"lane.gateway.rules[0].conditions[0].value", "blue"));
		assertThat(laneSeen("blue")).isEqualTo("blue");
		assertThat(laneSeen("gray")).isEqualTo("base");
	}

	@Test
	void pushNamingAnUnknownRouteIsAppliedWithAWarning(CapturedOutput output) {
		push(Map.of("lane.gateway.rules[0].lane", "blue", "lane.gateway.rules[0].routes[0]", "ordrs",
				"lane.gateway.rules[0].ratio", "100"));
		assertThat(laneSeen("gray")).isEqualTo("base");
		assertThat(output).contains("Lane rules in force name routes the gateway does not have (yet)")
			.contains("lane.gateway.rules[0].routes[0]: no route has the id 'ordrs' (routes: [default])");
	}

	@Test
	void invalidPushIsRejectedAndOldRulesStay() {
		push(Map.of("lane.gateway.rules[0].lane", "blue", "lane.gateway.rules[0].conditions[0].source", "header",
				"lane.gateway.rules[0].conditions[0].name", "canary", "lane.gateway.rules[0].conditions[0].op",
				"equals", "lane.gateway.rules[0].conditions[0].value", "blue"));
		assertThat(laneSeen("gray")).isEqualTo("gray");
		assertThat(laneSeen("blue")).isEqualTo("base");
		// A value that does not even bind: Spring Cloud's own rebinder reports it to
		// whoever
		// refreshed, and the rules in force stay.
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(
				() -> push(Map.of("lane.gateway.rules[0].lane", "blue", "lane.gateway.rules[0].ratio", "lots")));
		assertThat(laneSeen("gray")).isEqualTo("gray");
		assertThat(laneSeen("blue")).isEqualTo("base");
	}

	@Test
	void endpointShowsRulesAndCountsAndTurnsLanesOff() {
		laneSeen("gray");
		this.client.get()
			.uri("/actuator/lanes")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.inboundTag")
			.isEqualTo("STRIP")
			.jsonPath("$.rules[0].lane")
			.isEqualTo("gray")
			.jsonPath("$.rules[0].conditions[0]")
			.isEqualTo("header canary == gray")
			.jsonPath("$.requests.gray")
			.value((Number count) -> assertThat(count.longValue()).isPositive());
		setLaneEnabled("gray", false);
		assertThat(laneSeen("gray")).isEqualTo("base");
		this.client.get()
			.uri("/actuator/lanes")
			.exchange()
			.expectBody()
			.jsonPath("$.disabledLanes[0]")
			.isEqualTo("gray")
			.jsonPath("$.rules[0].enabled")
			.isEqualTo(false);
		setLaneEnabled("gray", true);
		assertThat(laneSeen("gray")).isEqualTo("gray");
	}

	@Test
	void countsRequestsPerLaneAndRoute() {
		double before = count("gray");
		double baseBefore = count("base");
		laneSeen("gray");
		laneSeen("gray");
		laneSeen(null);
		assertThat(count("gray")).isEqualTo(before + 2);
		assertThat(count("base")).isEqualTo(baseBefore + 1);
	}

	private double count(String lane) {
		var counter = this.meters.find(LaneRequestMetrics.METER_NAME).tags("lane", lane, "route", "default").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private void push(Map<String, Object> properties) {
		this.environment.getPropertySources().remove(PUSHED);
		this.environment.getPropertySources().addFirst(new MapPropertySource(PUSHED, properties));
		this.events.publishEvent(new EnvironmentChangeEvent(properties.keySet()));
	}

	private void setLaneEnabled(String lane, boolean enabled) {
		this.client.post()
			.uri("/actuator/lanes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("lane", lane, "enabled", enabled))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String laneSeen(String canary) {
		return EchoBackend.laneSeen(this.client.get().uri("/a").headers((h) -> {
			if (canary != null) {
				h.addAll("canary", List.of(canary));
			}
		}));
	}

}
