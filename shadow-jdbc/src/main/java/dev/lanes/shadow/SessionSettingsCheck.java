package dev.lanes.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Checks, before a shadowed lane uses a connection in table mode, that the session reads
 * SQL text the way the rewriter does: on MySQL and MariaDB a {@code sql_mode} without
 * {@code NO_BACKSLASH_ESCAPES}, on PostgreSQL {@code standard_conforming_strings=on}, and
 * on both a client character set in which no multi-byte character can end in the byte of
 * a backslash or a quote (not Big5, CP932, GBK, GB18030, SJIS, UHC or JOHAB), since the
 * server would then split a string literal where the parser does not.
 * <p>
 * A physical connection of the shadow account's pool is checked once: shadowed lanes
 * cannot change session settings (the rewriter refuses {@code SET} of session variables)
 * and no other traffic uses that pool. Where shadowed lanes share base connections
 * ({@link ShadowEnforcement#REWRITE_ONLY}), base traffic may change them at any time, so
 * each borrow is checked, at the cost of one query. Other databases than MySQL, MariaDB
 * and PostgreSQL (H2 in a compatibility mode, say) are not checked.
 */
final class SessionSettingsCheck {

	private static final Set<String> UNSAFE_CHARSETS = Set.of("big5", "cp932", "gbk", "gb18030", "sjis", "uhc", "johab",
			"shift_jis", "windows_932", "windows_936", "windows_949", "windows_950");

	private final SqlDialect dialect;

	private final boolean everyBorrow;

	private final Cache<Connection, Boolean> checked = Caffeine.newBuilder().weakKeys().build();

	private volatile @Nullable Boolean knownDatabase;

	SessionSettingsCheck(SqlDialect dialect, boolean everyBorrow) {
		this.dialect = dialect;
		this.everyBorrow = everyBorrow;
	}

	/**
	 * Checks a connection borrowed by a shadowed lane.
	 * @param connection the pool's connection
	 * @param lane the shadowed lane
	 * @throws SQLException when the settings cannot be read, or a
	 * {@link ShadowRejectedException} when they differ from what the rewriter expects
	 */
	void verify(Connection connection, String lane) throws SQLException {
		if (!isKnownDatabase(connection)) {
			return;
		}
		Connection physical = physical(connection);
		if (!this.everyBorrow && physical != null && this.checked.getIfPresent(physical) != null) {
			return;
		}
		String problem = (this.dialect == SqlDialect.POSTGRESQL) ? postgresProblem(connection)
				: mySqlProblem(connection);
		if (problem != null) {
			throw new ShadowRejectedException("Refused for lane '" + lane + "': the database session " + problem
					+ ", so the server could read SQL text differently from the shadow rewriter; nothing was executed");
		}
		if (physical != null) {
			this.checked.put(physical, Boolean.TRUE);
		}
	}

	private boolean isKnownDatabase(Connection connection) throws SQLException {
		Boolean known = this.knownDatabase;
		if (known == null) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			known = (this.dialect == SqlDialect.POSTGRESQL) ? product.contains("postgres")
					: product.contains("mysql") || product.contains("mariadb");
			this.knownDatabase = known;
		}
		return known;
	}

	private static @Nullable String mySqlProblem(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.character_set_client")) {
			rs.next();
			String mode = String.valueOf(rs.getString(1)).toUpperCase(Locale.ROOT);
			if (mode.contains("NO_BACKSLASH_ESCAPES")) {
				return "uses sql_mode NO_BACKSLASH_ESCAPES";
			}
			return charsetProblem(rs.getString(2));
		}
	}

	private static @Nullable String postgresProblem(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_setting('standard_conforming_strings'), "
						+ "current_setting('client_encoding')")) {
			rs.next();
			if (!"on".equalsIgnoreCase(rs.getString(1))) {
				return "has standard_conforming_strings=" + rs.getString(1);
			}
			return charsetProblem(rs.getString(2));
		}
	}

	private static @Nullable String charsetProblem(@Nullable String charset) {
		if (charset != null && UNSAFE_CHARSETS.contains(charset.toLowerCase(Locale.ROOT))) {
			return "uses client character set " + charset + ", in which a multi-byte character can swallow a "
					+ "backslash";
		}
		return null;
	}

	private static @Nullable Connection physical(Connection connection) {
		// a pool's connection unwraps to the driver's; a connection that unwraps to
		// itself
		// is the driver's (or a pool's that hides it, and then each borrow is checked)
		try {
			return connection.unwrap(Connection.class);
		}
		catch (SQLException | RuntimeException ex) {
			return null;
		}
	}

}
