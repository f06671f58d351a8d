package dev.lanes.core.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One lane rule as written in configuration: the lane a request is tagged with when the
 * rule's conditions hold (and, for a ratio rule, the request falls in its random share).
 */
public class RuleDefinition {

	/**
	 * Lane that matching requests are tagged with.
	 */
	private @Nullable String lane;

	/**
	 * Whether the rule is in force.
	 */
	private boolean enabled = true;

	/**
	 * How the conditions combine: all (every condition holds) or any (at least one).
	 */
	private String match = "all";

	/**
	 * Gateway route ids the rule applies to; all routes when empty.
	 */
	private List<String> routes = new ArrayList<>();

	/**
	 * Conditions on the request.
	 */
	private List<ConditionDefinition> conditions = new ArrayList<>();

	/**
	 * Random percentage of requests (two decimals) sent to the lane; the ratios of the
	 * rules that apply to one route add up to at most 100.
	 */
	private @Nullable BigDecimal ratio;

	public RuleDefinition() {
	}

	public RuleDefinition(String lane, List<ConditionDefinition> conditions) {
		this.lane = lane;
		this.conditions = new ArrayList<>(conditions);
	}

	public @Nullable String getLane() {
		return this.lane;
	}

	public void setLane(@Nullable String lane) {
		this.lane = lane;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getMatch() {
		return this.match;
	}

	public void setMatch(String match) {
		this.match = match;
	}

	public List<String> getRoutes() {
		return this.routes;
	}

	public void setRoutes(List<String> routes) {
		this.routes = routes;
	}

	public List<ConditionDefinition> getConditions() {
		return this.conditions;
	}

	public void setConditions(List<ConditionDefinition> conditions) {
		this.conditions = conditions;
	}

	public @Nullable BigDecimal getRatio() {
		return this.ratio;
	}

	public void setRatio(@Nullable BigDecimal ratio) {
		this.ratio = ratio;
	}

}
