package dev.lanes.shadow.privilege;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;

/**
 * What differs between databases in the shadow account's privileges: reading the catalog,
 * writing the statements, and checking the account from the database's own view of it.
 */
interface DatabasePrivileges {

	/**
	 * Returns the implementation for a dialect.
	 */
	static DatabasePrivileges of(SqlDialect dialect) {
		return (dialect == SqlDialect.POSTGRESQL) ? new PostgresPrivileges() : new MySqlPrivileges();
	}

	/**
	 * Reads the tables and views of the connection's current schema (or database) and of
	 * the schemas the rules name.
	 */
	List<CatalogTable> readCatalog(Connection connection, ShadowRules rules) throws SQLException;

	/**
	 * Returns the statements that give the account exactly the plan's privileges, after
	 * {@link #resetStatements}.
	 */
	List<String> grantStatements(AccessPlan plan, ShadowAccount account);

	/**
	 * Returns the statements that create the account when missing, set its password and
	 * take every privilege it has on the plan's schemas.
	 */
	List<String> resetStatements(Connection admin, AccessPlan plan, ShadowAccount account, String password)
			throws SQLException;

	/**
	 * Lists what the account connected as can do beyond the plan, from the database's
	 * catalog.
	 * @param shadow a connection of the shadow account
	 * @param plan the plan (empty in database mode)
	 * @param baseDatabase in database mode, the base database the account must not reach
	 */
	List<Violation> verifyAccount(Connection shadow, AccessPlan plan, ShadowRules rules, String baseDatabase)
			throws SQLException;

	/**
	 * Lists the objects that would act with another account's rights on behalf of the
	 * shadow account: triggers, views, routines, rules and cascading foreign keys on what
	 * it may write.
	 * @param base a connection of the application's account
	 * @param plan the plan
	 */
	List<Violation> checkDefinerRights(Connection base, AccessPlan plan, String account) throws SQLException;

	/**
	 * Adds a violation for a foreign key whose action changes rows of a table the lanes
	 * may not write when they change a table they may.
	 */
	static void cascade(SchemaObject child, SchemaObject parent, String constraint, boolean cascading, AccessPlan plan,
			String account, List<Violation> violations) {
		if (cascading && plan.accessOf(parent) == TableAccess.WRITE && plan.accessOf(child) != TableAccess.WRITE) {
			violations.add(new Violation(account, "foreign key " + constraint + " of " + child + " on " + parent,
					"cascading action", "changing a row of " + parent + " would change rows of " + child
							+ ", which the lanes may not write"));
		}
	}

}
