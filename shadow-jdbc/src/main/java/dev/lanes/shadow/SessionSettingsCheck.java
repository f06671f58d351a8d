package dev.lanes.shadow;

import java.sql.Connection;
import java.sql.SQLException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Checks, before a shadowed lane uses a connection in table mode, that the session reads
 * SQL text the way the rewriter does ({@link SessionSettings}).
 * <p>
 * A physical connection of the shadow account's pool is checked once: shadowed lanes
 * cannot change session settings (the rewriter refuses {@code SET} of session variables
 * and {@code set_config}) and no other traffic uses that pool. Where shadowed lanes share
 * base connections ({@link ShadowEnforcement#REWRITE_ONLY}), base traffic may change them
 * at any time, so each borrow is checked, at the cost of one query.
 */
final class SessionSettingsCheck {

	private final ShadowRules rules;

	private final boolean everyBorrow;

	private final Cache<Connection, Boolean> checked = Caffeine.newBuilder().weakKeys().build();

	SessionSettingsCheck(ShadowRules rules, boolean everyBorrow) {
		this.rules = rules;
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
		Connection physical = physical(connection);
		if (!this.everyBorrow && physical != null && this.checked.getIfPresent(physical) != null) {
			return;
		}
		String problem = SessionSettings.mismatch(connection, this.rules.dialect(), this.rules.sqlMode());
		if (problem != null) {
			throw new ShadowRejectedException("Refused for lane '" + lane + "': " + problem
					+ "; the server could read SQL text differently from the shadow rewriter; nothing was executed");
		}
		if (physical != null) {
			this.checked.put(physical, Boolean.TRUE);
		}
	}

	// a pool's connection unwraps to the driver's; a connection that unwraps to itself is
	// the driver's (or a pool's that hides it, and then each borrow is checked)
	private static @Nullable Connection physical(Connection connection) {
		try {
			return connection.unwrap(Connection.class);
		}
		catch (SQLException | RuntimeException ex) {
			return null;
		}
	}

}
