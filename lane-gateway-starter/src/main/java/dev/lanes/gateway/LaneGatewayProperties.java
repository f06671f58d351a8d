package dev.lanes.gateway;

import java.util.ArrayList;
import java.util.List;

import dev.lanes.core.rule.RuleDefinition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of lane tagging at the gateway.
 */
@ConfigurationProperties(LaneGatewayProperties.PREFIX)
public class LaneGatewayProperties {

	/**
	 * Prefix of the gateway's lane properties.
	 */
	public static final String PREFIX = "lane.gateway";

	/**
	 * Whether the gateway tags requests with lanes.
	 */
	private boolean enabled = true;

	/**
	 * What to do with a lane sent by the client in the lane header or baggage: strip it
	 * (clients cannot pick their lane) or trust it (the rules are skipped).
	 */
	private InboundTagPolicy inboundTag = InboundTagPolicy.STRIP;

	/**
	 * Largest request body read for body and form rules. A larger body is forwarded
	 * untouched and its fields count as missing; a chunked body that turns out larger is
	 * refused with 413.
	 */
	private DataSize maxBodySize = DataSize.ofKilobytes(64);

	/**
	 * Lane rules, tried in order; the first enabled rule that matches decides the lane.
	 * Each rule has a lane, optional routes, match (all or any), conditions (source,
	 * name, op, value or values, hash) and an optional ratio. Rules are re-bound when the
	 * environment is refreshed; an invalid update is rejected whole.
	 */
	private List<RuleDefinition> rules = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public InboundTagPolicy getInboundTag() {
		return this.inboundTag;
	}

	public void setInboundTag(InboundTagPolicy inboundTag) {
		this.inboundTag = inboundTag;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public List<RuleDefinition> getRules() {
		return this.rules;
	}

	public void setRules(List<RuleDefinition> rules) {
		this.rules = rules;
	}

}
