package dev.lanes.core.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleSetTests {

	private static ConditionDefinition condition(String source, @Nullable String name, String op,
			@Nullable String value) {
		return new ConditionDefinition(source, name, op, value);
	}

	private static ConditionDefinition in(String source, @Nullable String name, String op, String... values) {
		ConditionDefinition definition = new ConditionDefinition(source, name, op, null);
		definition.setValues(List.of(values));
		return definition;
	}

	private static RuleSet rules(RuleDefinition... definitions) {
		return RuleSet.compile(List.of(definitions), "lane.gateway.rules");
	}

	private static RuleDefinition rule(String lane, ConditionDefinition... conditions) {
		return new RuleDefinition(lane, List.of(conditions));
	}

	private static @Nullable String lane(RuleSet rules, LaneRequest request) {
		LaneDecision decision = rules.evaluate(request, null);
		return (decision != null) ? decision.lane() : null;
	}

	private static @Nullable String laneOf(ConditionDefinition condition, TestRequest request) {
		return lane(rules(rule("gray", condition)), request);
	}

	@Nested
	class Sources {

		@Test
		void header() {
			ConditionDefinition canary = condition("header", "canary", "==", "gray");
			assertThat(laneOf(canary, TestRequest.create().header("Canary", "gray"))).isEqualTo("gray");
			assertThat(laneOf(canary, TestRequest.create().header("canary", "blue"))).isNull();
		}

		@Test
		void query() {
			ConditionDefinition tag = condition("query", "tag", "==", "gray");
			assertThat(laneOf(tag, TestRequest.create().query("tag", "gray"))).isEqualTo("gray");
			assertThat(laneOf(tag, TestRequest.create().header("tag", "gray"))).isNull();
		}

		@Test
		void cookie() {
			ConditionDefinition cookie = condition("cookie", "lane-pref", "==", "gray");
			assertThat(laneOf(cookie, TestRequest.create().cookie("lane-pref", "gray"))).isEqualTo("gray");
			assertThat(laneOf(cookie, TestRequest.create().cookie("other", "gray"))).isNull();
		}

		@Test
		void path() {
			ConditionDefinition path = condition("path", null, "prefix", "/api/v2/");
			assertThat(laneOf(path, TestRequest.create().path("/api/v2/orders"))).isEqualTo("gray");
			assertThat(laneOf(path, TestRequest.create().path("/api/v1/orders"))).isNull();
		}

		@Test
		void hostIsCaseInsensitive() {
			ConditionDefinition host = condition("host", null, "==", "Beta.Example.com");
			assertThat(laneOf(host, TestRequest.create().host("beta.example.COM"))).isEqualTo("gray");
			assertThat(laneOf(host, TestRequest.create().host("www.example.com"))).isNull();
		}

		@Test
		void methodIsCaseInsensitive() {
			ConditionDefinition method = in("method", null, "in", "post", "PUT");
			assertThat(laneOf(method, TestRequest.create().method("POST"))).isEqualTo("gray");
			assertThat(laneOf(method, TestRequest.create().method("PUT"))).isEqualTo("gray");
			assertThat(laneOf(method, TestRequest.create().method("GET"))).isNull();
		}

		@Test
		void remoteAddressMatchesCidrBlocks() {
			ConditionDefinition office = in("remote-address", null, "in", "10.0.0.0/8", "192.168.1.7", "2001:db8::/32");
			assertThat(laneOf(office, TestRequest.create().remoteAddress("10.20.30.40"))).isEqualTo("gray");
			assertThat(laneOf(office, TestRequest.create().remoteAddress("192.168.1.7"))).isEqualTo("gray");
			assertThat(laneOf(office, TestRequest.create().remoteAddress("2001:db8:0:1::5"))).isEqualTo("gray");
			assertThat(laneOf(office, TestRequest.create().remoteAddress("192.168.1.8"))).isNull();
			assertThat(laneOf(office, TestRequest.create().remoteAddress("11.0.0.1"))).isNull();
			assertThat(laneOf(office, TestRequest.create().remoteAddress("not-an-ip"))).isNull();
		}

		@Test
		void remoteAddressOutsideBlock() {
			ConditionDefinition outside = condition("remote-address", null, "!=", "172.16.0.0/12");
			assertThat(laneOf(outside, TestRequest.create().remoteAddress("8.8.8.8"))).isEqualTo("gray");
			assertThat(laneOf(outside, TestRequest.create().remoteAddress("172.20.1.1"))).isNull();
		}

		@Test
		void jsonBodyField() {
			ConditionDefinition channel = condition("body", "/order/channel", "regex", "app-.*");
			assertThat(laneOf(channel, TestRequest.create().body("/order/channel", "app-7"))).isEqualTo("gray");
			assertThat(laneOf(channel, TestRequest.create().body("/order/channel", "web-7"))).isNull();
		}

		@Test
		void formField() {
			ConditionDefinition form = condition("form", "plan", "==", "beta");
			assertThat(laneOf(form, TestRequest.create().form("plan", "beta"))).isEqualTo("gray");
			assertThat(laneOf(form, TestRequest.create().form("plan", "free"))).isNull();
		}

	}

	@Nested
	class Operators {

		@Test
		void equal() {
			assertThat(laneOf(condition("header", "v", "==", "2.0"), TestRequest.create().header("v", "2.0")))
				.isEqualTo("gray");
			assertThat(laneOf(condition("header", "v", "==", "2.0"), TestRequest.create().header("v", "2.0.1")))
				.isNull();
		}

		@Test
		void notEqual() {
			assertThat(laneOf(condition("header", "v", "!=", "1.0"), TestRequest.create().header("v", "2.0")))
				.isEqualTo("gray");
			assertThat(laneOf(condition("header", "v", "!=", "1.0"), TestRequest.create().header("v", "1.0"))).isNull();
		}

		@Test
		void in() {
			ConditionDefinition in = RuleSetTests.in("query", "tag", "in", "beta", "gray");
			assertThat(laneOf(in, TestRequest.create().query("tag", "beta"))).isEqualTo("gray");
			assertThat(laneOf(in, TestRequest.create().query("tag", "stable"))).isNull();
		}

		@Test
		void notIn() {
			ConditionDefinition notIn = RuleSetTests.in("query", "tag", "not-in", "beta", "gray");
			assertThat(laneOf(notIn, TestRequest.create().query("tag", "stable"))).isEqualTo("gray");
			assertThat(laneOf(notIn, TestRequest.create().query("tag", "beta"))).isNull();
		}

		@Test
		void prefix() {
			ConditionDefinition prefix = condition("header", "x-user-id", "prefix", "test-");
			assertThat(laneOf(prefix, TestRequest.create().header("x-user-id", "test-42"))).isEqualTo("gray");
			assertThat(laneOf(prefix, TestRequest.create().header("x-user-id", "42-test-"))).isNull();
		}

		@Test
		void regexMatchesTheWholeValue() {
			ConditionDefinition regex = condition("header", "ua", "regex", "app-[0-9]+");
			assertThat(laneOf(regex, TestRequest.create().header("ua", "app-12"))).isEqualTo("gray");
			assertThat(laneOf(regex, TestRequest.create().header("ua", "my-app-12"))).isNull();
			assertThat(laneOf(regex, TestRequest.create().header("ua", "app-12x"))).isNull();
		}

		@Test
		void exists() {
			ConditionDefinition exists = condition("cookie", "beta", "exists", null);
			assertThat(laneOf(exists, TestRequest.create().cookie("beta", ""))).isEqualTo("gray");
			assertThat(laneOf(exists, TestRequest.create())).isNull();
		}

		@Test
		void percentageIsSticky() {
			ConditionDefinition tenPercent = condition("header", "userId", "percentage", "10");
			RuleSet rules = rules(rule("gray", tenPercent));
			for (int user = 0; user < 200; user++) {
				TestRequest request = TestRequest.create().header("userId", "u" + user);
				String first = lane(rules, request);
				for (int i = 0; i < 5; i++) {
					assertThat(lane(rules, request)).isEqualTo(first);
				}
			}
		}

		@Test
		void percentageRangesSplitUsersDisjointly() {
			RuleSet rules = rules(rule("blue", condition("header", "userId", "percentage", "0-20")),
					rule("gray", condition("header", "userId", "percentage", "20-50")));
			int blue = 0;
			int gray = 0;
			for (int user = 1; user <= 10_000; user++) {
				String lane = lane(rules, TestRequest.create().header("userId", Integer.toString(user)));
				if ("blue".equals(lane)) {
					blue++;
				}
				else if ("gray".equals(lane)) {
					gray++;
				}
			}
			assertThat(blue).isBetween(1850, 2150);
			assertThat(gray).isBetween(2850, 3150);
		}

		@Test
		void percentageUsesHashBuckets() {
			// bucket("jason") is 5542 (see StableHashTests): in [55.42%, 55.43%)
			assertThat(laneOf(condition("header", "u", "percentage", "55.42-55.43"),
					TestRequest.create().header("u", "jason")))
				.isEqualTo("gray");
			assertThat(
					laneOf(condition("header", "u", "percentage", "55.42"), TestRequest.create().header("u", "jason")))
				.isNull();
		}

		@Test
		void sha256Percentage() {
			// sha256("jason") mod 100 is 23
			ConditionDefinition below = condition("header", "u", "percentage", "24");
			below.setHash("sha256");
			ConditionDefinition above = condition("header", "u", "percentage", "23");
			above.setHash("sha256");
			assertThat(laneOf(below, TestRequest.create().header("u", "jason"))).isEqualTo("gray");
			assertThat(laneOf(above, TestRequest.create().header("u", "jason"))).isNull();
		}

	}

	@Nested
	class MissingValues {

		@Test
		void missingValueFailsEveryOperatorButExists() {
			TestRequest empty = TestRequest.create();
			assertThat(laneOf(condition("header", "v", "==", "x"), empty)).isNull();
			assertThat(laneOf(condition("header", "v", "!=", "x"), empty)).isNull();
			assertThat(laneOf(in("header", "v", "in", "x"), empty)).isNull();
			assertThat(laneOf(in("header", "v", "not-in", "x"), empty)).isNull();
			assertThat(laneOf(condition("header", "v", "prefix", "x"), empty)).isNull();
			assertThat(laneOf(condition("header", "v", "regex", ".*"), empty)).isNull();
			assertThat(laneOf(condition("header", "v", "percentage", "100"), empty)).isNull();
			assertThat(laneOf(condition("body", "/a", "regex", ".*"), empty)).isNull();
			assertThat(laneOf(in("remote-address", null, "not-in", "10.0.0.0/8"), empty)).isNull();
		}

	}

	@Nested
	class Logic {

		private final RuleDefinition appOrBrowser = anyOf();

		private RuleDefinition anyOf() {
			RuleDefinition rule = rule("gray", condition("header", "version", "==", "2.0"),
					condition("query", "tag", "==", "gray"));
			rule.setMatch("any");
			return rule;
		}

		@Test
		void anyMatchesWhenOneConditionHolds() {
			RuleSet rules = rules(this.appOrBrowser);
			assertThat(lane(rules, TestRequest.create().header("version", "2.0"))).isEqualTo("gray");
			assertThat(lane(rules, TestRequest.create().query("tag", "gray"))).isEqualTo("gray");
			assertThat(lane(rules, TestRequest.create().header("version", "1.0"))).isNull();
		}

		@Test
		void allNeedsEveryCondition() {
			RuleSet rules = rules(
					rule("gray", condition("header", "version", "==", "2.0"), condition("query", "tag", "==", "gray")));
			assertThat(lane(rules, TestRequest.create().header("version", "2.0").query("tag", "gray")))
				.isEqualTo("gray");
			assertThat(lane(rules, TestRequest.create().header("version", "2.0"))).isNull();
		}

		@Test
		void firstEnabledMatchWins() {
			RuleDefinition disabled = rule("blue", condition("header", "u", "exists", null));
			disabled.setEnabled(false);
			RuleSet rules = rules(disabled, rule("s2", condition("header", "x-user-id", "==", "jason")),
					rule("s1", condition("header", "x-user-id", "exists", null)));
			LaneDecision decision = rules.evaluate(TestRequest.create().header("x-user-id", "jason").header("u", "1"),
					null);
			assertThat(decision).isEqualTo(new LaneDecision("s2", 1));
			assertThat(lane(rules, TestRequest.create().header("x-user-id", "bob"))).isEqualTo("s1");
		}

		@Test
		void rulesScopedToRoutesApplyOnlyThere() {
			RuleDefinition scoped = rule("gray", condition("header", "canary", "==", "gray"));
			scoped.setRoutes(List.of("orders"));
			RuleSet rules = rules(scoped);
			TestRequest request = TestRequest.create().header("canary", "gray");
			assertThat(rules.evaluate(request, "orders")).isNotNull();
			assertThat(rules.evaluate(request, "users")).isNull();
			assertThat(rules.evaluate(request, null)).isNull();
		}

		@Test
		void disabledLaneIsSkipped() {
			RuleSet rules = rules(rule("gray", condition("header", "canary", "==", "gray")),
					rule("blue", condition("header", "canary", "exists", null)));
			RuleSet grayOff = rules.withDisabledLanes(Set.of("gray"));
			TestRequest request = TestRequest.create().header("canary", "gray");
			assertThat(lane(rules, request)).isEqualTo("gray");
			assertThat(lane(grayOff, request)).isEqualTo("blue");
			assertThat(grayOff.describe().get(0).enabled()).isFalse();
			assertThat(grayOff.disabledLanes()).containsExactly("gray");
		}

		@Test
		void laneOfARuleIsDecidedInLowerCaseAndDisabledWhateverTheCase() {
			RuleSet rules = rules(rule("GRAY", condition("header", "canary", "exists", null)));
			TestRequest request = TestRequest.create().header("canary", "x");
			assertThat(lane(rules, request)).isEqualTo("gray");
			assertThat(lane(rules.withDisabledLanes(Set.of("Gray")), request)).isNull();
		}

		@Test
		void needsBodyOnlyWhereABodyRuleApplies() {
			RuleDefinition body = rule("gray", condition("body", "/order/channel", "==", "app"));
			body.setRoutes(List.of("orders"));
			RuleSet rules = rules(rule("gray", condition("header", "canary", "==", "gray")), body);
			assertThat(rules.needsBody("orders")).isTrue();
			assertThat(rules.needsBody("users")).isFalse();
			assertThat(rules.needsBody(null)).isFalse();
			assertThat(rules.withDisabledLanes(Set.of("gray")).needsBody("orders")).isFalse();
		}

		@Test
		void describesRules() {
			RuleSet rules = rules(this.appOrBrowser);
			RuleDescription description = rules.describe().get(0);
			assertThat(description.lane()).isEqualTo("gray");
			assertThat(description.match()).isEqualTo("any");
			assertThat(description.conditions()).containsExactly("header version == 2.0", "query tag == gray");
		}

	}

	@Nested
	class Ratios {

		private RuleDefinition ratio(String lane, String percent, String... routes) {
			RuleDefinition rule = new RuleDefinition(lane, List.of());
			rule.setRatio(new BigDecimal(percent));
			rule.setRoutes(new ArrayList<>(List.of(routes)));
			return rule;
		}

		@Test
		void ratioSendsItsShareOfRequests() {
			RuleSet rules = rules(ratio("gray", "30", "ratio-route"));
			int gray = 0;
			for (int i = 0; i < 20_000; i++) {
				if (rules.evaluate(TestRequest.create(), "ratio-route") != null) {
					gray++;
				}
			}
			assertThat(gray).isBetween(5600, 6400);
			assertThat(rules.evaluate(TestRequest.create(), "other")).isNull();
		}

		@Test
		void ratiosOnOneRouteOwnDisjointBands() {
			RuleSet rules = rules(ratio("gray", "30"), ratio("blue", "20"));
			int gray = 0;
			int blue = 0;
			for (int i = 0; i < 20_000; i++) {
				LaneDecision decision = rules.evaluate(TestRequest.create(), null);
				if (decision != null && decision.lane().equals("gray")) {
					gray++;
				}
				else if (decision != null) {
					blue++;
				}
			}
			assertThat(gray).isBetween(5600, 6400);
			assertThat(blue).isBetween(3600, 4400);
		}

		@Test
		void ratioOfHundredTagsEveryRequest() {
			RuleSet rules = rules(ratio("gray", "100"));
			for (int i = 0; i < 100; i++) {
				assertThat(rules.evaluate(TestRequest.create(), "any")).isNotNull();
			}
		}

	}

	@Nested
	class Validation {

		private List<String> problems(RuleDefinition... definitions) {
			try {
				rules(definitions);
			}
			catch (InvalidRulesException ex) {
				assertThat(ex.getMessage()).contains(ex.getProblems());
				return ex.getProblems();
			}
			throw new AssertionError("expected the rules to be rejected");
		}

		@Test
		void unknownOperatorNamesItsPath() {
			RuleDefinition ok = rule("gray", condition("header", "a", "==", "b"));
			assertThat(problems(ok, ok, rule("gray", condition("header", "canary", "equals", "gray"))))
				.containsExactly("lane.gateway.rules[2].conditions[0].op: unknown operator 'equals' "
						+ "(expected one of ==, !=, in, not-in, prefix, regex, exists, percentage)");
		}

		@Test
		void unknownSource() {
			assertThat(problems(rule("gray", condition("headers", "canary", "==", "gray"))))
				.containsExactly("lane.gateway.rules[0].conditions[0].source: unknown source 'headers' "
						+ "(expected one of header, query, cookie, path, host, method, remote-address, body, form)");
		}

		@Test
		void emptyValuesAreErrorsNotMatchEverything() {
			assertThat(problems(rule("gray", condition("header", "canary", "==", ""))))
				.containsExactly("lane.gateway.rules[0].conditions[0].value: must not be empty for operator '=='");
			assertThat(problems(rule("gray", in("header", "canary", "in"))))
				.containsExactly("lane.gateway.rules[0].conditions[0].values: must not be empty for operator 'in'");
			assertThat(problems(rule("gray", in("header", "canary", "in", "a", ""))))
				.containsExactly("lane.gateway.rules[0].conditions[0].values[1]: must not be empty");
		}

		@Test
		void laneAndNameAndMatch() {
			RuleDefinition noLane = new RuleDefinition();
			noLane.setConditions(List.of(condition("header", "", "exists", null)));
			noLane.setMatch("some");
			assertThat(problems(noLane)).containsExactly("lane.gateway.rules[0].lane: is required",
					"lane.gateway.rules[0].match: unknown match 'some' (expected all or any)",
					"lane.gateway.rules[0].conditions[0].name: is required for source 'header'");
			assertThat(problems(rule("base", condition("path", "/x", "==", "/a")))).containsExactly(
					"lane.gateway.rules[0].lane: 'base' is not a valid lane name (letters, digits, "
							+ "'.', '_' or '-', at most 63, and not 'base')",
					"lane.gateway.rules[0].conditions[0].name: source 'path' takes no name");
		}

		@Test
		void malformedOperands() {
			assertThat(problems(rule("gray", condition("header", "u", "regex", "app-(")))).singleElement()
				.asString()
				.startsWith("lane.gateway.rules[0].conditions[0].value: invalid regular expression 'app-('");
			assertThat(problems(rule("gray", condition("header", "u", "percentage", "0.001"))))
				.containsExactly("lane.gateway.rules[0].conditions[0].value: '0.001' is not a percentage from 0 to "
						+ "100 with at most two decimals, or a range such as 20-50");
			assertThat(problems(rule("gray", condition("header", "u", "percentage", "50-20")))).hasSize(1);
			assertThat(problems(rule("gray", condition("body", "order.channel", "==", "x"))))
				.containsExactly("lane.gateway.rules[0].conditions[0].name: 'order.channel' is not a JSON pointer "
						+ "(expected e.g. /order/channel)");
			assertThat(problems(rule("gray", condition("remote-address", null, "==", "10.0.0.0/33")))).containsExactly(
					"lane.gateway.rules[0].conditions[0].value: '10.0.0.0/33' is not an IP address or " + "CIDR block");
			ConditionDefinition sha = condition("header", "u", "percentage", "10.5");
			sha.setHash("sha256");
			assertThat(problems(rule("gray", sha))).containsExactly(
					"lane.gateway.rules[0].conditions[0].value: hash 'sha256' buckets whole percents; '10.5' has decimals");
			ConditionDefinition md5 = condition("header", "u", "percentage", "10");
			md5.setHash("md5");
			assertThat(problems(rule("gray", md5))).containsExactly(
					"lane.gateway.rules[0].conditions[0].hash: unknown hash 'md5' (expected stable or sha256)");
			assertThat(problems(rule("gray", condition("header", "u", "exists", "yes"))))
				.containsExactly("lane.gateway.rules[0].conditions[0].value: operator 'exists' takes no value");
		}

		@Test
		void ruleNeedsConditionsOrRatio() {
			assertThat(problems(new RuleDefinition("gray", List.of()))).containsExactly(
					"lane.gateway.rules[0].conditions: a rule needs conditions or a ratio (use ratio: 100 for all traffic)");
		}

		@Test
		void ratiosOnOneRouteAddUpToAtMostHundred() {
			RuleDefinition global = new RuleDefinition("gray", List.of());
			global.setRatio(new BigDecimal("60"));
			RuleDefinition scoped = new RuleDefinition("blue", List.of());
			scoped.setRatio(new BigDecimal("40.01"));
			scoped.setRoutes(List.of("orders"));
			RuleDefinition other = new RuleDefinition("blue", List.of());
			other.setRatio(new BigDecimal("40"));
			other.setRoutes(List.of("users"));
			assertThat(problems(global, scoped, other))
				.containsExactly("lane.gateway.rules[1].ratio: the ratios that apply to route 'orders' "
						+ "(lane.gateway.rules[0], lane.gateway.rules[1]) add up to 100.01, more than 100");
			RuleDefinition tooFine = new RuleDefinition("gray", List.of());
			tooFine.setRatio(new BigDecimal("0.005"));
			assertThat(problems(tooFine)).containsExactly("lane.gateway.rules[0].ratio: 0.005 is not a percentage "
					+ "above 0 and at most 100 with at most two decimals");
		}

		@Test
		void reportsEveryProblemAtOnce() {
			Set<String> paths = new HashSet<>();
			for (String problem : problems(rule("gray", condition("header", "a", "eq", "b")),
					rule("", condition("cookie", "c", "==", "")))) {
				paths.add(problem.substring(0, problem.indexOf(':')));
			}
			assertThat(paths).containsExactlyInAnyOrder("lane.gateway.rules[0].conditions[0].op",
					"lane.gateway.rules[1].lane", "lane.gateway.rules[1].conditions[0].value");
		}

	}

}
