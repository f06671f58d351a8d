package dev.lanes.core.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One compiled rule of a {@link RuleSet}.
 */
final class CompiledRule {

	final int index;

	final String path;

	final LaneDecision decision;

	final boolean enabled;

	final boolean any;

	final Condition[] conditions;

	/** Share of a ratio rule in basis points, -1 when the rule has no ratio. */
	final int ratio;

	final Set<String> routes;

	CompiledRule(int index, String path, LaneDecision decision, boolean enabled, boolean any, Condition[] conditions,
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
