package dev.lanes.shadow.privilege;

/**
 * One way the shadow account could reach data its policy keeps it from.
 *
 * @param account the account, as the database names it
 * @param object the table, routine, trigger or role concerned
 * @param privilege the privilege or mechanism, for example {@code INSERT} or
 * {@code definer rights}
 * @param reason why it is not allowed
 */
public record Violation(String account, String object, String privilege, String reason) {

	@Override
	public String toString() {
		return "account " + this.account + " has " + this.privilege + " on " + this.object + ": " + this.reason;
	}

}
