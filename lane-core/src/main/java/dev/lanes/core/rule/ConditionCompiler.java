package dev.lanes.core.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import dev.lanes.core.StableHash;
import org.jspecify.annotations.Nullable;

/**
 * Validates one {@link ConditionDefinition} and compiles it into a {@link Condition},
 * reporting each problem with its property path.
 */
final class ConditionCompiler {

	private static final String STABLE_HASH = "stable";

	private static final String SHA256_HASH = "sha256";

	private final String path;

	private final List<String> problems;

	ConditionCompiler(String path, List<String> problems) {
		this.path = path;
		this.problems = problems;
	}

	@Nullable Condition compile(ConditionDefinition definition) {
		int before = this.problems.size();
		Source source = Source.fromId(definition.getSource());
		if (source == null) {
			problem("source", (definition.getSource() == null) ? "is required"
					: "unknown source '" + definition.getSource() + "' (expected one of " + ids(Source.values()) + ")");
		}
		Operator op = Operator.fromSymbol(definition.getOp());
		if (op == null) {
			problem("op", (definition.getOp() == null) ? "is required"
					: "unknown operator '" + definition.getOp() + "' (expected one of " + ids(Operator.values()) + ")");
		}
		if (source != null) {
			checkName(source, definition.getName());
		}
		if (op != null) {
			checkOperands(op, definition);
		}
		if (source == null || op == null || this.problems.size() > before) {
			return null;
		}
		Predicate<String> test = test(source, op, definition);
		if (test == null) {
			return null;
		}
		String name = (definition.getName() != null) ? definition.getName() : "";
		return new Condition(source, name, test, describe(source, op, definition));
	}

	private void checkName(Source source, @Nullable String name) {
		boolean blank = name == null || name.isBlank();
		if (source.isNamed() && blank) {
			problem("name", "is required for source '" + source.id() + "'");
		}
		else if (!source.isNamed() && !blank) {
			problem("name", "source '" + source.id() + "' takes no name");
		}
		else if (source == Source.BODY && !name.startsWith("/")) {
			problem("name", "'" + name + "' is not a JSON pointer (expected e.g. /order/channel)");
		}
	}

	private void checkOperands(Operator op, ConditionDefinition definition) {
		boolean hasValue = definition.getValue() != null;
		boolean hasValues = !definition.getValues().isEmpty();
		switch (op) {
			case EXISTS -> {
				if (hasValue || hasValues) {
					problem(hasValue ? "value" : "values", "operator 'exists' takes no value");
				}
			}
			case IN, NOT_IN -> {
				if (hasValue) {
					problem("value", "operator '" + op.symbol() + "' takes a list in 'values'");
				}
				else if (!hasValues) {
					problem("values", "must not be empty for operator '" + op.symbol() + "'");
				}
				for (int i = 0; i < definition.getValues().size(); i++) {
					String value = definition.getValues().get(i);
					if (value == null || value.isEmpty()) {
						problem("values[" + i + "]", "must not be empty");
					}
				}
			}
			default -> {
				if (hasValues) {
					problem("values", "operator '" + op.symbol() + "' takes a single 'value'");
				}
				else if (!hasValue || definition.getValue().isEmpty()) {
					problem("value", "must not be empty for operator '" + op.symbol() + "'");
				}
			}
		}
		String hash = definition.getHash();
		if (!STABLE_HASH.equals(hash) && !SHA256_HASH.equals(hash)) {
			problem("hash", "unknown hash '" + hash + "' (expected stable or sha256)");
		}
		else if (SHA256_HASH.equals(hash) && op != Operator.PERCENTAGE) {
			problem("hash", "only applies to operator 'percentage'");
		}
	}

	private @Nullable Predicate<String> test(Source source, Operator op, ConditionDefinition definition) {
		String value = normalize(source, definition.getValue());
		List<String> values = definition.getValues().stream().map((v) -> normalize(source, v)).toList();
		if (source == Source.REMOTE_ADDRESS && op != Operator.PREFIX && op != Operator.REGEX && op != Operator.EXISTS
				&& op != Operator.PERCENTAGE) {
			return addressTest(op, (value != null) ? List.of(value) : values);
		}
		return switch (op) {
			case EQUAL -> value::equals;
			case NOT_EQUAL -> (actual) -> !value.equals(actual);
			case IN -> Set.copyOf(values)::contains;
			case NOT_IN -> {
				Set<String> excluded = Set.copyOf(values);
				yield (actual) -> !excluded.contains(actual);
			}
			case PREFIX -> (actual) -> actual.startsWith(value);
			case REGEX -> regexTest(value);
			case EXISTS -> (actual) -> true;
			case PERCENTAGE -> percentageTest(value, SHA256_HASH.equals(definition.getHash()));
		};
	}

