package dev.lanes.shadow;

/**
 * What keeps the statements of shadowed lanes off base data besides the rewriter.
 */
public enum ShadowEnforcement {

	/**
	 * Shadowed-lane statements run on connections of a shadow account whose database
	 * privileges allow writing only shadow and shared tables, so a statement the rewriter
	 * gets wrong is refused by the database. In database mode the shadow account is the
	 * shadow database's account, which must have no privilege on the base database.
	 */
	PRIVILEGES,

	/**
	 * Shadowed-lane statements run on the application's own connections and only the
	 * rewriter (table mode) or the connection routing (database mode) guards base data.
	 * For databases where a second account is impossible.
	 */
	REWRITE_ONLY

}
