package dev.lanes.loadbalancer.endpoint;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanes.core.LaneDetails;
import dev.lanes.core.Lanes;
import dev.lanes.core.trust.LaneKey;
import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.inbound.InboundMode;
import dev.lanes.loadbalancer.inbound.LaneInboundProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * A read-only actuator endpoint ({@code /actuator/lanesinstance}) that every service
 * exposes: the lane of this instance, its trust boundary (never a secret), its fallback
 * settings and its latest instance choices per called service and lane. Its id does not
 * clash with the gateway's {@code lanes} endpoint, so a gateway shows both.
 */
@Endpoint(id = LanesInstanceEndpoint.ID)
public class LanesInstanceEndpoint {

	/**
	 * Id of the endpoint.
	 */
	public static final String ID = "lanesinstance";

	private final String service;

	private final LaneProperties lane;

	private final LaneInboundProperties inbound;

	private final LaneLoadBalancerProperties loadBalancer;

	private final LaneChoiceLog choices;

	private final List<LaneDetails> details;

	/**
	 * Creates the endpoint.
	 * @param service the name of this service
	 * @param lane the lane settings
	 * @param inbound the trust boundary settings
	 * @param loadBalancer the fallback settings
	 * @param choices the latest instance choices
	 */
	public LanesInstanceEndpoint(String service, LaneProperties lane, LaneInboundProperties inbound,
			LaneLoadBalancerProperties loadBalancer, LaneChoiceLog choices) {
		this(service, lane, inbound, loadBalancer, choices, List.of());
	}

	/**
	 * Creates the endpoint with the details other modules add.
	 * @param service the name of this service
	 * @param lane the lane settings
	 * @param inbound the trust boundary settings
	 * @param loadBalancer the fallback settings
	 * @param choices the latest instance choices
	 * @param details what other modules add, each under its own name
	 */
	public LanesInstanceEndpoint(String service, LaneProperties lane, LaneInboundProperties inbound,
			LaneLoadBalancerProperties loadBalancer, LaneChoiceLog choices, List<LaneDetails> details) {
		this.service = service;
		this.lane = lane;
		this.inbound = inbound;
		this.loadBalancer = loadBalancer;
		this.choices = choices;
		this.details = List.copyOf(details);
	}

	/**
	 * Describes this instance's lane settings and latest choices.
	 * @return the description
	 */
	@ReadOperation
	public InstanceDescriptor describe() {
		Map<String, String> fallbacks = new LinkedHashMap<>();
		this.loadBalancer.getLanes().forEach((name, settings) -> fallbacks.put(name, settings.getFallback()));
		Map<String, Object> details = new LinkedHashMap<>();
		this.details.forEach((contribution) -> details.put(contribution.name(), contribution.details()));
		return new InstanceDescriptor(this.service, Lanes.label(this.lane.getInstance().getTag()),
				new Transport(this.lane.getHeader(), this.lane.isBaggage()), inbound(),
				new Fallbacks(this.loadBalancer.isEnabled(), this.loadBalancer.getBaseFallback().name().toLowerCase(),
						fallbacks),
				this.choices.choices(), details);
	}

	private Inbound inbound() {
		InboundMode mode = this.inbound.getMode();
		List<String> keys = this.inbound.laneKeys().stream().map(LaneKey::id).toList();
		LaneKey signing = this.inbound.signingLaneKey();
		return new Inbound(this.lane.getInbound().isEnabled(), mode.name().toLowerCase(), keys,
				(signing != null) ? signing.id() : null, this.inbound.getMaxAge(), this.inbound.getClockSkew(),
				this.inbound.getTrustedNetworks());
	}

	/**
	 * What the endpoint shows.
	 *
	 * @param service the service name
	 * @param lane the lane of this instance ({@code base} for a base instance)
	 * @param transport how the lane travels
	 * @param inbound the trust boundary
	 * @param fallbacks the load balancer's fallback settings
	 * @param choices the latest instance choices per called service and lane
	 * @param details what other modules add (shadow-jdbc: {@code shadow}, its lanes, mode
	 * and enforcement per data source)
	 */
	public record InstanceDescriptor(String service, String lane, Transport transport, Inbound inbound,
			Fallbacks fallbacks, List<LaneChoiceLog.Choice> choices, Map<String, Object> details) {

	}

	/**
	 * How the lane travels between services.
	 *
	 * @param header the lane header
	 * @param baggage whether the W3C baggage header carries it too
	 */
	public record Transport(String header, boolean baggage) {

	}

	/**
	 * The trust boundary.
	 *
	 * @param enabled whether incoming lanes are read at all
	 * @param mode whom the service trusts: {@code signed}, {@code cidr} or {@code any}
	 * @param keys the ids of the keys signatures are checked against
	 * @param signingKey the id of the key a gateway signs with, or {@code null}
	 * @param maxAge how long a signature stays valid
	 * @param clockSkew the clock skew allowed
	 * @param trustedNetworks the networks trusted in {@code cidr} mode
	 */
	public record Inbound(boolean enabled, String mode, List<String> keys, @Nullable String signingKey, Duration maxAge,
			Duration clockSkew, List<String> trustedNetworks) {

	}

	/**
	 * The load balancer's fallback settings.
	 *
	 * @param enabled whether instance choice is lane-aware
	 * @param baseFallback what base traffic may use when a service has no base instance
	 * @param lanes the fallback of each configured lane (a lane not listed falls back to
	 * base)
	 */
	public record Fallbacks(boolean enabled, String baseFallback, Map<String, String> lanes) {

	}

}
