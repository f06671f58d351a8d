package dev.lanes.core.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * An immutable, compiled list of lane rules. Rules are tried in order and the first
 * enabled rule that matches decides the lane; a request no rule matches is base traffic.
 * <p>
 * Compiling validates everything once, so evaluating never parses configuration: the
 * rules that apply to each route are resolved up front, regular expressions are compiled,
 * percentages are turned into hash bucket ranges. Ratio rules that apply to the same
 * route share one random draw per request and own disjoint bands of it, so
 * {@code ratio: 30} and {@code ratio: 20} on one route send exactly 30% and 20% of its
 * requests to their lanes.
 */
public final class RuleSet {

	private static final RuleSet EMPTY = new RuleSet(List.of(), Set.of());

	private final List<CompiledRule> rules;

	private final Set<String> disabledLanes;

	private final RouteRules defaultRoute;

	private final Map<String, RouteRules> routes;

	RuleSet(List<CompiledRule> rules, Set<String> disabledLanes) {
		this.rules = rules;
		this.disabledLanes = Set.copyOf(disabledLanes);
		this.defaultRoute = RouteRules.of(rules, null, this.disabledLanes);
		Map<String, RouteRules> byRoute = new HashMap<>();
		for (CompiledRule rule : rules) {
			for (String route : rule.routes) {
				byRoute.computeIfAbsent(route, (id) -> RouteRules.of(rules, id, this.disabledLanes));
			}
		}
		this.routes = Map.copyOf(byRoute);
	}

	/**
	 * Returns a rule set without rules: every request is base traffic.
	 * @return the empty rule set
	 */
	public static RuleSet empty() {
		return EMPTY;
	}

	/**
	 * Validates and compiles rule definitions (see {@link RuleCompiler}).
	 * @param definitions the rules, in order
	 * @param propertyPath the property path of the list, used in error messages, e.g.
	 * {@code lane.gateway.rules}
	 * @return the compiled rules
	 * @throws InvalidRulesException naming the property path of every invalid setting
	 */
	public static RuleSet compile(List<RuleDefinition> definitions, String propertyPath) {
		return RuleCompiler.compile(definitions, propertyPath);
	}

	/**
	 * Returns the lane for a request on a route.
	 * @param request the request
	 * @param routeId the gateway route id, or {@code null} to apply only the rules that
	 * are not scoped to routes
	 * @return the decision of the first enabled matching rule, or {@code null} for base
	 * traffic
	 */
	public @Nullable LaneDecision evaluate(LaneRequest request, @Nullable String routeId) {
		RouteRules route = routeRules(routeId);
		int draw = -1;
		CompiledRule[] candidates = route.rules;
		for (int i = 0; i < candidates.length; i++) {
			CompiledRule rule = candidates[i];
			if (!rule.conditionsMatch(request)) {
				continue;
			}
			if (rule.ratio >= 0) {
				if (draw < 0) {
					draw = ThreadLocalRandom.current().nextInt(10_000);
				}
				int from = route.ratioOffsets[i];
				if (draw < from || draw >= from + rule.ratio) {
					continue;
				}
			}
			return rule.decision;
		}
		return null;
	}

	/**
	 * Tells whether an enabled rule on the route reads the request body, so the body is
	 * buffered only when needed.
	 * @param routeId the gateway route id, or {@code null}
	 * @return whether the body must be read before evaluating
	 */
	public boolean needsBody(@Nullable String routeId) {
		return routeRules(routeId).needsBody;
	}

	/**
	 * Returns a copy of this rule set in which the rules of the given lanes are off.
	 * @param lanes the lanes to turn off
	 * @return the new rule set
	 */
	public RuleSet withDisabledLanes(Collection<String> lanes) {
		Set<String> disabled = new LinkedHashSet<>();
		lanes.forEach((lane) -> disabled.add(lane.trim().toLowerCase(Locale.ROOT)));
		return new RuleSet(this.rules, disabled);
	}

	/**
	 * Returns the lanes turned off with {@link #withDisabledLanes(Collection)}.
	 * @return the disabled lanes
	 */
	public Set<String> disabledLanes() {
		return this.disabledLanes;
	}

	/**
	 * Describes the compiled rules, in order, for endpoints and logs.
	 * @return one description per rule
	 */
	public List<RuleDescription> describe() {
		return this.rules.stream().map((rule) -> rule.describe(this.disabledLanes)).toList();
	}

	private RouteRules routeRules(@Nullable String routeId) {
		if (routeId == null) {
			return this.defaultRoute;
		}
		RouteRules route = this.routes.get(routeId);
		return (route != null) ? route : this.defaultRoute;
	}

	/**
	 * The enabled rules that apply to one route, with the offset of each ratio rule's
	 * band in the route's random draw.
	 */
	private static final class RouteRules {

		final CompiledRule[] rules;

		final int[] ratioOffsets;

		final boolean needsBody;

		private RouteRules(CompiledRule[] rules, int[] ratioOffsets, boolean needsBody) {
			this.rules = rules;
			this.ratioOffsets = ratioOffsets;
			this.needsBody = needsBody;
		}

		static RouteRules of(List<CompiledRule> all, @Nullable String routeId, Set<String> disabledLanes) {
			List<CompiledRule> applying = new ArrayList<>();
			List<Integer> offsets = new ArrayList<>();
			int offset = 0;
			boolean needsBody = false;
			for (CompiledRule rule : all) {
				if (!rule.appliesTo(routeId)) {
					continue;
				}
				int ruleOffset = offset;
				if (rule.ratio >= 0) {
					// Disabled rules keep their band, so turning a lane off never shifts
					// traffic between the remaining lanes.
					offset += rule.ratio;
				}
				if (rule.enabled && !disabledLanes.contains(rule.decision.lane())) {
					applying.add(rule);
					offsets.add(ruleOffset);
					needsBody |= rule.readsBody();
				}
			}
			return new RouteRules(applying.toArray(new CompiledRule[0]),
					offsets.stream().mapToInt(Integer::intValue).toArray(), needsBody);
		}

	}

}
