package dev.lanes.shadow.privilege;

import java.util.List;

/**
 * Thrown when the shadow account can do more than its policy allows, naming every way it
 * could reach base data.
 */
public class ShadowPrivilegeException extends IllegalStateException {

	private final transient List<Violation> violations;

	/**
	 * Creates the exception.
	 * @param violations what the account can do beyond its policy
	 * @param grants the statements that give it exactly its policy
	 */
	public ShadowPrivilegeException(List<Violation> violations, List<String> grants) {
		super(message(violations, grants));
		this.violations = List.copyOf(violations);
	}

	private static String message(List<Violation> violations, List<String> grants) {
		StringBuilder message = new StringBuilder(
				"The shadow account can reach data its table policies keep from the lanes (lane.shadow.enforcement="
						+ "privileges):");
		violations.forEach((violation) -> message.append("\n  - ").append(violation));
		message.append("\nRevoke these privileges (or drop the objects named); the account needs only:");
		grants.forEach((grant) -> message.append("\n  ").append(grant).append(';'));
		return message.toString();
	}

	/**
	 * Returns the violations.
	 * @return what the account can do beyond its policy
	 */
	public List<Violation> getViolations() {
		return this.violations;
	}

}
