package dev.lanes.shadow;

import java.sql.SQLException;
import java.util.Objects;

import dev.lanes.core.LaneContext;
import dev.lanes.core.Lanes;
import dev.lanes.shadow.ShadowSqlContext.JdbcCall;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one SQL string handed to a connection or statement, what SQL may run:
 * checks that the current lane is the lane the connection was borrowed in, rewrites in
 * table mode, and reports the outcome.
 * <p>
 * Connections, statements and result sets are pinned to a <em>data lane</em>: the
 * shadowed lane current when the connection was borrowed, or {@code null} for base data
 * (no lane, or a lane that is not shadowed). Using one while another data lane is current
 * is refused, whatever the mode.
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
	 * Returns the data lane of the current thread's work: the current lane when it is
	 * shadowed, else {@code null}.
	 */
	@Nullable String dataLane() {
		String lane = LaneContext.current();
		return this.rules.isShadowed(lane) ? lane : null;
	}

	/**
	 * Refuses the call unless the current data lane is the one a JDBC object is pinned
	 * to.
	 * @param pinned the data lane the object was created in
	 * @param object what is used, for the message ("connection", "statement", ...)
	 * @throws ShadowRejectedException when another data lane is current
	 */
	void checkPinned(@Nullable String pinned, String object) throws ShadowRejectedException {
		String lane = LaneContext.current();
		String current = this.rules.isShadowed(lane) ? lane : null;
		if (!Objects.equals(current, pinned)) {
			this.listener.onStatement(lane, ShadowOutcome.REJECTED);
			throw new ShadowRejectedException("Refused: the " + object + " belongs to lane '" + Lanes.label(pinned)
					+ "' but lane '" + Lanes.label(lane) + "' is current" + ((current == null) ? " (base data)" : "")
					+ "; JDBC objects are used in the lane they were created in; nothing was executed");
		}
	}

	/**
	 * Refuses a call that shadowed lanes may not make.
	 * @param pinned the data lane of the connection or statement
	 * @param what the refused call and why
	 * @throws ShadowRejectedException when {@code pinned} is a shadowed lane
	 */
	void refuseInShadowedLane(@Nullable String pinned, String what) throws ShadowRejectedException {
		if (pinned != null) {
			this.listener.onStatement(pinned, ShadowOutcome.REJECTED);
			throw new ShadowRejectedException("Refused for lane '" + pinned + "': " + what + "; nothing was executed");
		}
	}

	/**
	 * Returns the SQL to hand to the driver.
	 * @param sql the application's SQL
	 * @param call the JDBC call handing it over
	 * @param pinned the data lane the connection or statement belongs to
	 * @throws SQLException when the statement must not run
	 */
	String admit(String sql, JdbcCall call, @Nullable String pinned) throws SQLException {
		checkPinned(pinned, (call == JdbcCall.STATEMENT || call == JdbcCall.BATCH) ? "statement" : "connection");
		if (pinned == null) {
			report(LaneContext.current(), ShadowOutcome.PASSED, call);
			return sql;
		}
		if (this.rules.mode() == ShadowMode.DATABASE) {
			report(pinned, ShadowOutcome.ROUTED, call);
			return sql;
		}
		String transformed;
		try {
			transformed = this.transformer.transform(new ShadowSqlContext(pinned, sql, call));
		}
		catch (SQLException ex) {
			report(pinned, ShadowOutcome.REJECTED, call);
			throw ex;
		}
		catch (RuntimeException | LinkageError | StackOverflowError ex) {
			// a transformer that fails is a refusal, never a statement run unchecked
			report(pinned, ShadowOutcome.REJECTED, call);
			throw new ShadowRejectedException(
					"Refused for lane '" + pinned + "': the SQL transformer failed (" + ex + "); nothing was executed");
		}
		report(pinned, transformed.equals(sql) ? ShadowOutcome.PASSED : ShadowOutcome.REWRITTEN, call);
		return transformed;
	}

	private void report(@Nullable String lane, ShadowOutcome outcome, JdbcCall call) {
		if (call != JdbcCall.NATIVE_SQL) {
			this.listener.onStatement(lane, outcome);
		}
	}

}
