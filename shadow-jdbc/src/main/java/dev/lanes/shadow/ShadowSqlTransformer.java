package dev.lanes.shadow;

import java.sql.SQLException;

/**
 * Turns the SQL of a shadowed lane into SQL that touches only shadow data. The
 * {@link ShadowDataSource} calls it for every SQL string of a shadowed lane in table
 * mode; base-lane SQL never reaches it.
 * <p>
 * Implementations must be thread-safe. To refuse a statement, throw an
 * {@link SQLException} (preferably {@link ShadowRejectedException}); it reaches the
 * application and the statement is not executed.
 *
 * @see dev.lanes.shadow.rewrite.ShadowTableRewriter
 */
@FunctionalInterface
public interface ShadowSqlTransformer {

	/**
	 * Transforms one SQL string.
	 * @param context the SQL and what it is for
	 * @return the SQL to send to the driver, or the original SQL to leave it unchanged
	 * @throws SQLException to refuse the statement
	 */
	String transform(ShadowSqlContext context) throws SQLException;

}
