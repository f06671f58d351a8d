package dev.lanes.shadow.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import dev.lanes.shadow.SessionSettings;
import dev.lanes.shadow.ShadowRules;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Fails startup when the sessions of the application's data source read SQL differently
 * from the rewriter's configuration ({@link SessionSettings}); a database that cannot be
 * reached yet is reported in the log (shadowed lanes check again when they borrow a
 * connection).
 */
final class SessionSettingsStartupCheck {

	private static final Log logger = LogFactory.getLog(SessionSettingsStartupCheck.class);

	private SessionSettingsStartupCheck() {
	}

	/**
	 * Compares the settings of a session of the data source with the rules.
	 * @param dataSource the base data source
	 * @param rules the rules, with the dialect and the SQL mode
	 * @throws IllegalStateException when they differ or the character set is unsafe
	 */
	static void verify(DataSource dataSource, ShadowRules rules) {
		String problem;
		try (Connection connection = dataSource.getConnection()) {
			problem = SessionSettings.mismatch(connection, rules.dialect(), rules.sqlMode());
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not read the session settings of the database (" + ex.getMessage()
					+ "); the shadow rewriter needs them as lane.shadow.sql-mode says");
			return;
		}
		if (problem != null) {
			throw new IllegalStateException("The database sessions do not read SQL the way the shadow rewriter does "
					+ "(lane.shadow.dialect=" + rules.dialect().name().toLowerCase(Locale.ROOT) + "): " + problem);
		}
	}

}
