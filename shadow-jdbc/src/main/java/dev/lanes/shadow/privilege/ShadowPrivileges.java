package dev.lanes.shadow.privilege;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.lanes.shadow.ShadowRules;

/**
 * The shadow account's privileges for one set of rules: derives the {@code GRANT}
 * statements from the table policies and the database's catalog, applies them with an
 * administrator's connection, and verifies from the database's own view of the account
 * that it can reach nothing more.
 * <p>
 * Verification fails on: a privilege beyond the plan (global or database-wide privileges,
 * roles, a write privilege on a base or read-base table, any privilege on a denied table
 * or an unlisted view, {@code CREATE} on a PostgreSQL schema), and on objects that would
 * act with another account's rights for it: triggers on the tables it writes (on
 * PostgreSQL, those whose function is {@code SECURITY DEFINER}), views it may use that
 * are not invoker's rights, executable routines (MySQL, MariaDB) or
 * {@code SECURITY DEFINER} functions (PostgreSQL), PostgreSQL rules, and foreign keys
 * whose cascading action changes a table it may not write.
 */
public final class ShadowPrivileges {

	private final ShadowRules rules;

	private final DatabasePrivileges database;

	/**
	 * Creates the privileges of a set of rules.
	 * @param rules the shadow rules
	 */
	public ShadowPrivileges(ShadowRules rules) {
		this.rules = rules;
		this.database = DatabasePrivileges.of(rules.dialect());
	}

	/**
	 * Reads the catalog and derives the account's access to every table.
	 * @param base a data source of the application's account
	 * @return the plan
	 * @throws SQLException if the catalog cannot be read
	 */
	public AccessPlan plan(DataSource base) throws SQLException {
		try (Connection connection = base.getConnection()) {
			return AccessPlan.derive(this.rules, this.database.readCatalog(connection, this.rules));
		}
	}

	/**
	 * Returns the statements that grant the account exactly its plan.
	 * @param plan the plan
	 * @param account the shadow account
	 * @return the {@code GRANT} statements
	 */
	public List<String> grantStatements(AccessPlan plan, ShadowAccount account) {
		return this.database.grantStatements(plan, account);
	}

	/**
	 * Creates the account when missing, sets its password, takes all its privileges on
	 * the plan's schemas and grants it exactly its plan.
	 * @param admin a data source of an account that may create users and grant
	 * @param plan the plan
	 * @param account the shadow account
	 * @param password its password
	 * @return the statements run, the password masked
	 * @throws SQLException if a statement fails
	 */
	public List<String> apply(DataSource admin, AccessPlan plan, ShadowAccount account, String password)
			throws SQLException {
		List<String> executed = new ArrayList<>();
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			List<String> statements = new ArrayList<>(
					this.database.resetStatements(connection, plan, account, password));
			statements.addAll(grantStatements(plan, account));
			String masked = ShadowAccount.literal(password);
			for (String sql : statements) {
				statement.execute(sql);
				executed.add(sql.replace(masked, "'****'"));
			}
		}
		return executed;
	}

	/**
	 * Reads the catalog and verifies the account against the plan derived from it.
	 * @param base a data source of the application's account
	 * @param shadow a data source of the shadow account
	 * @param account the shadow account as configured, for the messages
	 * @throws ShadowPrivilegeException when the account can reach more than its plan
	 * @throws SQLException if the catalog cannot be read
	 */
	public void verify(DataSource base, DataSource shadow, ShadowAccount account) throws SQLException {
		verify(base, shadow, plan(base), account);
	}

	/**
	 * Verifies the account from the database's catalog.
	 * @param base a data source of the application's account
	 * @param shadow a data source of the shadow account
	 * @param plan the plan
	 * @param account the shadow account as configured, for the messages
	 * @throws ShadowPrivilegeException when the account can reach more than its plan
	 * @throws SQLException if the catalog cannot be read
	 */
	public void verify(DataSource base, DataSource shadow, AccessPlan plan, ShadowAccount account) throws SQLException {
		List<Violation> violations = new ArrayList<>();
		String baseDatabase;
		try (Connection connection = base.getConnection()) {
			baseDatabase = baseDatabase(connection);
			violations.addAll(this.database.checkDefinerRights(connection, plan, account.toString()));
		}
		try (Connection connection = shadow.getConnection()) {
			violations.addAll(0, this.database.verifyAccount(connection, plan, this.rules, baseDatabase));
		}
		if (!violations.isEmpty()) {
			throw new ShadowPrivilegeException(violations, grantStatements(plan, account));
		}
	}

	private static String baseDatabase(Connection connection) throws SQLException {
		String catalog = connection.getCatalog();
		return (catalog != null) ? catalog : "";
	}

}
