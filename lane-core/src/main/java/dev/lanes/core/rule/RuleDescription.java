package dev.lanes.core.rule;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A readable view of one compiled rule, as shown by endpoints and logs.
 *
 * @param index the rule's index in the configured list
 * @param lane the lane the rule tags requests with
 * @param enabled whether the rule is in force (it is off when disabled in configuration
 * or when its lane was turned off at runtime)
 * @param match how the conditions combine: {@code all} or {@code any}
 * @param routes the route ids the rule is scoped to; empty for all routes
 * @param conditions the conditions, e.g. {@code header canary == gray}
 * @param ratio the random percentage of a ratio rule, or {@code null}
 */
public record RuleDescription(int index, String lane, boolean enabled, String match, List<String> routes,
		List<String> conditions, @Nullable BigDecimal ratio) {

}
