package dev.lanes.shadow.privilege;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.core.LaneContext;
import dev.lanes.shadow.PostgresTestServer;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.ShadowSqlTransformer;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.rewrite.RewriteCases;
import dev.lanes.shadow.rewrite.ShadowTableRewriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dev.lanes.shadow.JdbcTestSupport.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Integration tests for {@link ShadowPrivileges} on a real PostgreSQL server: the role
 * set up from the policies passes verification and may use the base table's sequence, the
 * rewrite cases run in lane gray as that role leave base tables unchanged even when
 * nothing is rewritten, and verification names privileges held directly, through
 * {@code PUBLIC} or through a role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowPostgresPrivilegesIT {

	private static final String SCHEMA = "lanes_shadow_pg_priv";

	private static final ShadowAccount ACCOUNT = new ShadowAccount("lanes_gray_pg_it", "%");

	private static final String PASSWORD = "gray-pg-Secret1";

	private static final List<String> BASE_TABLES = List.of("orders", "items", "customers", "archive", "dict_region",
			"secrets");

	private final ShadowRules rules = ShadowRules.builder()
		.lanes("gray")
		.dialect(SqlDialect.POSTGRESQL)
		.table("dict_region", TablePolicy.READ_BASE)
		.table("id_alloc", TablePolicy.SHARED)
		.table("secrets", TablePolicy.DENY)
		.build();

	private final ShadowPrivileges privileges = new ShadowPrivileges(this.rules);

	private HikariDataSource base;

	private HikariDataSource shadow;

	private AccessPlan plan;

	@BeforeAll
	void setUpAccount() throws SQLException {
		PostgresTestServer server = PostgresTestServer.get();
		server.recreateSchemas(SCHEMA);
		this.base = server.pool(SCHEMA);
		execute(this.base,
				"CREATE TABLE orders (id SERIAL PRIMARY KEY, customer_id INT, region_id INT, total INT, "
						+ "status VARCHAR(20), note VARCHAR(50))",
				"CREATE TABLE items (id INT PRIMARY KEY, order_id INT, price INT)",
				"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))",
				"CREATE TABLE archive (id INT PRIMARY KEY, total INT)",
				"CREATE TABLE dict_region (id INT PRIMARY KEY, name VARCHAR(50))",
				"CREATE TABLE id_alloc (id INT PRIMARY KEY, n INT)",
				"CREATE TABLE secrets (id INT PRIMARY KEY, v VARCHAR(10))",
				"INSERT INTO orders (customer_id, region_id, total, status) VALUES (1, 1, 10, 'new'), (2, 2, 20, 'paid')",
				"INSERT INTO items VALUES (1, 1, 4), (2, 2, 8)", "INSERT INTO customers VALUES (1, 'Ann'), (2, 'Ben')",
				"INSERT INTO archive VALUES (100, 1)", "INSERT INTO dict_region VALUES (1, 'north'), (2, 'south')",
				"INSERT INTO id_alloc VALUES (1, 500)", "INSERT INTO secrets VALUES (1, 's')");
		for (String table : List.of("orders", "items", "customers", "archive")) {
			execute(this.base, "CREATE TABLE " + table + "_gray (LIKE " + table + " INCLUDING ALL)");
		}
		this.plan = this.privileges.plan(this.base);
		this.privileges.apply(this.base, this.plan, ACCOUNT, PASSWORD);
		this.shadow = server.accountPool(SCHEMA, ACCOUNT.username(), PASSWORD);
	}

	@AfterAll
	void dropAccount() throws SQLException {
		if (this.base != null) {
			this.shadow.close();
			execute(this.base, "DROP SCHEMA " + SCHEMA + " CASCADE", "DROP OWNED BY " + ACCOUNT.postgresName(),
					"DROP ROLE " + ACCOUNT.postgresName());
			this.base.close();
		}
	}

	@Test
	void grantsTheSequenceOfTheBaseTableThatShadowTablesDrawFrom() {
		assertThat(this.privileges.grantStatements(this.plan, ACCOUNT))
			.contains("GRANT USAGE ON SCHEMA \"" + SCHEMA + "\" TO \"lanes_gray_pg_it\"",
					"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE \"" + SCHEMA
							+ "\".\"orders_gray\" TO \"lanes_gray_pg_it\"",
					"GRANT SELECT ON TABLE \"" + SCHEMA + "\".\"dict_region\" TO \"lanes_gray_pg_it\"",
					"GRANT USAGE ON SEQUENCE \"" + SCHEMA + "\".\"orders_id_seq\" TO \"lanes_gray_pg_it\"")
			.noneMatch((grant) -> grant.contains("\"orders\" TO") || grant.contains("secrets"));
	}

	@Test
	void verifiesTheAccountItSetUp() {
		assertThatNoException().isThrownBy(() -> this.privileges.verify(this.base, this.shadow, ACCOUNT));
	}

	@Test
	void grayInsertRunsAsTheAccountAndLandsInTheShadowTable() throws SQLException {
		ShadowDataSource dataSource = dataSource(new ShadowTableRewriter(this.rules));
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO orders (total, status) VALUES (99, 'gray')");
			try (ResultSet rs = statement.executeQuery("SELECT current_user")) {
				rs.next();
				assertThat(rs.getString(1)).isEqualTo(ACCOUNT.username());
			}
		}
		try (Connection connection = this.base.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM orders_gray WHERE total = 99")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}
	}

	@Test
	void baseTablesStayUnchangedWhetherOrNotTheRewriterRuns() throws SQLException {
		int denied = 0;
		for (ShadowSqlTransformer transformer : List.of(new ShadowTableRewriter(this.rules),
				(ShadowSqlTransformer) (context) -> context.sql())) {
			GrayCaseRun.Outcomes outcomes = GrayCaseRun.run(dataSource(transformer), this::checksums,
					(ex) -> "42501".equals(ex.getSQLState()));
			assertThat(outcomes.otherFailures).as("failures that were not SQLExceptions").isEmpty();
			denied += outcomes.denied;
		}
		assertThat(denied).as("statements the database refused for lack of privilege").isGreaterThan(20);
	}

	@Test
	void failsWhenTheAccountMayWriteABaseTable() throws SQLException {
		assertVerificationFails(List.of("GRANT INSERT ON orders TO " + ACCOUNT.postgresName()),
				List.of("REVOKE INSERT ON orders FROM " + ACCOUNT.postgresName()),
				"account lanes_gray_pg_it has INSERT on " + SCHEMA + ".orders");
	}

	@Test
	void failsWhenEveryoneMayReadADeniedTable() throws SQLException {
		assertVerificationFails(List.of("GRANT SELECT ON secrets TO PUBLIC"),
				List.of("REVOKE SELECT ON secrets FROM PUBLIC"), "has SELECT on " + SCHEMA + ".secrets");
	}

	@Test
	void failsWhenTheAccountIsMemberOfARole() throws SQLException {
		assertVerificationFails(
				List.of("DROP ROLE IF EXISTS lanes_pg_it_role", "CREATE ROLE lanes_pg_it_role",
						"GRANT lanes_pg_it_role TO " + ACCOUNT.postgresName()),
				List.of("DROP ROLE lanes_pg_it_role"), "role lanes_pg_it_role");
	}

	@Test
	void failsOnAnExecutableSecurityDefinerFunction() throws SQLException {
		assertVerificationFails(
				List.of("CREATE FUNCTION wipe_orders() RETURNS void LANGUAGE sql SECURITY DEFINER " + "AS 'DELETE FROM "
						+ SCHEMA + ".orders'"),
				List.of("DROP FUNCTION wipe_orders()"), "function " + SCHEMA + ".wipe_orders", "SECURITY DEFINER");
	}

	@Test
	void failsWhenTheAccountMayCreateObjectsInASchema() throws SQLException {
		assertVerificationFails(List.of("GRANT CREATE ON SCHEMA " + SCHEMA + " TO PUBLIC"),
				List.of("REVOKE CREATE ON SCHEMA " + SCHEMA + " FROM PUBLIC"), "has CREATE on schema " + SCHEMA);
	}

	@Test
	void failsOnARuleOfAShadowTable() throws SQLException {
		assertVerificationFails(
				List.of("CREATE RULE orders_gray_copy AS ON INSERT TO orders_gray DO ALSO "
						+ "INSERT INTO archive VALUES (NEW.id, NEW.total)"),
				List.of("DROP RULE orders_gray_copy ON orders_gray"),
				"rule orders_gray_copy of table " + SCHEMA + ".orders_gray");
	}

	@Test
	void failsWhenTheAccountMayCreateTriggersOnASharedTable() throws SQLException {
		assertVerificationFails(List.of("GRANT TRIGGER, TRUNCATE ON id_alloc TO " + ACCOUNT.postgresName()),
				List.of("REVOKE TRIGGER, TRUNCATE ON id_alloc FROM " + ACCOUNT.postgresName()),
				"has TRIGGER on " + SCHEMA + ".id_alloc", "has TRUNCATE on " + SCHEMA + ".id_alloc");
	}

	@Test
	void failsWhenTheAccountMaySetABaseSequence() throws SQLException {
		assertVerificationFails(List.of("GRANT UPDATE ON SEQUENCE orders_id_seq TO " + ACCOUNT.postgresName()),
				List.of("REVOKE UPDATE ON SEQUENCE orders_id_seq FROM " + ACCOUNT.postgresName()),
				"has UPDATE on sequence " + SCHEMA + ".orders_id_seq");
	}

	@Test
	void failsWhenTheAccountMayWriteALargeObject() throws SQLException {
		long oid;
		try (Connection connection = this.base.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT lo_from_bytea(0, 'base')")) {
			rs.next();
			oid = rs.getLong(1);
		}
		assertVerificationFails(
				List.of("GRANT SELECT, UPDATE ON LARGE OBJECT " + oid + " TO " + ACCOUNT.postgresName()),
				List.of("SELECT lo_unlink(" + oid + ")"), "large object " + oid);
	}

	@Test
	void failsOnDefaultPrivilegesForTheAccount() throws SQLException {
		assertVerificationFails(
				List.of("ALTER DEFAULT PRIVILEGES IN SCHEMA " + SCHEMA + " GRANT SELECT, INSERT ON TABLES TO "
						+ ACCOUNT.postgresName()),
				List.of("ALTER DEFAULT PRIVILEGES IN SCHEMA " + SCHEMA + " REVOKE SELECT, INSERT ON TABLES FROM "
						+ ACCOUNT.postgresName()),
				"default privileges");
	}

	@Test
	void failsOnADeniedTableThatInheritsFromASharedTable() throws SQLException {
		ShadowPrivileges denying = new ShadowPrivileges(ShadowRules.builder()
			.lanes("gray")
			.dialect(SqlDialect.POSTGRESQL)
			.table("dict_region", TablePolicy.READ_BASE)
			.table("id_alloc", TablePolicy.SHARED)
			.table("secrets", TablePolicy.DENY)
			.table("secrets_alloc", TablePolicy.DENY)
			.build());
		PrivilegeAssertions.assertVerificationFails(this.base, () -> denying.verify(this.base, this.shadow, ACCOUNT),
				List.of("CREATE TABLE secrets_alloc () INHERITS (id_alloc)"), List.of("DROP TABLE secrets_alloc"),
				"table " + SCHEMA + ".secrets_alloc, a child of " + SCHEMA + ".id_alloc");
	}

	@Test
	void failsWhenTheAccountHasSettingsOfItsOwn() throws SQLException {
		assertVerificationFails(List.of("ALTER ROLE " + ACCOUNT.postgresName() + " SET search_path = pg_temp, public"),
				List.of("ALTER ROLE " + ACCOUNT.postgresName() + " RESET ALL"), "search_path=pg_temp, public");
	}

	private void assertVerificationFails(List<String> setUp, List<String> tearDown, String... messages)
			throws SQLException {
		PrivilegeAssertions.assertVerificationFails(this.base,
				() -> this.privileges.verify(this.base, this.shadow, ACCOUNT), setUp, tearDown, messages);
	}

	private ShadowDataSource dataSource(ShadowSqlTransformer transformer) {
		return ShadowDataSource.builder(this.base, this.rules)
			.shadowDataSource(this.shadow)
			.transformer(transformer)
			.build();
	}

	private List<String> checksums() throws SQLException {
		List<String> checksums = new ArrayList<>();
		try (Connection connection = this.base.getConnection(); Statement statement = connection.createStatement()) {
			for (String table : BASE_TABLES) {
				try (ResultSet rs = statement.executeQuery(
						"SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM " + table + " t")) {
					rs.next();
					checksums.add(table + "=" + rs.getString(1));
				}
			}
		}
		return checksums;
	}

}
