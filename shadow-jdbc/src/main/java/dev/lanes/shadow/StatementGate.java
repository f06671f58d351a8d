package dev.lanes.shadow;

import java.sql.SQLException;

import dev.lanes.core.LaneContext;
import dev.lanes.core.Lanes;
import dev.lanes.shadow.ShadowSqlContext.JdbcCall;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one SQL string handed to a connection or statement, what SQL may run:
 * reads the current lane, rewrites in table mode, checks the connection's pool in
 * database mode, and reports the outcome.
 */
final class StatementGate {

	private final ShadowRules rules;

	private final ShadowSqlTransformer transformer;

	private final ShadowStatementListener listener;

	StatementGate(ShadowRules rules, ShadowSqlTransformer transformer, ShadowStatementListener listener) {
		this.rules = rules;
		this.transformer = transformer;
		this.listener = listener;
	}

	ShadowRules rules() {
		return this.rules;
	}

	/**
	 * Returns the SQL to hand to the driver.
	 * @param sql the application's SQL
	 * @param call the JDBC call handing it over
	 * @param shadowConnection whether the connection came from the shadow database
	 * @throws SQLException when the statement must not run
	 */
	String admit(String sql, JdbcCall call, boolean shadowConnection) throws SQLException {
		String lane = LaneContext.current();
		boolean shadowed = this.rules.isShadowed(lane);
		if (this.rules.mode() == ShadowMode.DATABASE) {
			if (shadowed != shadowConnection) {
				report(lane, ShadowOutcome.REJECTED, call);
				throw new ShadowRejectedException("Refused for lane '" + Lanes.label(lane) + "': the connection was "
						+ "checked out from the " + (shadowConnection ? "shadow" : "base")
						+ " database in another lane; nothing was executed");
			}
			report(lane, shadowed ? ShadowOutcome.ROUTED : ShadowOutcome.PASSED, call);
			return sql;
		}
		if (!shadowed) {
			report(lane, ShadowOutcome.PASSED, call);
			return sql;
		}
		String transformed;
		try {
			transformed = this.transformer.transform(new ShadowSqlContext(lane, sql, call));
		}
		catch (SQLException | RuntimeException ex) {
			report(lane, ShadowOutcome.REJECTED, call);
			throw ex;
		}
		report(lane, transformed.equals(sql) ? ShadowOutcome.PASSED : ShadowOutcome.REWRITTEN, call);
		return transformed;
	}

	private void report(@Nullable String lane, ShadowOutcome outcome, JdbcCall call) {
		if (call != JdbcCall.NATIVE_SQL) {
			this.listener.onStatement(lane, outcome);
		}
	}

}
