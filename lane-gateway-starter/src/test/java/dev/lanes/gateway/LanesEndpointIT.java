package dev.lanes.gateway;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The {@code lanes} endpoint of a running gateway refuses every malformed change with
 * status 400 and its reason, whatever the {@code server.error} settings.
 */
@SpringBootTest(classes = GatewayTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=lanes", "server.error.include-message=never",
				"lane.gateway.rules[0].lane=gray", "lane.gateway.rules[0].ratio=10" })
class LanesEndpointIT {

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void invalidLaneNameIsRefusedWithTheReason() {
		expectRefusal(Map.of("lane", "gr ay", "enabled", false), "'gr ay' is not a valid lane name");
		expectRefusal(Map.of("lane", "x".repeat(64), "enabled", false), "is not a valid lane name");
	}

	@Test
	void baseCannotBeTurnedOff() {
		expectRefusal(Map.of("lane", "BASE", "enabled", false), "base traffic cannot be turned off");
	}

	@Test
	void missingEnabledOrLaneIsRefusedWithTheReason() {
		expectRefusal(Map.of("lane", "gray"), "'enabled' is required");
		expectRefusal(Map.of("enabled", false), "'lane' is required");
	}

	@Test
	void laneNoRuleNamesNeedsTheExplicitFlag() {
		expectRefusal(Map.of("lane", "blue", "enabled", false), "No rule names lane 'blue'");
		post(Map.of("lane", "blue", "enabled", false, "unknown", true)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.disabledLanes[0]")
			.isEqualTo("blue");
		post(Map.of("lane", "blue", "enabled", true)).expectStatus().isOk();
	}

	@Test
	void disabledSetIsBounded() {
		for (int i = 0; i < LaneRuleRegistry.MAX_DISABLED_LANES; i++) {
			post(Map.of("lane", "junk-" + i, "enabled", false, "unknown", true)).expectStatus().isOk();
		}
		expectRefusal(Map.of("lane", "gray", "enabled", false), "lanes are off already");
		for (int i = 0; i < LaneRuleRegistry.MAX_DISABLED_LANES; i++) {
			post(Map.of("lane", "junk-" + i, "enabled", true)).expectStatus().isOk();
		}
		post(Map.of("lane", "gray", "enabled", false)).expectStatus().isOk();
		post(Map.of("lane", "gray", "enabled", true)).expectStatus().isOk();
	}

	private void expectRefusal(Map<String, Object> body, String reason) {
		post(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.value((String detail) -> org.assertj.core.api.Assertions.assertThat(detail).contains(reason));
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return this.client.post()
			.uri("/actuator/lanes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
