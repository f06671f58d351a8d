package dev.lanes.shadow;

import java.sql.SQLException;

/**
 * Thrown instead of running a shadowed-lane statement that could touch base data. Nothing
 * was sent to the database.
 */
public class ShadowRejectedException extends SQLException {

	/**
	 * SQL state of a refused statement (syntax error or access rule violation class).
	 */
	public static final String SQL_STATE = "42000";

	/**
	 * Creates an exception with the reason the statement was refused.
	 * @param message the reason, naming the table or the parse error
	 */
	public ShadowRejectedException(String message) {
		super(message, SQL_STATE);
	}

}
