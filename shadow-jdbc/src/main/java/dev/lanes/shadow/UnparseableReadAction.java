package dev.lanes.shadow;

/**
 * What to do with a shadowed-lane read that the rewriter cannot parse. Unparseable writes
 * are always refused.
 */
public enum UnparseableReadAction {

	/**
	 * Refuse the statement.
	 */
	REJECT,

	/**
	 * Run the statement unchanged, reading base tables.
	 */
	BASE

}
