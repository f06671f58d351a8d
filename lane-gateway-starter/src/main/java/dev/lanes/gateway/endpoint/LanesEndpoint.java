package dev.lanes.gateway.endpoint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lanes.core.Lanes;
import dev.lanes.core.rule.RuleDescription;
import dev.lanes.gateway.InboundTagPolicy;
import dev.lanes.gateway.LaneRequestMetrics;
import dev.lanes.gateway.LaneRuleRegistry;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * An actuator endpoint that shows the lane rules in force and the requests tagged per
 * lane, and turns a lane on or off at runtime.
 */
@Endpoint(id = "lanes")
public class LanesEndpoint {

	private final LaneRuleRegistry registry;

	private final LaneRequestMetrics metrics;

	private final InboundTagPolicy inboundTag;

	/**
	 * Creates the endpoint.
	 * @param registry the rules in force
	 * @param metrics the per-lane request counts
	 * @param inboundTag the inbound tag policy in force
	 */
	public LanesEndpoint(LaneRuleRegistry registry, LaneRequestMetrics metrics, InboundTagPolicy inboundTag) {
		this.registry = registry;
		this.metrics = metrics;
		this.inboundTag = inboundTag;
	}

	/**
	 * Describes the lanes in force.
	 * @return the rules, disabled lanes and request counts
	 */
	@ReadOperation
	public LanesDescriptor lanes() {
		return new LanesDescriptor(this.inboundTag, this.registry.rules().describe(),
				this.registry.rules().disabledLanes(), this.metrics.requestsPerLane());
	}

	/**
	 * Turns a lane's rules on or off.
	 * @param lane the lane
	 * @param enabled whether its rules are in force
	 * @return the lanes in force afterwards
	 */
	@WriteOperation
	public LanesDescriptor setLaneEnabled(String lane, boolean enabled) {
		if (!Lanes.isValidName(lane)) {
			throw new IllegalArgumentException("'" + lane + "' is not a valid lane name");
		}
		this.registry.setLaneEnabled(lane, enabled);
		return lanes();
	}

	/**
	 * What the endpoint shows.
	 *
	 * @param inboundTag the policy for lanes sent by clients
	 * @param rules the rules, in order, with whether each is in force
	 * @param disabledLanes the lanes turned off at runtime
	 * @param requests the requests tagged per lane since startup ({@code base} for
	 * untagged)
	 */
	public record LanesDescriptor(InboundTagPolicy inboundTag, List<RuleDescription> rules, Set<String> disabledLanes,
			Map<String, Long> requests) {

	}

}
