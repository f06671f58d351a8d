package dev.lanes.shadow.privilege;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.ShadowRules;
import org.jspecify.annotations.Nullable;

/**
 * The shadow account's privileges on MySQL and MariaDB. The account is checked from its
 * own {@code SHOW GRANTS} (and MariaDB's {@code SHOW GRANTS FOR PUBLIC}): only
 * {@code USAGE} globally, nothing database-wide, no role, no proxy, no grant option, and
 * on single tables only {@code SELECT} where the plan lets it read and
 * {@code INSERT, UPDATE, DELETE} where it lets it write.
 */
final class MySqlPrivileges implements DatabasePrivileges {

	private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE");

	private static final Set<String> CASCADING = Set.of("CASCADE", "SET NULL", "SET DEFAULT");

	@Override
	public List<CatalogTable> readCatalog(Connection connection, ShadowRules rules) throws SQLException {
		Set<String> schemas = schemas(connection, rules);
		List<CatalogTable> tables = new ArrayList<>();
		String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA IN ("
				+ placeholders(schemas.size()) + ") ORDER BY TABLE_SCHEMA, TABLE_NAME";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, schemas);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String type = rs.getString(3);
					if (!"SEQUENCE".equalsIgnoreCase(type)) {
						tables.add(new CatalogTable(new SchemaObject(rs.getString(1), rs.getString(2)),
								"VIEW".equalsIgnoreCase(type), List.of()));
					}
				}
			}
		}
		return tables;
	}

	private static Set<String> schemas(Connection connection, ShadowRules rules) throws SQLException {
		Set<String> schemas = new LinkedHashSet<>();
		String current = connection.getCatalog();
		if (current == null) {
			throw new SQLException("The connection names no database; add one to the JDBC URL");
		}
		schemas.add(current);
		for (String key : rules.tables().keySet()) {
			int dot = key.indexOf('.');
			if (dot > 0) {
				schemas.add(key.substring(0, dot));
			}
		}
		return schemas;
	}

	@Override
	public List<String> grantStatements(AccessPlan plan, ShadowAccount account) {
		List<String> grants = new ArrayList<>();
		for (CatalogTable table : plan.granted()) {
			String privileges = (plan.accessOf(table.object()) == TableAccess.WRITE) ? "SELECT, INSERT, UPDATE, DELETE"
					: "SELECT";
			grants.add("GRANT " + privileges + " ON " + table.object().quoted('`') + " TO " + account.mySqlName());
		}
		return grants;
	}

	@Override
	public List<String> resetStatements(Connection admin, AccessPlan plan, ShadowAccount account, String password) {
		String name = account.mySqlName();
		String secret = ShadowAccount.literal(password);
		return List.of("CREATE USER IF NOT EXISTS " + name + " IDENTIFIED BY " + secret,
				"ALTER USER " + name + " IDENTIFIED BY " + secret, "REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + name);
	}

	@Override
	public List<Violation> verifyAccount(Connection shadow, AccessPlan plan, ShadowRules rules, String baseDatabase)
			throws SQLException {
		String account = queryString(shadow, "SELECT CURRENT_USER()");
		List<Violation> violations = new ArrayList<>();
		for (String grant : grants(shadow, "SHOW GRANTS")) {
			check(grant, account, plan, rules, baseDatabase, violations);
		}
		// the same privileges as rows, so a grant line read wrongly cannot hide one
		for (MySqlGrant grant : informationSchemaGrants(shadow, account)) {
			check(grant, account, plan, rules, baseDatabase, violations);
		}
		List<String> publicGrants;
		try {
			publicGrants = grants(shadow, "SHOW GRANTS FOR PUBLIC");
		}
		catch (SQLException ex) {
			// MySQL and MariaDB before 10.11 have no PUBLIC grants
			publicGrants = List.of();
		}
		for (String grant : publicGrants) {
			check(grant, "PUBLIC", plan, rules, baseDatabase, violations);
		}
		return List.copyOf(new LinkedHashSet<>(violations));
	}

	private static List<MySqlGrant> informationSchemaGrants(Connection shadow, String account) throws SQLException {
		int at = account.lastIndexOf('@');
		String grantee = ShadowAccount.literal(account.substring(0, at)) + "@"
				+ ShadowAccount.literal(account.substring(at + 1));
		List<MySqlGrant> grants = new ArrayList<>();
		String[] queries = { "SELECT NULL, NULL, PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.USER_PRIVILEGES",
				"SELECT TABLE_SCHEMA, NULL, PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.SCHEMA_PRIVILEGES",
				"SELECT TABLE_SCHEMA, TABLE_NAME, PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.TABLE_PRIVILEGES",
				"SELECT TABLE_SCHEMA, TABLE_NAME, PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.COLUMN_PRIVILEGES" };
		for (String query : queries) {
			try (PreparedStatement statement = shadow.prepareStatement(query + " WHERE GRANTEE = ?")) {
				statement.setString(1, grantee);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						String schema = rs.getString(1);
						String table = rs.getString(2);
						grants.add(new MySqlGrant(List.of(rs.getString(3).toUpperCase(Locale.ROOT)), schema, table,
								false, "YES".equalsIgnoreCase(rs.getString(4)),
								((schema != null) ? schema : "*") + "." + ((table != null) ? table : "*")));
					}
				}
			}
		}
		return grants;
	}

	private static List<String> grants(Connection connection, String sql) throws SQLException {
		List<String> grants = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				grants.add(rs.getString(1));
			}
		}
		return grants;
	}

	private static void check(String grant, String account, AccessPlan plan, ShadowRules rules, String baseDatabase,
			List<Violation> violations) {
		MySqlGrant parsed = MySqlGrant.parse(grant);
		if (parsed == null) {
			violations.add(new Violation(account, "?", grant, "a grant Lanes cannot read, so it cannot tell what "
					+ "the account may do (roles and proxies are not allowed)"));
			return;
		}
		check(parsed, account, plan, rules, baseDatabase, violations);
	}

	private static void check(MySqlGrant parsed, String account, AccessPlan plan, ShadowRules rules,
			String baseDatabase, List<Violation> violations) {
		if (parsed.grantOption()) {
			violations.add(new Violation(account, parsed.target(), "GRANT OPTION",
					"the account could hand its privileges on"));
		}
		for (String privilege : parsed.privileges()) {
			String reason = reasonAgainst(parsed, privilege, plan, rules, baseDatabase);
			if (reason != null) {
				violations.add(new Violation(account, parsed.target(), privilege, reason));
			}
		}
	}

	private static @Nullable String reasonAgainst(MySqlGrant grant, String privilege, AccessPlan plan,
			ShadowRules rules, String baseDatabase) {
		if (privilege.equals("USAGE")) {
			return null;
		}
		if (grant.schema() == null) {
			return "a global privilege reaches every table";
		}
		if (rules.mode() == ShadowMode.DATABASE) {
			return grant.schema().equalsIgnoreCase(baseDatabase)
					? "the shadow database's account may not reach the base database " + baseDatabase : null;
		}
		if (grant.table() == null) {
			return "a database-wide privilege reaches base tables";
		}
		if (grant.routine()) {
			return "routines run with their definer's rights; the shadow account gets EXECUTE on no routine";
		}
		TableAccess access = plan.accessOf(new SchemaObject(grant.schema(), grant.table()));
		if (privilege.equals("SELECT") || privilege.equals("SHOW VIEW")) {
			return access.includes(TableAccess.READ) ? null : "the table's policy lets the lanes read nothing of it";
		}
		if (WRITES.contains(privilege)) {
			return (access == TableAccess.WRITE) ? null
					: "only shadow and shared tables may be written, and this one is " + describe(access);
		}
		return "only SELECT, INSERT, UPDATE and DELETE are granted on tables";
	}

	private static String describe(TableAccess access) {
		return (access == TableAccess.READ) ? "read-only to the lanes" : "closed to the lanes";
	}

	@Override
	public List<Violation> checkDefinerRights(Connection base, AccessPlan plan, String account) throws SQLException {
		List<Violation> violations = new ArrayList<>();
		try (Statement statement = base.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("SELECT EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, TRIGGER_SCHEMA, "
						+ "TRIGGER_NAME FROM information_schema.TRIGGERS")) {
				while (rs.next()) {
					SchemaObject table = new SchemaObject(rs.getString(1), rs.getString(2));
					if (plan.accessOf(table) == TableAccess.WRITE) {
						violations.add(new Violation(account,
								"trigger " + rs.getString(3) + "." + rs.getString(4) + " of table " + table,
								"definer rights",
								"a trigger runs with its definer's rights when the lanes write the table; drop it "
										+ "from the shadow table or make the table read-base"));
					}
				}
			}
			try (ResultSet rs = statement
				.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, SECURITY_TYPE FROM information_schema.VIEWS")) {
				while (rs.next()) {
					SchemaObject view = new SchemaObject(rs.getString(1), rs.getString(2));
					if (plan.accessOf(view) != TableAccess.NONE && !"INVOKER".equalsIgnoreCase(rs.getString(3))) {
						violations.add(new Violation(account, "view " + view, "definer rights",
								"a view the lanes may use must be SQL SECURITY INVOKER"));
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT CONSTRAINT_SCHEMA, TABLE_NAME, "
					+ "UNIQUE_CONSTRAINT_SCHEMA, REFERENCED_TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE "
					+ "FROM information_schema.REFERENTIAL_CONSTRAINTS")) {
				while (rs.next()) {
					DatabasePrivileges.cascade(new SchemaObject(rs.getString(1), rs.getString(2)),
							new SchemaObject(rs.getString(3), rs.getString(4)), rs.getString(5),
							CASCADING.contains(rs.getString(6).toUpperCase(Locale.ROOT))
									|| CASCADING.contains(rs.getString(7).toUpperCase(Locale.ROOT)),
							plan, account, violations);
				}
			}
		}
		return violations;
	}

	private static String queryString(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	static String placeholders(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

	static void bind(PreparedStatement statement, Set<String> values) throws SQLException {
		int index = 1;
		for (String value : values) {
			statement.setString(index++, value);
		}
	}

}
