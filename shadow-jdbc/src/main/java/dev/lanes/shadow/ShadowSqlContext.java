package dev.lanes.shadow;

/**
 * What a {@link ShadowSqlTransformer} is asked to transform.
 *
 * @param lane the shadowed lane the statement runs in, never base
 * @param sql the SQL as the application wrote it
 * @param call the JDBC call that handed the SQL over
 */
public record ShadowSqlContext(String lane, String sql, JdbcCall call) {

	/**
	 * JDBC calls that hand SQL to a {@link ShadowDataSource}.
	 */
	public enum JdbcCall {

		/**
		 * {@code Statement.execute*} with the SQL.
		 */
		STATEMENT,

		/**
		 * {@code Statement.addBatch(String)}.
		 */
		BATCH,

		/**
		 * {@code Connection.prepareStatement}.
		 */
		PREPARE,

		/**
		 * {@code Connection.prepareCall}.
		 */
		PREPARE_CALL,

		/**
		 * {@code Connection.nativeSQL}.
		 */
		NATIVE_SQL

	}

}
