package dev.lanes.shadow;

/**
 * How shadowed-lane statements reach shadow data.
 */
public enum ShadowMode {

	/**
	 * Statements are rewritten to use shadow tables in the same database.
	 */
	TABLE,

	/**
	 * Connections come from a separate shadow data source; SQL is not rewritten.
	 */
	DATABASE

}
