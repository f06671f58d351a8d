package dev.lanes.loadbalancer.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

import dev.lanes.core.trust.LaneKey;
import dev.lanes.core.trust.LaneSignatures;
import dev.lanes.core.trust.LaneSigner;
import dev.lanes.loadbalancer.it.ChainApp;
import dev.lanes.loadbalancer.it.ReactiveChainApp;
import dev.lanes.loadbalancer.leak.LaneLeakMetrics;
import dev.lanes.loadbalancer.testing.StaticDiscoveryApps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services behind a signed trust boundary, called directly the way a client that gets
 * past the gateway would: the chain A -> B -> C with gray A and C, and a WebFlux service
 * D, all with {@code lane.inbound.mode=signed} and the keys k2 (new) and k1 (old). The
 * test signs lanes the way the gateway does. Two more services trust lanes by network.
 */
class LaneTrustBoundaryIT {

	static final String K1 = "4G2FOrMGwklNkr/OETTJfjoAHYTU3LpNEUTo7DPR684=";

	static final String K2 = "sxcu3kIhSiwQJQ3OQJMx5IeHWxV1Oe5/nrcrYDy7Qkw=";

	static final String OTHER = "S9vnTDS5OD5RdiMccZxq3eajSbP+HOaOnNplcjir4yY=";

	private static final String[] SIGNED = { "lane.inbound.mode=signed", "lane.inbound.keys[0].id=k2",
			"lane.inbound.keys[0].secret=" + K2, "lane.inbound.keys[1].id=k1", "lane.inbound.keys[1].secret=" + K1,
			"lane.inbound.max-age=2m", "lane.inbound.clock-skew=5s" };

	private static StaticDiscoveryApps apps;

	private static final RestClient direct = RestClient.create();

	private static ConfigurableApplicationContext baseA;

	private static ConfigurableApplicationContext grayA;

	private static ConfigurableApplicationContext far;

	private static ConfigurableApplicationContext near;

	private static RestClient client;

	@BeforeAll
	static void startChain() {
		apps = new StaticDiscoveryApps();
		apps.start(ChainApp.class, WebApplicationType.SERVLET, "c", "", SIGNED);
		apps.start(ChainApp.class, WebApplicationType.SERVLET, "c", "gray", SIGNED);
		apps.start(ReactiveChainApp.class, WebApplicationType.REACTIVE, "d", "", signed("chain.next=c"));
		apps.start(ChainApp.class, WebApplicationType.SERVLET, "b", "", signed("chain.next=c"));
		baseA = apps.start(ChainApp.class, WebApplicationType.SERVLET, "a", "", signed("chain.next=b"));
		grayA = apps.start(ChainApp.class, WebApplicationType.SERVLET, "a", "gray", signed("chain.next=b"));
		// Network boundaries: "far" trusts only 10.0.0.0/8, "near" also loopback.
		far = apps.start(ChainApp.class, WebApplicationType.SERVLET, "far", "", "lane.inbound.mode=cidr",
				"lane.inbound.trusted-networks=10.0.0.0/8");
		near = apps.start(ChainApp.class, WebApplicationType.SERVLET, "near", "", "lane.inbound.mode=cidr",
				"lane.inbound.trusted-networks=10.0.0.0/8,127.0.0.1/32,::1");
		client = apps.start(ChainApp.class, WebApplicationType.NONE, "client", "", "chain.next=a")
			.getBean(RestClient.Builder.class)
			.build();
	}

	@AfterAll
	static void stopChain() {
		if (apps != null) {
			apps.close();
		}
	}

	@Test
	void unsignedLaneSentStraightToAServiceIsBase() {
		assertThat(call("/hop", "gray", null)).isEqualTo("A -> B -> C");
	}

	@Test
	void laneInBaggageAloneIsNotTrustedEither() {
		String body = direct.get().uri(url(baseA, "/hop")).header("baggage", "lane=gray").retrieve().body(String.class);
		assertThat(body).isEqualTo("A -> B -> C");
	}

	@Test
	void gatewaySignedLaneStaysGrayAcrossTheChain() {
		assertThat(call("/hop", "gray", sign("k2", K2, "gray"))).isEqualTo("A -> B -> Cgray");
	}

	@ParameterizedTest
	@ValueSource(strings = { "resttemplate", "restclient", "webclient", "feign", "async", "future", "reactor" })
	void signatureIsForwardedUnchangedByEveryClientAndThreadHop(String hop) {
		assertThat(call("/hop?client=" + hop, "gray", sign("k2", K2, "gray"))).isEqualTo("A -> B -> Cgray");
	}

