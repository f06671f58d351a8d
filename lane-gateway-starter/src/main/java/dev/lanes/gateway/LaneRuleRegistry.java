package dev.lanes.gateway;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.lanes.core.Lanes;
import dev.lanes.core.rule.InvalidRulesException;
import dev.lanes.core.rule.RuleDefinition;
import dev.lanes.core.rule.RuleSet;

/**
 * Holds the lane rules in force and swaps them atomically: a new rule list is compiled
 * completely before it replaces the old one, so an invalid update changes nothing. Lanes
 * turned off at runtime stay off across rule updates.
 */
public class LaneRuleRegistry {

	/**
	 * Most lanes turned off at runtime at once.
	 */
	public static final int MAX_DISABLED_LANES = 64;

	private final String propertyPath;

	private final Set<String> disabledLanes = new LinkedHashSet<>();

	private RuleSet configured;

	private volatile RuleSet active;

	private volatile Set<String> ruleLanes;

	/**
	 * Creates a registry with the given initial rules.
	 * @param definitions the rules, in order
	 * @param propertyPath the property path of the rule list, for error messages
	 * @throws InvalidRulesException when the rules are invalid
	 */
	public LaneRuleRegistry(List<RuleDefinition> definitions, String propertyPath) {
		this.propertyPath = propertyPath;
		this.configured = RuleSet.compile(definitions, propertyPath);
		this.active = this.configured;
		this.ruleLanes = lanesOf(this.configured);
	}

	/**
	 * Returns the rules in force, with the lanes turned off at runtime skipped.
	 * @return the rules in force
	 */
	public RuleSet rules() {
		return this.active;
	}

	/**
	 * Replaces the rules, or keeps the current ones when the new ones are invalid.
	 * @param definitions the new rules, in order
	 * @throws InvalidRulesException when the new rules are invalid; the current rules
	 * stay in force
	 */
	public synchronized void update(List<RuleDefinition> definitions) {
		this.configured = RuleSet.compile(definitions, this.propertyPath);
		this.active = this.configured.withDisabledLanes(this.disabledLanes);
		this.ruleLanes = lanesOf(this.configured);
	}

	/**
	 * Returns the lanes the configured rules tag requests with, enabled or not.
	 * @return the lanes, in rule order
	 */
	public Set<String> ruleLanes() {
		return this.ruleLanes;
	}

	private static Set<String> lanesOf(RuleSet rules) {
		Set<String> lanes = new LinkedHashSet<>();
		rules.describe().forEach((rule) -> lanes.add(rule.lane()));
		return Collections.unmodifiableSet(lanes);
	}

	/**
	 * Turns the rules of a lane on or off; while off, no request is tagged with it.
	 * @param lane a valid lane name, in any case (lane names are case-insensitive)
	 * @param enabled whether its rules are in force
	 * @throws IllegalArgumentException when {@code lane} is not a valid lane name
	 * @throws IllegalStateException when {@value #MAX_DISABLED_LANES} lanes are off
	 * already; nothing changes
	 */
	public synchronized void setLaneEnabled(String lane, boolean enabled) {
		String canonical = Lanes.canonical(lane);
		if (canonical == null) {
			throw new IllegalArgumentException("'" + lane + "' is not a valid lane name");
		}
		if (enabled) {
			this.disabledLanes.remove(canonical);
		}
		else if (!this.disabledLanes.contains(canonical)) {
			if (this.disabledLanes.size() >= MAX_DISABLED_LANES) {
				throw new IllegalStateException(MAX_DISABLED_LANES + " lanes are off already (" + this.disabledLanes
						+ "); turn one on before turning '" + canonical + "' off");
			}
			this.disabledLanes.add(canonical);
		}
		this.active = this.configured.withDisabledLanes(this.disabledLanes);
	}

}
