package dev.lanes.core.rule;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A compiled condition: reads one value from the request and tests it. A missing value
 * fails every operator but {@code exists}.
 */
final class Condition {

	private final Source source;

	private final String name;

	private final Predicate<String> test;

	private final String description;

	Condition(Source source, String name, Predicate<String> test, String description) {
		this.source = source;
		this.name = name;
		this.test = test;
		this.description = description;
	}

	boolean matches(LaneRequest request) {
		@Nullable String value = this.source.read(request, this.name);
		return value != null && this.test.test(value);
	}

	Source source() {
		return this.source;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
