package dev.lanes.core.rule;

import java.util.List;

/**
 * Thrown when lane rules cannot be compiled; each problem names the property path of the
 * offending setting and the reason, for example
 * {@code lane.gateway.rules[2].conditions[0].op: unknown operator 'equals'}.
 */
public class InvalidRulesException extends IllegalArgumentException {

	private final List<String> problems;

	/**
	 * Creates an exception for the given problems.
	 * @param problems one line per problem, each starting with a property path
	 */
	public InvalidRulesException(List<String> problems) {
		super("Invalid lane rules:\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Returns the problems found, one per offending setting.
	 * @return the problems, each starting with a property path
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
