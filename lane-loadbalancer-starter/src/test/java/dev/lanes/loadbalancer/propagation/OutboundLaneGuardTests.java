package dev.lanes.loadbalancer.propagation;

import dev.lanes.core.trust.LaneSignatures;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.SpringHeaders;
import dev.lanes.loadbalancer.inbound.InboundLane;
import dev.lanes.loadbalancer.leak.LaneLeakMetrics;
import dev.lanes.loadbalancer.leak.LaneTagValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundLaneGuardTests {

	private static final InboundLane SIGNED_GRAY = new InboundLane("gray", "v1.k1.1.mac");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final OutboundLaneGuard guard = new OutboundLaneGuard(new LaneProperties(),
			new LaneLeakMetrics("a", null, new LaneTagValues(List.of(), 10), this.registry));

	@Test
	void forwardsTheSignatureWithTheLaneItSigns() {
		HttpHeaders headers = headers("gray");
		this.guard.guard(OutboundLaneGuard.REST, "gray", SIGNED_GRAY, SpringHeaders.of(headers));
		assertThat(headers.getFirst(LaneSignatures.HEADER)).isEqualTo("v1.k1.1.mac");
		assertThat(lost()).isZero();
	}

	@Test
	void neverAttachesTheSignatureToAnotherLane() {
		HttpHeaders headers = headers("blue");
		this.guard.guard(OutboundLaneGuard.REST, "blue", SIGNED_GRAY, SpringHeaders.of(headers));
		assertThat(headers.containsHeader(LaneSignatures.HEADER)).isFalse();
	}

	@Test
	void leavesASignatureTheCallerSetAlone() {
		HttpHeaders headers = headers("gray");
		headers.set(LaneSignatures.HEADER, "v1.k2.2.own");
		this.guard.guard(OutboundLaneGuard.REST, "gray", SIGNED_GRAY, SpringHeaders.of(headers));
		assertThat(headers.get(LaneSignatures.HEADER)).containsExactly("v1.k2.2.own");
	}

	@Test
	void countsACallThatLostTheInboundLane() {
		HttpHeaders headers = new HttpHeaders();
		this.guard.guard(OutboundLaneGuard.FEIGN, null, SIGNED_GRAY, SpringHeaders.of(headers));
		assertThat(headers.isEmpty()).isTrue();
		assertThat(lost()).isEqualTo(1);
		assertThat(this.registry.get(LaneLeakMetrics.LOST).tag("client", "feign").tag("lane", "gray").counter().count())
			.isEqualTo(1);
	}

	@Test
	void workNotStartedByALaneRequestLosesNothing() {
		HttpHeaders headers = new HttpHeaders();
		this.guard.guard(OutboundLaneGuard.REST, null, null, SpringHeaders.of(headers));
		this.guard.guard(OutboundLaneGuard.REST, null, InboundLane.BASE, SpringHeaders.of(headers));
		assertThat(lost()).isZero();
	}

	private double lost() {
		return this.registry.find(LaneLeakMetrics.LOST).counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private static HttpHeaders headers(String lane) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-lane", lane);
		return headers;
	}

}
