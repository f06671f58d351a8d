package dev.lanes.shadow.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Checks that MySQL or MariaDB sessions read string literals the way the rewriter's
 * {@code mysql} dialect parses them: with backslash escapes. Under the
 * {@code NO_BACKSLASH_ESCAPES} SQL mode, a literal such as {@code 'a\' UNION ...} ends
 * earlier for the server than for the parser, which would then have checked less SQL than
 * the server runs. Other databases are not checked; a database that cannot be reached at
 * startup is reported in the log.
 */
final class MySqlModeCheck {

	private static final Log logger = LogFactory.getLog(MySqlModeCheck.class);

	private MySqlModeCheck() {
	}

	/**
	 * Reads the SQL mode of a session of the data source.
	 * @param dataSource the base data source
	 * @throws IllegalStateException when the mode holds {@code NO_BACKSLASH_ESCAPES}
	 */
	static void verify(DataSource dataSource) {
		String mode;
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			String version = connection.getMetaData().getDatabaseProductVersion();
			if (!isMySql(product) && !isMySql(version)) {
				logger.debug("Not checking the sql_mode of " + product);
				return;
			}
			try (Statement statement = connection.createStatement();
					ResultSet resultSet = statement.executeQuery("SELECT @@SESSION.sql_mode")) {
				mode = resultSet.next() ? resultSet.getString(1) : null;
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not read the sql_mode of the database sessions (" + ex.getMessage()
					+ "); lane.shadow.dialect=mysql needs it without NO_BACKSLASH_ESCAPES");
			return;
		}
		if (mode != null && mode.toUpperCase(Locale.ROOT).contains("NO_BACKSLASH_ESCAPES")) {
			throw new IllegalStateException("The database sessions use sql_mode NO_BACKSLASH_ESCAPES, but "
					+ "lane.shadow.dialect=mysql parses string literals with backslash escapes, so the server "
					+ "could run SQL the shadow rewriter never read; remove NO_BACKSLASH_ESCAPES from the "
					+ "sessions' sql_mode");
		}
	}

	private static boolean isMySql(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.contains("mysql") || lower.contains("mariadb");
	}

}
