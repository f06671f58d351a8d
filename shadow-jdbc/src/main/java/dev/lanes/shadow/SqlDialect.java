package dev.lanes.shadow;

/**
 * SQL dialect of the database behind a {@link ShadowDataSource}: decides how SQL is
 * parsed and how shadow tables are created.
 */
public enum SqlDialect {

	/**
	 * MySQL and MariaDB: backslash escapes in strings, {@code #} line comments, backtick
	 * quoting, {@code CREATE TABLE ... LIKE ...}.
	 */
	MYSQL,

	/**
	 * PostgreSQL: standard strings, double-quote quoting,
	 * {@code CREATE TABLE ... (LIKE ... INCLUDING ALL)}.
	 */
	POSTGRESQL

}
