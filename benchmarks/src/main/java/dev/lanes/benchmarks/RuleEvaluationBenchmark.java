package dev.lanes.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.lanes.core.rule.ConditionDefinition;
import dev.lanes.core.rule.LaneDecision;
import dev.lanes.core.rule.LaneRequest;
import dev.lanes.core.rule.RuleDefinition;
import dev.lanes.core.rule.RuleSet;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * Evaluates ten rules that mix header {@code ==}, {@code in}, regex and sticky percentage
 * against a request that matches only the last rule (the worst case: every rule is tried)
 * and one that matches none.
 */
public class RuleEvaluationBenchmark extends NanosecondBenchmark {

	private RuleSet rules;

	private LaneRequest matchesLast;

	private final LaneRequest matchesNone = new FixedRequest(null, "1.0", "stable", "web");

	@Setup
	public void compile() {
		List<RuleDefinition> definitions = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			definitions.add(rule("lane" + i, new ConditionDefinition("header", "canary", "==", "gray" + i)));
			ConditionDefinition in = new ConditionDefinition("header", "x-tag", "in", null);
			in.setValues(List.of("alpha" + i, "beta" + i, "rc" + i));
			definitions.add(rule("lane" + i, in));
			definitions
				.add(rule("lane" + i, new ConditionDefinition("header", "user-agent", "regex", "bot-" + i + ".*")));
		}
		definitions.add(rule("gray", new ConditionDefinition("header", "userId", "percentage", "30")));
		this.rules = RuleSet.compile(definitions, "lane.gateway.rules");
		for (int user = 0; this.matchesLast == null; user++) {
			FixedRequest candidate = new FixedRequest("user-" + user, "2.0", "beta-7", "app-ios");
			LaneDecision decision = this.rules.evaluate(candidate, "route");
			if (decision != null && decision.ruleIndex() == definitions.size() - 1) {
				this.matchesLast = candidate;
			}
		}
		if (this.rules.evaluate(this.matchesNone, "route") != null) {
			throw new IllegalStateException("benchmark request should match no rule");
		}
	}

	private static RuleDefinition rule(String lane, ConditionDefinition condition) {
		return new RuleDefinition(lane, List.of(condition));
	}

	@Benchmark
	public @Nullable LaneDecision tenRulesLastMatches() {
		return this.rules.evaluate(this.matchesLast, "route");
	}

	@Benchmark
	public @Nullable LaneDecision tenRulesNoneMatches() {
		return this.rules.evaluate(this.matchesNone, "route");
	}

	/**
	 * A request whose headers are fixed fields, so the benchmark measures the rules, not
	 * a header map.
	 */
	private static final class FixedRequest implements LaneRequest {

		private final @Nullable String userId;

		private final String canary;

		private final String tag;

		private final String userAgent;

		FixedRequest(@Nullable String userId, String canary, String tag, String userAgent) {
			this.userId = userId;
			this.canary = canary;
			this.tag = tag;
			this.userAgent = userAgent;
		}

		@Override
		public @Nullable String header(String name) {
			return switch (name) {
				case "userId" -> this.userId;
				case "canary" -> this.canary;
				case "x-tag" -> this.tag;
				case "user-agent" -> this.userAgent;
				default -> null;
			};
		}

		@Override
		public @Nullable String queryParam(String name) {
			return null;
		}

		@Override
		public @Nullable String cookie(String name) {
			return null;
		}

		@Override
		public String path() {
			return "/orders";
		}

		@Override
		public @Nullable String host() {
			return "shop.example.com";
		}

		@Override
		public String method() {
			return "GET";
		}

		@Override
		public @Nullable String remoteAddress() {
			return "10.0.0.1";
		}

		@Override
		public @Nullable String bodyField(String jsonPointer) {
			return null;
		}

		@Override
		public @Nullable String formField(String name) {
			return null;
		}

	}

}
