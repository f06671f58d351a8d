package dev.lanes.core.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.lanes.core.Lanes;
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

	private final List<Rule> rules;

	private final Set<String> disabledLanes;

	private final RouteRules defaultRoute;

	private final Map<String, RouteRules> routes;

	private RuleSet(List<Rule> rules, Set<String> disabledLanes) {
		this.rules = rules;
		this.disabledLanes = Set.copyOf(disabledLanes);
		this.defaultRoute = RouteRules.of(rules, null, this.disabledLanes);
		Map<String, RouteRules> byRoute = new HashMap<>();
		for (Rule rule : rules) {
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
	 * Validates and compiles rule definitions.
	 * @param definitions the rules, in order
	 * @param propertyPath the property path of the list, used in error messages, e.g.
	 * {@code lane.gateway.rules}
	 * @return the compiled rules
	 * @throws InvalidRulesException naming the property path of every invalid setting
	 */
	public static RuleSet compile(List<RuleDefinition> definitions, String propertyPath) {
		List<String> problems = new ArrayList<>();
		List<Rule> rules = new ArrayList<>();
		for (int i = 0; i < definitions.size(); i++) {
			Rule rule = compileRule(definitions.get(i), i, propertyPath + "[" + i + "]", problems);
			if (rule != null) {
				rules.add(rule);
			}
		}
		checkRatioTotals(rules, propertyPath, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRulesException(problems);
		}
		return new RuleSet(List.copyOf(rules), Set.of());
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
		Rule[] candidates = route.rules;
		for (int i = 0; i < candidates.length; i++) {
			Rule rule = candidates[i];
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

	private static @Nullable Rule compileRule(RuleDefinition definition, int index, String path,
			List<String> problems) {
		int before = problems.size();
		String lane = definition.getLane();
		if (lane == null || lane.isBlank()) {
			problems.add(path + ".lane: is required");
		}
		else if (!Lanes.isValidName(lane)) {
			problems.add(path + ".lane: '" + lane + "' is not a valid lane name (letters, digits, '.', '_' or '-', "
					+ "at most 63, and not '" + Lanes.BASE + "')");
		}
		boolean any = "any".equals(definition.getMatch());
		if (!any && !"all".equals(definition.getMatch())) {
			problems.add(path + ".match: unknown match '" + definition.getMatch() + "' (expected all or any)");
		}
		for (int i = 0; i < definition.getRoutes().size(); i++) {
			String route = definition.getRoutes().get(i);
			if (route == null || route.isBlank()) {
				problems.add(path + ".routes[" + i + "]: must not be empty");
			}
		}
		int ratio = ratio(definition.getRatio(), path, problems);
		if (definition.getConditions().isEmpty() && definition.getRatio() == null) {
			problems.add(path + ".conditions: a rule needs conditions or a ratio (use ratio: 100 for all traffic)");
		}
		List<Condition> conditions = new ArrayList<>();
		for (int i = 0; i < definition.getConditions().size(); i++) {
			ConditionDefinition conditionDefinition = definition.getConditions().get(i);
			String conditionPath = path + ".conditions[" + i + "]";
			if (conditionDefinition == null) {
				problems.add(conditionPath + ": must not be empty");
				continue;
			}
			Condition condition = new ConditionCompiler(conditionPath, problems).compile(conditionDefinition);
			if (condition != null) {
				conditions.add(condition);
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new Rule(index, path, new LaneDecision(Lanes.canonical(lane), index), definition.isEnabled(), any,
				conditions.toArray(new Condition[0]), ratio, Set.copyOf(definition.getRoutes()));
	}

	private static int ratio(@Nullable BigDecimal ratio, String path, List<String> problems) {
		if (ratio == null) {
			return -1;
		}
		Integer basisPoints = Percentages.toBasisPoints(ratio);
		if (basisPoints == null || basisPoints == 0) {
			problems.add(path + ".ratio: " + ratio.toPlainString()
					+ " is not a percentage above 0 and at most 100 with at most two decimals");
			return -1;
		}
		return basisPoints;
	}

	private static void checkRatioTotals(List<Rule> rules, String propertyPath, List<String> problems) {
		Set<@Nullable String> scopes = new LinkedHashSet<>();
		scopes.add(null);
		rules.forEach((rule) -> scopes.addAll(rule.routes));
		for (String scope : scopes) {
			int total = 0;
			List<String> paths = new ArrayList<>();
			for (Rule rule : rules) {
				if (rule.ratio >= 0 && rule.appliesTo(scope)) {
					total += rule.ratio;
					paths.add(rule.path);
				}
			}
			if (total > 10_000) {
				String where = (scope != null) ? "route '" + scope + "'" : "all routes";
				problems.add(paths.get(paths.size() - 1) + ".ratio: the ratios that apply to " + where + " ("
						+ String.join(", ", paths) + ") add up to " + BigDecimal.valueOf(total, 2).toPlainString()
						+ ", more than 100");
			}
		}
	}

	/**
	 * One compiled rule.
	 */
	private static final class Rule {

		final int index;

		final String path;

		final LaneDecision decision;

		final boolean enabled;

		final boolean any;

		final Condition[] conditions;

		/** Share of a ratio rule in basis points, -1 when the rule has no ratio. */
		final int ratio;

		final Set<String> routes;

		Rule(int index, String path, LaneDecision decision, boolean enabled, boolean any, Condition[] conditions,
				int ratio, Set<String> routes) {
			this.index = index;
			this.path = path;
			this.decision = decision;
			this.enabled = enabled;
			this.any = any;
			this.conditions = conditions;
			this.ratio = ratio;
			this.routes = routes;
		}

		boolean appliesTo(@Nullable String routeId) {
			return this.routes.isEmpty() || (routeId != null && this.routes.contains(routeId));
		}

		boolean conditionsMatch(LaneRequest request) {
			if (this.conditions.length == 0) {
				return true;
			}
			for (Condition condition : this.conditions) {
				if (condition.matches(request) == this.any) {
					return this.any;
				}
			}
			return !this.any;
		}

		boolean readsBody() {
			for (Condition condition : this.conditions) {
				if (condition.source().readsBody()) {
					return true;
				}
			}
			return false;
		}

		RuleDescription describe(Set<String> disabledLanes) {
			List<String> conditionTexts = new ArrayList<>();
			for (Condition condition : this.conditions) {
				conditionTexts.add(condition.toString());
			}
			BigDecimal ratioPercent = (this.ratio >= 0) ? BigDecimal.valueOf(this.ratio, 2) : null;
			return new RuleDescription(this.index, this.decision.lane(),
					this.enabled && !disabledLanes.contains(this.decision.lane()), this.any ? "any" : "all",
					List.copyOf(this.routes), conditionTexts, ratioPercent);
		}

	}

	/**
	 * The enabled rules that apply to one route, with the offset of each ratio rule's
	 * band in the route's random draw.
	 */
	private static final class RouteRules {

		final Rule[] rules;

		final int[] ratioOffsets;

		final boolean needsBody;

		private RouteRules(Rule[] rules, int[] ratioOffsets, boolean needsBody) {
			this.rules = rules;
			this.ratioOffsets = ratioOffsets;
			this.needsBody = needsBody;
		}

		static RouteRules of(List<Rule> all, @Nullable String routeId, Set<String> disabledLanes) {
			List<Rule> applying = new ArrayList<>();
			List<Integer> offsets = new ArrayList<>();
			int offset = 0;
			boolean needsBody = false;
			for (Rule rule : all) {
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
			return new RouteRules(applying.toArray(new Rule[0]), offsets.stream().mapToInt(Integer::intValue).toArray(),
					needsBody);
		}

	}

}
