package dev.lanes.shadow.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.SqlMode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Checks that the database sessions read SQL the way the rewriter's lexer and parser do:
 * <ul>
 * <li>MySQL and MariaDB: the {@code sql_mode} flags {@code NO_BACKSLASH_ESCAPES} and
 * {@code ANSI_QUOTES} must be as configured ({@code lane.shadow.sql-mode}); under an
 * unexpected {@code NO_BACKSLASH_ESCAPES}, a literal such as {@code 'a\' UNION ...} ends
 * earlier for the server than for the parser. The client character set must not be one
 * where a multi-byte character may end with the byte of a backslash ({@code big5},
 * {@code cp932}, {@code gbk}, {@code gb18030}, {@code sjis}): the server would read that
 * byte as part of the character, where the rewriter reads an escape.</li>
 * <li>PostgreSQL: {@code standard_conforming_strings} must be as configured, and the
 * {@code client_encoding} not one of {@code BIG5}, {@code GBK}, {@code GB18030},
 * {@code SJIS}, {@code UHC}, {@code JOHAB}.</li>
 * </ul>
 * A database that cannot be reached at startup is reported in the log.
 */
final class MySqlModeCheck {

	private static final Log logger = LogFactory.getLog(MySqlModeCheck.class);

	// character sets with multi-byte characters whose trail byte may be 0x5C
	private static final Set<String> UNSAFE_CHARSETS = Set.of("big5", "cp932", "gbk", "gb18030", "sjis", "uhc", "johab",
			"shift_jis", "sjis_2004", "shift_jis_2004", "big5hkscs", "windows_932", "windows_936", "windows_949",
			"windows_950");

	private MySqlModeCheck() {
	}

	/**
	 * Reads the settings of a session of the data source.
	 * @param dataSource the base data source
	 * @param dialect the configured dialect
	 * @param expected the configured session settings
	 * @throws IllegalStateException when the session's settings differ from the expected
	 * ones or its character set is unsafe
	 */
	static void verify(DataSource dataSource, SqlDialect dialect, SqlMode expected) {
		String[] settings;
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			String version = connection.getMetaData().getDatabaseProductVersion();
			boolean mysql = isMySql(product) || isMySql(version);
			boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
			if ((dialect == SqlDialect.MYSQL) ? !mysql : !postgres) {
				logger.debug("Not checking the session settings of " + product);
				return;
			}
			settings = mysql ? read(connection, "SELECT @@SESSION.sql_mode, @@SESSION.character_set_client") : read(
					connection,
					"SELECT current_setting('standard_conforming_strings'), " + "current_setting('client_encoding')");
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not read the session settings of the database (" + ex.getMessage()
					+ "); the shadow rewriter needs them as lane.shadow.sql-mode says");
			return;
		}
		String charset = settings[1].toLowerCase(Locale.ROOT);
		if (UNSAFE_CHARSETS.contains(charset)) {
			throw new IllegalStateException("The database sessions use character set " + settings[1]
					+ ", in which a multi-byte character may end with the byte of a backslash, so the server could "
					+ "read SQL differently from the shadow rewriter; use a character set such as utf8mb4 or UTF8");
		}
		if (dialect == SqlDialect.MYSQL) {
			String mode = settings[0].toUpperCase(Locale.ROOT);
			mismatch("sql_mode NO_BACKSLASH_ESCAPES", mode.contains("NO_BACKSLASH_ESCAPES"),
					expected.noBackslashEscapes(), "lane.shadow.dialect=mysql with ",
					"lane.shadow.sql-mode.no-backslash-escapes");
			mismatch("sql_mode ANSI_QUOTES", mode.contains("ANSI_QUOTES"), expected.ansiQuotes(),
					"lane.shadow.dialect=mysql with ", "lane.shadow.sql-mode.ansi-quotes");
		}
		else {
			mismatch("standard_conforming_strings", "on".equalsIgnoreCase(settings[0]),
					expected.standardConformingStrings(), "lane.shadow.dialect=postgresql with ",
					"lane.shadow.sql-mode.standard-conforming-strings");
		}
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

	private static void mismatch(String setting, boolean actual, boolean expected, String context, String property) {
		if (actual != expected) {
			throw new IllegalStateException("The database sessions use " + setting + (actual ? "" : " off") + ", but "
					+ context + property + "=" + expected + ", so the shadow rewriter would read SQL differently "
					+ "from the server and could miss what it runs; set " + property + "=" + actual
					+ " or change the sessions");
		}
	}

	private static boolean isMySql(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.contains("mysql") || lower.contains("mariadb");
	}

}
