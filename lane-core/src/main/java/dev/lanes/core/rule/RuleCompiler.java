package dev.lanes.core.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

/**
 * Validates rule definitions and compiles them into a {@link RuleSet}: every problem is
 * collected with its property path before anything is compiled, conditions are compiled
 * by {@link ConditionCompiler}, ratios are turned into basis points and their totals per
 * route checked.
 */
final class RuleCompiler {

	private RuleCompiler() {
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
		List<CompiledRule> rules = new ArrayList<>();
		for (int i = 0; i < definitions.size(); i++) {
			CompiledRule rule = compileRule(definitions.get(i), i, propertyPath + "[" + i + "]", problems);
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

	private static @Nullable CompiledRule compileRule(RuleDefinition definition, int index, String path,
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
		return new CompiledRule(index, path, new LaneDecision(Lanes.canonical(lane), index), definition.isEnabled(),
				any, conditions.toArray(new Condition[0]), ratio, Set.copyOf(definition.getRoutes()));
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

	private static void checkRatioTotals(List<CompiledRule> rules, String propertyPath, List<String> problems) {
		Set<@Nullable String> scopes = new LinkedHashSet<>();
		scopes.add(null);
		rules.forEach((rule) -> scopes.addAll(rule.routes));
		for (String scope : scopes) {
			int total = 0;
			List<String> paths = new ArrayList<>();
			for (CompiledRule rule : rules) {
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

}
