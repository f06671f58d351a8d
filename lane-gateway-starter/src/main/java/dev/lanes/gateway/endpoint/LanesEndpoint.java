package dev.lanes.gateway.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lanes.core.Lanes;
import dev.lanes.core.rule.RuleDescription;
import dev.lanes.gateway.InboundTagPolicy;
import dev.lanes.gateway.LaneRequestMetrics;
import dev.lanes.gateway.LaneRuleRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

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
	 * Turns a lane's rules on or off. Refused with status 400 and the reason when the
	 * lane is missing or not a valid lane name ({@code base} included), when
	 * {@code enabled} is missing, when no rule names the lane and {@code unknown} is not
	 * {@code true}, or when {@value LaneRuleRegistry#MAX_DISABLED_LANES} lanes are off
	 * already.
	 * @param lane the lane
	 * @param enabled whether its rules are in force
	 * @param unknown whether a lane that no rule names is accepted (to turn a lane off
	 * before the rules that name it arrive)
	 * @return the lanes in force afterwards, or the reason of the refusal
	 */
	@WriteOperation
	public WebEndpointResponse<Object> setLaneEnabled(@Nullable String lane, @Nullable Boolean enabled,
			@Nullable Boolean unknown) {
		if (lane == null || lane.isBlank()) {
			return badRequest("'lane' is required");
		}
		String canonical = Lanes.canonical(lane);
		if (canonical == null) {
			return badRequest("'" + lane + "' is not a valid lane name: 1 to 63 letters, digits, '.', '-' or '_',"
					+ " starting with a letter or digit, and not '" + Lanes.BASE + "' (base traffic cannot be"
					+ " turned off)");
		}
		if (enabled == null) {
			return badRequest("'enabled' is required: true turns the lane's rules on, false turns them off");
		}
		if (!Boolean.TRUE.equals(unknown) && !this.registry.ruleLanes().contains(canonical)
				&& !this.registry.rules().disabledLanes().contains(canonical)) {
			return badRequest("No rule names lane '" + canonical + "' (rules name " + this.registry.ruleLanes()
					+ "); send \"unknown\": true to change it all the same");
		}
		try {
			this.registry.setLaneEnabled(canonical, enabled);
		}
		catch (IllegalStateException ex) {
			return badRequest(ex.getMessage());
		}
		return new WebEndpointResponse<>(lanes());
	}

	private static WebEndpointResponse<Object> badRequest(String reason) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("title", "Bad Request");
		problem.put("status", WebEndpointResponse.STATUS_BAD_REQUEST);
		problem.put("detail", reason);
		return new WebEndpointResponse<>(problem, WebEndpointResponse.STATUS_BAD_REQUEST);
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
