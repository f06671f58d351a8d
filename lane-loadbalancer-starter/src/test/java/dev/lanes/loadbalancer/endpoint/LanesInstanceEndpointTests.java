package dev.lanes.loadbalancer.endpoint;

import java.util.List;
import java.util.Map;

import dev.lanes.core.LaneDetails;
import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.inbound.LaneInboundProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LanesInstanceEndpoint}: the details other modules add.
 */
class LanesInstanceEndpointTests {

	@Test
	void showsWhatOtherModulesAddEachUnderItsName() {
		LaneDetails shadow = new LaneDetails() {

			@Override
			public String name() {
				return "shadow";
			}

			@Override
			public Object details() {
				return Map.of("enforcement", "privileges");
			}

		};
		LanesInstanceEndpoint endpoint = new LanesInstanceEndpoint("orders", new LaneProperties(),
				new LaneInboundProperties(), new LaneLoadBalancerProperties(), new LaneChoiceLog(new LaneProperties()),
				List.of(shadow));
		assertThat(endpoint.describe().details()).containsEntry("shadow", Map.of("enforcement", "privileges"));
	}

}
