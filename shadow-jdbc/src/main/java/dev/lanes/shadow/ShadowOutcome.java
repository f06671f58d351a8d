package dev.lanes.shadow;

import java.util.Locale;

/**
 * What happened to one statement, as reported to a {@link ShadowStatementListener} and
 * used as the {@code outcome} tag of the {@code lanes.shadow.statements} counter.
 */
public enum ShadowOutcome {

	/**
	 * The SQL was rewritten to shadow tables.
	 */
	REWRITTEN,

	/**
	 * The statement runs on a connection of the shadow database.
	 */
	ROUTED,

	/**
	 * The SQL runs unchanged: base traffic, or lane SQL that touches no shadowed table.
	 */
	PASSED,

	/**
	 * The statement was refused and not executed.
	 */
	REJECTED;

	/**
	 * Returns the tag value, the lower-case name.
	 * @return the tag value
	 */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