	@Test
	void webFluxServiceVerifiesAndForwardsTheSignature() {
		assertThat(call("/hop?to=d", "gray", sign("k2", K2, "gray"))).isEqualTo("A -> D[gray] -> Cgray");
		assertThat(call("/hop?to=d", "gray", null)).isEqualTo("A -> D[null] -> C");
	}

	@Test
	void baseRequestThatReachesALaneInstanceIsCountedAsALeak() {
		// A client that picks the gray instance itself reaches it, but not the gray lane:
		// its request is base from there on, and gray A counts base traffic it served.
		String body = client.get().uri("http://a/hop").header("x-lane", "gray").retrieve().body(String.class);
		assertThat(body).isEqualTo("Agray -> B -> C");
		Counter served = grayA.getBean(MeterRegistry.class)
			.find(LaneLeakMetrics.SERVED)
			.tags("service", "a", "lane", "base", "served", "gray", "reason", "base-on-lane")
			.counter();
		assertThat(served).isNotNull();
		assertThat(served.count()).isPositive();
	}

	@Test
	void signatureOfTheOldKeyIsAcceptedWhileItIsListed() {
		assertThat(call("/hop", "gray", sign("k1", K1, "gray"))).isEqualTo("A -> B -> Cgray");
	}

	@Test
	void forgedSignatureIsBase() {
		assertThat(call("/hop", "gray", sign("k2", OTHER, "gray"))).isEqualTo("A -> B -> C");
		assertThat(call("/hop", "gray", sign("k9", OTHER, "gray"))).isEqualTo("A -> B -> C");
		assertThat(call("/hop", "gray", "v1.k2.1.AAAA")).isEqualTo("A -> B -> C");
	}

	@Test
	void signatureOfAnotherLaneIsBase() {
		assertThat(call("/hop", "green", sign("k2", K2, "gray"))).isEqualTo("A -> B -> C");
	}

	@Test
	void expiredSignatureIsBase() {
		long tenMinutesAgo = Instant.now().getEpochSecond() - 600;
		assertThat(call("/hop", "gray", LaneSignatures.sign(LaneKey.of("k2", K2), "gray", tenMinutesAgo)))
			.isEqualTo("A -> B -> C");
	}

	@Test
	void signatureDatedInTheFutureIsBase() {
		long inTenMinutes = Instant.now().getEpochSecond() + 600;
		assertThat(call("/hop", "gray", LaneSignatures.sign(LaneKey.of("k2", K2), "gray", inTenMinutes)))
			.isEqualTo("A -> B -> C");
	}

	@Test
	void droppedLanesAreCountedByReason() {
		call("/hop", "gray", null);
		call("/hop", "gray", sign("k2", OTHER, "gray"));
		call("/hop", "gray", LaneSignatures.sign(LaneKey.of("k2", K2), "gray", Instant.now().getEpochSecond() - 600));
		MeterRegistry registry = baseA.getBean(MeterRegistry.class);
		for (String reason : new String[] { "missing-signature", "bad-signature", "expired" }) {
			Counter counter = registry.find(LaneTrustBoundary.UNTRUSTED)
				.tags("service", "a", "reason", reason)
				.counter();
			assertThat(counter).as(reason).isNotNull();
			assertThat(counter.count()).as(reason).isPositive();
		}
	}

	@Test
	void networkBoundaryTrustsOnlyListedNetworks() {
		assertThat(laneSeenBy(far)).startsWith("null@");
		assertThat(laneSeenBy(near)).startsWith("gray@");
		Counter untrusted = far.getBean(MeterRegistry.class)
			.find(LaneTrustBoundary.UNTRUSTED)
			.tags("service", "far", "reason", "untrusted-network")
			.counter();
		assertThat(untrusted).isNotNull();
		assertThat(untrusted.count()).isPositive();
	}

	private static String laneSeenBy(ConfigurableApplicationContext service) {
		return direct.get().uri(url(service, "/worker")).header("x-lane", "gray").retrieve().body(String.class);
	}

	private static String url(ConfigurableApplicationContext service, String path) {
		return "http://localhost:" + StaticDiscoveryApps.port(service) + path;
	}

	private static String[] signed(String property) {
		String[] all = Arrays.copyOf(SIGNED, SIGNED.length + 1);
		all[SIGNED.length] = property;
		return all;
	}

	private static String sign(String keyId, String secret, String lane) {
		return new LaneSigner(LaneKey.of(keyId, secret), Clock.systemUTC()).sign(lane);
	}

	private static String call(String path, String lane, @Nullable String signature) {
		// Straight to base A, the way a client that gets past the gateway would call it.
		RestClient.RequestHeadersSpec<?> request = direct.get().uri(url(baseA, path)).header("x-lane", lane);
		if (signature != null) {
			request = request.header(LaneSignatures.HEADER, signature);
		}
		return request.retrieve().body(String.class);
	}

}
