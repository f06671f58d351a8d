package dev.lanes.shadow.privilege;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.ShadowRules;

/**
 * The shadow account's privileges on PostgreSQL. The account is checked as the database
 * sees it, through {@code has_table_privilege} and its kin, so privileges held through
 * {@code PUBLIC}, role membership or ownership all count: no superuser, no role
 * membership, no {@code CREATE} on a schema, no executable {@code SECURITY DEFINER}
 * function, and on every relation only what the plan allows.
 */
final class PostgresPrivileges implements DatabasePrivileges {

	private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
			+ "AND n.nspname NOT LIKE 'pg\\_%'";

	private static final Set<String> CASCADING = Set.of("c", "n", "d");

	// an aclexplode() row granted to PUBLIC (grantee 0) or to a role the account uses
	private static final String GRANTED_TO_ACCOUNT = "CASE WHEN a.grantee = 0 THEN true "
			+ "ELSE pg_has_role(a.grantee, 'USAGE') END";

	@Override
	public List<CatalogTable> readCatalog(Connection connection, ShadowRules rules) throws SQLException {
		Set<String> schemas = new LinkedHashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT unnest(current_schemas(false))")) {
			while (rs.next()) {
				schemas.add(rs.getString(1));
			}
		}
		for (String key : rules.tables().keySet()) {
			int dot = key.indexOf('.');
			if (dot > 0) {
				schemas.add(key.substring(0, dot));
			}
		}
		Map<Long, List<SchemaObject>> sequences = sequences(connection);
		List<CatalogTable> tables = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT n.nspname, c.relname, c.relkind, c.oid "
				+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY (?) ORDER BY 1, 2")) {
			Array array = connection.createArrayOf("text", schemas.toArray());
			statement.setArray(1, array);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String kind = rs.getString(3);
					tables.add(new CatalogTable(new SchemaObject(rs.getString(1), rs.getString(2)),
							kind.equals("v") || kind.equals("m"), sequences.getOrDefault(rs.getLong(4), List.of())));
				}
			}
		}
		return tables;
	}

	// the sequences each table's column defaults draw from (serial columns, and the base
	// table's sequence that CREATE TABLE ... (LIKE ... INCLUDING ALL) copies)
	private static Map<Long, List<SchemaObject>> sequences(Connection connection) throws SQLException {
		Map<Long, List<SchemaObject>> sequences = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT DISTINCT ad.adrelid, sn.nspname, s.relname "
						+ "FROM pg_attrdef ad JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass "
						+ "AND d.objid = ad.oid AND d.refclassid = 'pg_class'::regclass "
						+ "JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S' "
						+ "JOIN pg_namespace sn ON sn.oid = s.relnamespace")) {
			while (rs.next()) {
				sequences.computeIfAbsent(rs.getLong(1), (oid) -> new ArrayList<>())
					.add(new SchemaObject(rs.getString(2), rs.getString(3)));
			}
		}
		return sequences;
	}

	@Override
	public List<String> grantStatements(AccessPlan plan, ShadowAccount account) {
		String role = account.postgresName();
		List<String> grants = new ArrayList<>();
		Set<String> schemas = new LinkedHashSet<>();
		Set<SchemaObject> sequences = plan.sequences();
		List<String> tableGrants = new ArrayList<>();
		for (CatalogTable table : plan.granted()) {
			boolean write = plan.accessOf(table.object()) == TableAccess.WRITE;
			schemas.add(table.object().schema());
			tableGrants.add("GRANT " + (write ? "SELECT, INSERT, UPDATE, DELETE" : "SELECT") + " ON TABLE "
					+ table.object().quoted('"') + " TO " + role);
		}
		for (String schema : schemas) {
			grants.add("GRANT USAGE ON SCHEMA " + SchemaObject.quote(schema, '"') + " TO " + role);
		}
		for (SchemaObject sequence : sequences) {
			if (schemas.add(sequence.schema())) {
				grants.add("GRANT USAGE ON SCHEMA " + SchemaObject.quote(sequence.schema(), '"') + " TO " + role);
			}
		}
		grants.addAll(tableGrants);
		for (SchemaObject sequence : sequences) {
			grants.add("GRANT USAGE ON SEQUENCE " + sequence.quoted('"') + " TO " + role);
		}
		return grants;
	}

	@Override
	public List<String> resetStatements(Connection admin, AccessPlan plan, ShadowAccount account, String password)
			throws SQLException {
		String role = account.postgresName();
		boolean exists;
		try (PreparedStatement statement = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			statement.setString(1, account.username());
			try (ResultSet rs = statement.executeQuery()) {
				exists = rs.next();
			}
		}
		List<String> statements = new ArrayList<>();
		statements.add((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN NOSUPERUSER NOCREATEDB "
				+ "NOCREATEROLE NOREPLICATION PASSWORD " + ShadowAccount.literal(password));
		Set<String> schemas = new LinkedHashSet<>();
		plan.access().keySet().forEach((object) -> schemas.add(object.schema()));
		for (String schema : schemas) {
			String quoted = SchemaObject.quote(schema, '"');
			statements.add("REVOKE ALL ON ALL TABLES IN SCHEMA " + quoted + " FROM " + role);
			statements.add("REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + quoted + " FROM " + role);
			statements.add("REVOKE ALL ON SCHEMA " + quoted + " FROM " + role);
		}
		return statements;
	}

	@Override
	public List<Violation> verifyAccount(Connection shadow, AccessPlan plan, ShadowRules rules, String baseDatabase)
			throws SQLException {
		List<Violation> violations = new ArrayList<>();
		String account;
		try (Statement statement = shadow.createStatement()) {
			try (ResultSet rs = statement.executeQuery(
					"SELECT current_user, rolsuper, rolcreaterole " + "FROM pg_roles WHERE rolname = current_user")) {
				rs.next();
				account = rs.getString(1);
				if (rs.getBoolean(2)) {
					violations.add(new Violation(account, "the database", "SUPERUSER", "a superuser may do anything"));
				}
				if (rs.getBoolean(3)) {
					violations.add(new Violation(account, "the database", "CREATEROLE",
							"the account could grant itself other roles"));
				}
			}
			try (ResultSet rs = statement.executeQuery(
					"SELECT r.rolname FROM pg_auth_members m " + "JOIN pg_roles r ON r.oid = m.roleid WHERE m.member = "
							+ "(SELECT oid FROM pg_roles WHERE rolname = current_user)")) {
				while (rs.next()) {
					violations.add(new Violation(account, "role " + rs.getString(1), "membership",
							"a member may act with the role's privileges (SET ROLE); grant the privileges directly"));
				}
			}
			if (rules.mode() == ShadowMode.DATABASE) {
				try (PreparedStatement connect = shadow.prepareStatement(
						"SELECT coalesce((SELECT has_database_privilege(d.oid, 'CONNECT') FROM pg_database d "
								+ "WHERE d.datname = ?), false) OR current_database() = ?")) {
					connect.setString(1, baseDatabase);
					connect.setString(2, baseDatabase);
					try (ResultSet rs = connect.executeQuery()) {
						if (rs.next() && rs.getBoolean(1)) {
							violations.add(new Violation(account, "database " + baseDatabase, "CONNECT",
									"the shadow database's account may not reach the base database (revoke CONNECT, "
											+ "also from PUBLIC)"));
						}
					}
				}
				return violations;
			}
			try (ResultSet rs = statement.executeQuery("SELECT n.nspname FROM pg_namespace n "
					+ "WHERE has_schema_privilege(n.oid, 'CREATE') AND " + USER_SCHEMAS)) {
				while (rs.next()) {
					violations.add(new Violation(account, "schema " + rs.getString(1), "CREATE",
							"objects the account creates could be run by base traffic; revoke CREATE, also from "
									+ "PUBLIC"));
				}
			}
			try (ResultSet rs = statement.executeQuery(
					"SELECT n.nspname, p.proname FROM pg_proc p " + "JOIN pg_namespace n ON n.oid = p.pronamespace "
							+ "WHERE p.prosecdef AND has_function_privilege(p.oid, 'EXECUTE') AND " + USER_SCHEMAS)) {
				while (rs.next()) {
					violations.add(new Violation(account, "function " + rs.getString(1) + "." + rs.getString(2),
							"EXECUTE", "a SECURITY DEFINER function runs with its owner's rights; revoke EXECUTE, "
									+ "also from PUBLIC"));
				}
			}
			checkRelations(statement, account, plan, violations);
			checkSequences(statement, account, plan, violations);
			checkInheritance(statement, account, plan, violations);
			checkLargeObjects(statement, account, violations);
			checkDefaultPrivileges(statement, account, violations);
			checkRoleSettings(statement, account, violations);
		}
		return violations;
	}

	private static void checkSequences(Statement statement, String account, AccessPlan plan, List<Violation> violations)
			throws SQLException {
		try (ResultSet rs = statement
			.executeQuery("SELECT n.nspname, c.relname, has_sequence_privilege(c.oid, 'USAGE'), "
					+ "has_sequence_privilege(c.oid, 'SELECT'), has_sequence_privilege(c.oid, 'UPDATE'), "
					+ "pg_has_role(c.relowner, 'USAGE') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE c.relkind = 'S' AND " + USER_SCHEMAS)) {
			while (rs.next()) {
				SchemaObject sequence = new SchemaObject(rs.getString(1), rs.getString(2));
				String object = "sequence " + sequence;
				if (rs.getBoolean(3) && !plan.sequences().contains(sequence)) {
					violations.add(new Violation(account, object, "USAGE",
							"only the sequences of the tables the lanes write may be advanced"));
				}
				if (rs.getBoolean(4)) {
					violations.add(new Violation(account, object, "SELECT", "only USAGE is granted on sequences"));
				}
				if (rs.getBoolean(5)) {
					violations.add(new Violation(account, object, "UPDATE", "setval would move a base sequence"));
				}
				if (rs.getBoolean(6)) {
					violations.add(new Violation(account, object, "OWNERSHIP", "an owner may do anything with it"));
				}
			}
		}
	}

	// PostgreSQL checks privileges on the table a statement names: a child reached
	// through its parent is read and written with the parent's privileges
	private static void checkInheritance(Statement statement, String account, AccessPlan plan,
			List<Violation> violations) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT pn.nspname, p.relname, cn.nspname, c.relname "
				+ "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
				+ "JOIN pg_namespace cn ON cn.oid = c.relnamespace JOIN pg_class p ON p.oid = i.inhparent "
				+ "JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE NOT c.relispartition")) {
			while (rs.next()) {
				SchemaObject parent = new SchemaObject(rs.getString(1), rs.getString(2));
				SchemaObject child = new SchemaObject(rs.getString(3), rs.getString(4));
				TableAccess parentAccess = plan.accessOf(parent);
				if (!plan.accessOf(child).includes(parentAccess)) {
					violations.add(new Violation(account, "table " + child + ", a child of " + parent,
							"inherited " + parentAccess, "its rows are reached through " + parent
									+ " with that table's privileges, more than its own policy allows"));
				}
			}
		}
	}

	private static void checkLargeObjects(Statement statement, String account, List<Violation> violations)
			throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT current_setting('lo_compat_privileges')")) {
			if (rs.next() && "on".equalsIgnoreCase(rs.getString(1))) {
				violations.add(new Violation(account, "large objects", "lo_compat_privileges",
						"every role may read and write every large object"));
			}
		}
		try (ResultSet rs = statement.executeQuery("SELECT l.oid FROM pg_largeobject_metadata l "
				+ "WHERE pg_has_role(l.lomowner, 'USAGE') OR EXISTS (SELECT 1 FROM aclexplode(l.lomacl) a " + "WHERE "
				+ GRANTED_TO_ACCOUNT + ") LIMIT 20")) {
			while (rs.next()) {
				violations.add(new Violation(account, "large object " + rs.getLong(1), "a privilege",
						"large objects are base data the lanes may not reach"));
			}
		}
	}

	private static void checkDefaultPrivileges(Statement statement, String account, List<Violation> violations)
			throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT coalesce(n.nspname, '(every schema)'), d.defaclobjtype "
				+ "FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace "
				+ "WHERE EXISTS (SELECT 1 FROM aclexplode(d.defaclacl) a WHERE " + GRANTED_TO_ACCOUNT + ")")) {
			while (rs.next()) {
				violations.add(
						new Violation(account,
								"objects created later in schema " + rs.getString(1) + " (type " + rs.getString(2)
										+ ")",
								"default privileges",
								"ALTER DEFAULT PRIVILEGES would grant it tables its policy has not seen"));
			}
		}
	}

	private static void checkRoleSettings(Statement statement, String account, List<Violation> violations)
			throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT array_to_string(s.setconfig, ', ') "
				+ "FROM pg_db_role_setting s WHERE s.setrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)")) {
			while (rs.next()) {
				violations.add(new Violation(account, "the role's settings", rs.getString(1),
						"settings of the account (ALTER ROLE ... SET) change how its sessions read SQL; reset them"));
			}
		}
	}

	private static void checkRelations(Statement statement, String account, AccessPlan plan, List<Violation> violations)
			throws SQLException {
		String[] privileges = { "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER" };
		try (ResultSet rs = statement.executeQuery("SELECT n.nspname, c.relname, "
				+ "has_any_column_privilege(c.oid, 'SELECT'), has_any_column_privilege(c.oid, 'INSERT'), "
				+ "has_any_column_privilege(c.oid, 'UPDATE'), has_table_privilege(c.oid, 'DELETE'), "
				+ "has_table_privilege(c.oid, 'TRUNCATE'), has_any_column_privilege(c.oid, 'REFERENCES'), "
				+ "has_table_privilege(c.oid, 'TRIGGER'), pg_has_role(c.relowner, 'USAGE') "
				+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND " + USER_SCHEMAS)) {
			while (rs.next()) {
				SchemaObject relation = new SchemaObject(rs.getString(1), rs.getString(2));
				TableAccess access = plan.accessOf(relation);
				if (rs.getBoolean(10) && access != TableAccess.WRITE) {
					violations.add(new Violation(account, relation.toString(), "OWNERSHIP",
							"an owner may do anything with a table the lanes may not write"));
				}
				for (int i = 0; i < privileges.length; i++) {
					if (rs.getBoolean(i + 3) && !allowed(privileges[i], access)) {
						violations.add(new Violation(account, relation.toString(), privileges[i], reason(access)));
					}
				}
			}
		}
	}

	// TRUNCATE, REFERENCES and TRIGGER are never granted: a trigger the account creates
	// on a shared table would run its code for base traffic
	private static boolean allowed(String privilege, TableAccess access) {
		return switch (privilege) {
			case "SELECT" -> access.includes(TableAccess.READ);
			case "INSERT", "UPDATE", "DELETE" -> access == TableAccess.WRITE;
			default -> false;
		};
	}

	private static String reason(TableAccess access) {
		return switch (access) {
			case NONE -> "the table is closed to the lanes";
			case READ -> "only shadow and shared tables may be written, and this one is read-only to the lanes";
			case WRITE -> "only SELECT, INSERT, UPDATE and DELETE are granted on tables";
		};
	}

	@Override
	public List<Violation> checkDefinerRights(Connection base, AccessPlan plan, String account) throws SQLException {
		List<Violation> violations = new ArrayList<>();
		try (Statement statement = base.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT n.nspname, c.relname, t.tgname FROM pg_trigger t "
					+ "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT t.tgisinternal AND p.prosecdef")) {
				while (rs.next()) {
					SchemaObject table = new SchemaObject(rs.getString(1), rs.getString(2));
					if (plan.accessOf(table) == TableAccess.WRITE) {
						violations.add(new Violation(account, "trigger " + rs.getString(3) + " of table " + table,
								"definer rights", "its function is SECURITY DEFINER and runs with its owner's rights "
										+ "when the lanes write the table"));
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT n.nspname, c.relname, r.rulename FROM pg_rewrite r "
					+ "JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE r.rulename <> '_RETURN'")) {
				while (rs.next()) {
					SchemaObject table = new SchemaObject(rs.getString(1), rs.getString(2));
					if (plan.accessOf(table) == TableAccess.WRITE) {
						violations.add(new Violation(account, "rule " + rs.getString(3) + " of table " + table,
								"owner rights", "a rule's actions run with the table owner's rights"));
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_class c "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'v' AND NOT "
					+ "coalesce(c.reloptions::text[] && ARRAY['security_invoker=true', 'security_invoker=on', "
					+ "'security_invoker=1'], false)")) {
				while (rs.next()) {
					SchemaObject view = new SchemaObject(rs.getString(1), rs.getString(2));
					if (plan.accessOf(view) != TableAccess.NONE) {
						violations.add(new Violation(account, "view " + view, "owner rights",
								"a view the lanes may use must be created WITH (security_invoker = true)"));
					}
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT n.nspname, c.relname, pn.nspname, pc.relname, "
					+ "con.conname, con.confupdtype, con.confdeltype FROM pg_constraint con "
					+ "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "JOIN pg_class pc ON pc.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace "
					+ "WHERE con.contype = 'f'")) {
				while (rs.next()) {
					DatabasePrivileges.cascade(new SchemaObject(rs.getString(1), rs.getString(2)),
							new SchemaObject(rs.getString(3), rs.getString(4)), rs.getString(5),
							CASCADING.contains(rs.getString(6)) || CASCADING.contains(rs.getString(7)), plan, account,
							violations);
				}
			}
		}
		return violations;
	}

}
