package dev.lanes.gateway;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.lanes.core.rule.InvalidRulesException;
import dev.lanes.core.rule.RuleDefinition;
import dev.lanes.core.rule.RuleSet;

/**
 * Holds the lane rules in force and swaps them atomically: a new rule list is compiled
 * completely before it replaces the old one, so an invalid update changes nothing. Lanes
 * turned off at runtime stay off across rule updates.
 */
public class LaneRuleRegistry {

	private final String propertyPath;

	private final Set<String> disabledLanes = new LinkedHashSet<>();

	private RuleSet configured;

	private volatile RuleSet active;

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
	}

	/**
	 * Turns the rules of a lane on or off; while off, no request is tagged with it.
	 * @param lane the lane, in any case (lane names are case-insensitive)
	 * @param enabled whether its rules are in force
	 */
	public synchronized void setLaneEnabled(String lane, boolean enabled) {
		String canonical = lane.trim().toLowerCase(Locale.ROOT);
		if (enabled) {
			this.disabledLanes.remove(canonical);
		}
		else {
			this.disabledLanes.add(canonical);
		}
		this.active = this.configured.withDisabledLanes(this.disabledLanes);
	}

}
