package dev.lanes.shadow;

/**
 * The session settings that change how the database server splits SQL into tokens, and
 * therefore how the shadow rewriter must read it. They must match the sessions of the
 * wrapped data source: the rewriter checks every statement of a shadowed lane against a
 * lexer that follows the server's rules under these settings.
 *
 * @param ansiQuotes MySQL/MariaDB {@code sql_mode} {@code ANSI_QUOTES}: double quotes
 * delimit identifiers instead of strings
 * @param noBackslashEscapes MySQL/MariaDB {@code sql_mode} {@code NO_BACKSLASH_ESCAPES}:
 * a backslash in a string is an ordinary character
 * @param standardConformingStrings PostgreSQL {@code standard_conforming_strings}: a
 * backslash in a plain {@code '...'} string is an ordinary character (on by default since
 * PostgreSQL 9.1)
 */
public record SqlMode(boolean ansiQuotes, boolean noBackslashEscapes, boolean standardConformingStrings) {

	/**
	 * The servers' defaults: no {@code ANSI_QUOTES}, no {@code NO_BACKSLASH_ESCAPES},
	 * {@code standard_conforming_strings} on.
	 */
	public static final SqlMode DEFAULT = new SqlMode(false, false, true);

	/**
	 * Returns this mode with {@code ANSI_QUOTES} set as given.
	 * @param ansiQuotes whether double quotes delimit identifiers
	 * @return the mode
	 */
	public SqlMode withAnsiQuotes(boolean ansiQuotes) {
		return new SqlMode(ansiQuotes, this.noBackslashEscapes, this.standardConformingStrings);
	}

	/**
	 * Returns this mode with {@code NO_BACKSLASH_ESCAPES} set as given.
	 * @param noBackslashEscapes whether backslashes in strings are ordinary characters
	 * @return the mode
	 */
	public SqlMode withNoBackslashEscapes(boolean noBackslashEscapes) {
		return new SqlMode(this.ansiQuotes, noBackslashEscapes, this.standardConformingStrings);
	}

	/**
	 * Returns this mode with {@code standard_conforming_strings} set as given.
	 * @param standardConformingStrings whether backslashes in plain strings are ordinary
	 * characters
	 * @return the mode
	 */
	public SqlMode withStandardConformingStrings(boolean standardConformingStrings) {
		return new SqlMode(this.ansiQuotes, this.noBackslashEscapes, standardConformingStrings);
	}

}