	private @Nullable Predicate<String> regexTest(String regex) {
		try {
			return new RegexTest(Pattern.compile(regex));
		}
		catch (PatternSyntaxException ex) {
			problem("value", "invalid regular expression '" + regex + "': " + ex.getDescription());
			return null;
		}
	}

	private @Nullable Predicate<String> percentageTest(String text, boolean sha256) {
		int[] range = Percentages.parseRange(text);
		if (range == null) {
			problem("value", "'" + text + "' is not a percentage from 0 to 100 with at most two decimals, "
					+ "or a range such as 20-50");
			return null;
		}
		int from = range[0];
		int to = range[1];
		if (sha256) {
			if (from % 100 != 0 || to % 100 != 0) {
				problem("value", "hash 'sha256' buckets whole percents; '" + text + "' has decimals");
				return null;
			}
			return (actual) -> {
				int bucket = StableHash.sha256Bucket(actual);
				return bucket >= from && bucket < to;
			};
		}
		return (actual) -> {
			int bucket = StableHash.bucket(actual);
			return bucket >= from && bucket < to;
		};
	}

	private @Nullable Predicate<String> addressTest(Operator op, List<String> blocks) {
		List<CidrBlock> parsed = new ArrayList<>();
		for (String block : blocks) {
			CidrBlock cidr = CidrBlock.parse(block);
			if (cidr == null) {
				problem((op == Operator.IN || op == Operator.NOT_IN) ? "values" : "value",
						"'" + block + "' is not an IP address or CIDR block");
				return null;
			}
			parsed.add(cidr);
		}
		Predicate<String> inAny = (actual) -> parsed.stream().anyMatch((cidr) -> cidr.contains(actual));
		boolean negated = op == Operator.NOT_EQUAL || op == Operator.NOT_IN;
		return negated ? inAny.negate() : inAny;
	}

	private static @Nullable String normalize(Source source, @Nullable String value) {
		if (value == null) {
			return null;
		}
		return switch (source) {
			case METHOD -> value.toUpperCase(Locale.ROOT);
			case HOST -> value.toLowerCase(Locale.ROOT);
			default -> value;
		};
	}

	private static String describe(Source source, Operator op, ConditionDefinition definition) {
		StringBuilder description = new StringBuilder(source.id());
		if (definition.getName() != null) {
			description.append(' ').append(definition.getName());
		}
		description.append(' ').append(op.symbol());
		if (definition.getValue() != null) {
			description.append(' ').append(definition.getValue());
		}
		else if (!definition.getValues().isEmpty()) {
			description.append(' ').append(definition.getValues());
		}
		if (op == Operator.PERCENTAGE && SHA256_HASH.equals(definition.getHash())) {
			description.append(" (sha256)");
		}
		return description.toString();
	}

	private void problem(String property, String reason) {
		this.problems.add(this.path + "." + property + ": " + reason);
	}

	/**
	 * Matches a whole value against a compiled pattern, reusing one {@link Matcher} per
	 * thread: {@code pattern.matcher(value)} would allocate a matcher and its group
	 * arrays on every evaluation.
	 */
	private static final class RegexTest implements Predicate<String> {

		private final ThreadLocal<Matcher> matchers;

		RegexTest(Pattern pattern) {
			this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
		}

		@Override
		public boolean test(String actual) {
			Matcher matcher = this.matchers.get();
			try {
				return matcher.reset(actual).matches();
			}
			finally {
				// Keep no reference to request data between evaluations.
				matcher.reset("");
			}
		}

	}

	private static String ids(Enum<?>[] constants) {
		return Arrays.stream(constants)
			.map((constant) -> (constant instanceof Source source) ? source.id() : ((Operator) constant).symbol())
			.collect(Collectors.joining(", "));
	}

}
