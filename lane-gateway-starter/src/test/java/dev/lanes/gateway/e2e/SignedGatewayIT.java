package dev.lanes.gateway.e2e;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.lanes.core.trust.LaneKey;
import dev.lanes.core.trust.LaneSignatures;
import dev.lanes.core.trust.LaneSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real gateway that signs lanes in front of the chain A -> B -> C (gray A and C), every
 * service with {@code lane.inbound.mode=signed}: what the gateway tags stays gray to the
 * last hop, what a client sends (a lane, a replayed signature) never does, through the
 * gateway or straight to A.
 */
class SignedGatewayIT {

	private static final String KEY = "sxcu3kIhSiwQJQ3OQJMx5IeHWxV1Oe5/nrcrYDy7Qkw=";

	private static final String[] SIGNED = { "lane.inbound.mode=signed", "lane.inbound.keys[0].id=k1",
			"lane.inbound.keys[0].secret=" + KEY };

	private static Services services;

	private static WebClient client;

	private static WebClient directToA;

	private static WebClient management;

	@BeforeAll
	static void start() {
		services = new Services();
		services.service(ChainService.class, "c", "", SIGNED);
		services.service(ChainService.class, "c", "gray", SIGNED);
		services.service(ChainService.class, "b", "", with(SIGNED, "chain.next=c"));
		ConfigurableApplicationContext a = services.service(ChainService.class, "a", "", with(SIGNED, "chain.next=b"));
		services.service(ChainService.class, "a", "gray", with(SIGNED, "chain.next=b"));
		String route = "spring.cloud.gateway.server.webflux.routes[0].";
		String rule = "lane.gateway.rules[0].";
		ConfigurableApplicationContext gateway = services.gateway(GatewayApp.class,
				with(SIGNED, route + "id=a", route + "uri=lb://a", route + "predicates[0]=Path=/a/**",
						route + "filters[0]=StripPrefix=1", rule + "lane=gray", rule + "conditions[0].source=header",
						rule + "conditions[0].name=canary", rule + "conditions[0].op===",
						rule + "conditions[0].value=gray", "management.endpoint.lanes.access=read-only",
						"management.endpoint.lanesinstance.access=read-only",
						"management.endpoints.web.exposure.include=lanes,lanesinstance"));
		management = WebClient.create("http://localhost:" + Services.port(gateway) + "/actuator");
		client = WebClient.create("http://localhost:" + Services.port(gateway) + "/a");
		directToA = WebClient.create("http://localhost:" + Services.port(a));
	}

	@AfterAll
	static void stop() {
		if (services != null) {
			services.close();
		}
	}

	@Test
	void laneTheGatewaySignedStaysGrayToTheLastHop() {
		assertThat(call(client, Map.of("canary", "gray"))).isEqualTo("Agray -> B -> Cgray");
	}

	@Test
	void baseRequestStaysBase() {
		assertThat(call(client, Map.of())).isEqualTo("A -> B -> C");
	}

	@Test
	void clientCannotReplayASignatureThroughTheGateway() {
		String valid = new LaneSigner(LaneKey.of("k1", KEY), Clock.systemUTC()).sign("gray");
		assertThat(call(client, Map.of("x-lane", "gray", LaneSignatures.HEADER, valid))).isEqualTo("A -> B -> C");
	}

	@Test
	void laneSentStraightToAServiceIsBase() {
		assertThat(call(directToA, Map.of("x-lane", "gray"))).isEqualTo("A -> B -> C");
		assertThat(call(directToA, Map.of("baggage", "lane=gray"))).isEqualTo("A -> B -> C");
		assertThat(call(directToA, Map.of("x-lane", "gray", LaneSignatures.HEADER, "v1.k1.1700000000.forged")))
			.isEqualTo("A -> B -> C");
	}

	@Test
	void gatewayShowsItsRulesAndItsInstanceEndpointSideBySide() {
		call(client, Map.of("canary", "gray"));
		assertThat(call(management, "/lanes", Map.of())).contains("\"inboundTag\":\"STRIP\"");
		assertThat(call(management, "/lanesinstance", Map.of())).contains("\"service\":\"gateway\"")
			.contains("\"mode\":\"signed\"")
			.contains("\"signingKey\":\"k1\"")
			.contains("\"service\":\"a\",\"lane\":\"gray\",\"served\":\"gray\"")
			.doesNotContain(KEY);
	}

	private static String call(WebClient client, Map<String, String> headers) {
		return call(client, "/hop", headers);
	}

	private static String call(WebClient client, String path, Map<String, String> headers) {
		return client.get().uri(path).headers((h) -> headers.forEach(h::add)).exchangeToMono((response) -> {
			assertThat(response.statusCode()).isEqualTo(HttpStatus.OK);
			return response.bodyToMono(String.class);
		}).block(Duration.ofSeconds(30));
	}

	private static String[] with(String[] common, String... more) {
		String[] all = new String[common.length + more.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(more, 0, all, common.length, more.length);
		return all;
	}

}
