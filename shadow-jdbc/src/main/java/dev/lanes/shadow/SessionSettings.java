package dev.lanes.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The settings of a database session that decide how the server splits SQL into tokens,
 * compared with the ones the rewriter's lexer and parser read with ({@link SqlMode}):
 * <ul>
 * <li>MySQL and MariaDB: the {@code sql_mode} flags {@code NO_BACKSLASH_ESCAPES} and
 * {@code ANSI_QUOTES}; under an unexpected {@code NO_BACKSLASH_ESCAPES} a literal such as
 * {@code 'a\' UNION ...} ends earlier for the server than for the parser.</li>
 * <li>PostgreSQL: {@code standard_conforming_strings}.</li>
 * <li>Both: a client character set in which no multi-byte character can end in the byte
 * of a backslash (not Big5, CP932, GBK, GB18030, SJIS, UHC, JOHAB and their
 * aliases).</li>
 * </ul>
 * Other databases (H2 in a compatibility mode, say) are not compared. Checked at startup
 * by the auto-configuration and, for shadowed lanes, when they borrow a connection.
 */
public final class SessionSettings {

	// character sets with multi-byte characters whose trail byte may be 0x5C
	private static final Set<String> UNSAFE_CHARSETS = Set.of("big5", "cp932", "gbk", "gb18030", "sjis", "uhc", "johab",
			"shift_jis", "sjis_2004", "shift_jis_2004", "big5hkscs", "windows_932", "windows_936", "windows_949",
			"windows_950");

	private SessionSettings() {
	}

	/**
	 * Returns what in a session's settings differs from what the rewriter reads SQL with.
	 * @param connection a connection of the session
	 * @param dialect the configured dialect
	 * @param expected the configured settings
	 * @return the difference, naming the setting and the property to change, or
	 * {@code null} when they agree or the database is not one the dialect names
	 * @throws SQLException if the settings cannot be read
	 */
	public static @Nullable String mismatch(Connection connection, SqlDialect dialect, SqlMode expected)
			throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		if (dialect == SqlDialect.POSTGRESQL) {
			if (!product.contains("postgres")) {
				return null;
			}
			String[] settings = read(connection,
					"SELECT current_setting('standard_conforming_strings'), current_setting('client_encoding')");
			String charset = charsetProblem(settings[1]);
			return (charset != null) ? charset : flag("standard_conforming_strings", "on".equalsIgnoreCase(settings[0]),
					expected.standardConformingStrings(), "lane.shadow.sql-mode.standard-conforming-strings");
		}
		if (!product.contains("mysql") && !product.contains("mariadb")) {
			return null;
		}
		String[] settings = read(connection, "SELECT @@SESSION.sql_mode, @@SESSION.character_set_client");
		String mode = settings[0].toUpperCase(Locale.ROOT);
		String problem = charsetProblem(settings[1]);
		if (problem == null) {
			problem = flag("sql_mode NO_BACKSLASH_ESCAPES", mode.contains("NO_BACKSLASH_ESCAPES"),
					expected.noBackslashEscapes(), "lane.shadow.sql-mode.no-backslash-escapes");
		}
		return (problem != null) ? problem : flag("sql_mode ANSI_QUOTES", mode.contains("ANSI_QUOTES"),
				expected.ansiQuotes(), "lane.shadow.sql-mode.ansi-quotes");
	}

	private static @Nullable String charsetProblem(String charset) {
		if (UNSAFE_CHARSETS.contains(charset.toLowerCase(Locale.ROOT))) {
			return "the session uses character set " + charset + ", in which a multi-byte character may end with "
					+ "the byte of a backslash; use a character set such as utf8mb4 or UTF8";
		}
		return null;
	}

	private static @Nullable String flag(String setting, boolean actual, boolean expected, String property) {
		if (actual == expected) {
			return null;
		}
		return "the session uses " + setting + (actual ? "" : " off") + ", but " + property + "=" + expected + "; set "
				+ property + "=" + actual + " or change the sessions";
	}

	private static String[] read(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
			if (!resultSet.next()) {
				throw new SQLException("no row from " + sql);
			}
			String first = resultSet.getString(1);
			String second = resultSet.getString(2);
			return new String[] { (first != null) ? first : "", (second != null) ? second : "" };
		}
	}

}
