package dev.lanes.shadow.privilege;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.shadow.MySqlTestServer;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.ShadowSqlTransformer;
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
 * Integration tests for {@link ShadowPrivileges} on a real MySQL-compatible server: the
 * account set up from the policies passes verification, every rewrite case run in lane
 * gray as that account leaves base tables byte for byte unchanged even when the rewriter
 * is replaced by one that rewrites nothing, and verification names each way an account
 * could still reach base data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowPrivilegesIT {

	private static final String DATABASE = RewriteCases.SCHEMA;

	private static final ShadowAccount ACCOUNT = new ShadowAccount("lanes_gray_it", "%");

	private static final String PASSWORD = "gray-it-Secret1";

	private static final List<String> BASE_TABLES = List.of("orders", "items", "customers", "archive", "dict_region",
			"secrets");

	private final ShadowRules rules = RewriteCases.rules(MySqlTestServer.SESSION_SQL_MODE);

	private final ShadowPrivileges privileges = new ShadowPrivileges(this.rules);

	private HikariDataSource base;

	private HikariDataSource shadow;

	private AccessPlan plan;

	@BeforeAll
	void setUpAccount() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		server.recreateDatabases(DATABASE);
		this.base = server.pool(DATABASE, 2);
		execute(this.base, RewriteCases.DDL.toArray(String[]::new));
		for (Map.Entry<String, String> entry : RewriteCases.BASE_DATA.entrySet()) {
			execute(this.base, "INSERT INTO " + entry.getKey() + " VALUES " + entry.getValue());
		}
		for (String table : RewriteCases.SHADOWED) {
			execute(this.base, "CREATE TABLE " + table + "_gray LIKE " + table);
		}
		execute(this.base,
				"CREATE PROCEDURE refresh_orders(IN p INT) UPDATE orders SET status = 'refreshed' WHERE id = p",
				"CREATE PROCEDURE refresh_orders_gray(IN p INT) UPDATE orders_gray SET status = 'refreshed' WHERE id = p");
		this.plan = this.privileges.plan(this.base);
		this.privileges.apply(this.base, this.plan, ACCOUNT, PASSWORD);
		this.shadow = server.accountPool(DATABASE, ACCOUNT.username(), PASSWORD);
	}

	@AfterAll
	void dropAccount() throws SQLException {
		if (this.base != null) {
			execute(this.base, "DROP USER IF EXISTS " + ACCOUNT.mySqlName());
			this.shadow.close();
			this.base.close();
		}
	}

	@Test
	void grantsExactlyWhatThePoliciesAllow() {
		assertThat(this.privileges.grantStatements(this.plan, ACCOUNT)).containsExactlyInAnyOrder(
				"GRANT SELECT, INSERT, UPDATE, DELETE ON `" + DATABASE + "`.`archive_gray` TO 'lanes_gray_it'@'%'",
				"GRANT SELECT, INSERT, UPDATE, DELETE ON `" + DATABASE + "`.`customers_gray` TO 'lanes_gray_it'@'%'",
				"GRANT SELECT ON `" + DATABASE + "`.`dict_region` TO 'lanes_gray_it'@'%'",
				"GRANT SELECT, INSERT, UPDATE, DELETE ON `" + DATABASE + "`.`id_alloc` TO 'lanes_gray_it'@'%'",
				"GRANT SELECT, INSERT, UPDATE, DELETE ON `" + DATABASE + "`.`items_gray` TO 'lanes_gray_it'@'%'",
				"GRANT SELECT, INSERT, UPDATE, DELETE ON `" + DATABASE + "`.`orders_gray` TO 'lanes_gray_it'@'%'");
	}

	@Test
	void verifiesTheAccountItSetUp() {
		assertThatNoException().isThrownBy(() -> this.privileges.verify(this.base, this.shadow, ACCOUNT));
	}

	@Test
	void everyRewriteCaseLeavesBaseTablesUnchanged() throws SQLException {
		GrayCaseRun.Outcomes outcomes = runEveryCase(new ShadowTableRewriter(this.rules));
		assertThat(outcomes.succeeded).as("statements that ran on shadow data").isGreaterThan(100);
	}

	@Test
	void baseTablesStayUnchangedWhenNothingIsRewritten() throws SQLException {
		ShadowSqlTransformer rewritesNothing = (context) -> context.sql();
		GrayCaseRun.Outcomes outcomes = runEveryCase(rewritesNothing);
		assertThat(outcomes.denied).as("statements the database refused").isGreaterThan(50);
		assertThat(outcomes.otherFailures).as("failures that were not SQLExceptions").isEmpty();
	}

	@Test
	void failsWhenTheAccountMayWriteABaseTable() throws SQLException {
		assertVerificationFails(List.of("GRANT INSERT ON `" + DATABASE + "`.`orders` TO " + ACCOUNT.mySqlName()),
				List.of("REVOKE INSERT ON `" + DATABASE + "`.`orders` FROM " + ACCOUNT.mySqlName()),
				"account lanes_gray_it@% has INSERT on " + DATABASE + ".orders",
				"only shadow and shared tables may be written");
	}

	@Test
	void failsWhenTheAccountMayWriteAReadBaseTable() throws SQLException {
		assertVerificationFails(
				List.of("GRANT UPDATE (name) ON `" + DATABASE + "`.`dict_region` TO " + ACCOUNT.mySqlName()),
				List.of("REVOKE UPDATE (name) ON `" + DATABASE + "`.`dict_region` FROM " + ACCOUNT.mySqlName()),
				"has UPDATE on " + DATABASE + ".dict_region", "read-only to the lanes");
	}

	@Test
	void failsWhenAColumnNameMimicsAnotherGrantTarget() throws SQLException {
		String column = "`a) ON " + DATABASE + ".orders_gray TO x (`";
		assertVerificationFails(
				List.of("ALTER TABLE orders ADD COLUMN " + column + " INT",
						"GRANT SELECT (" + column + "), UPDATE (total) ON `" + DATABASE + "`.`orders` TO "
								+ ACCOUNT.mySqlName()),
				List.of("REVOKE SELECT (" + column + "), UPDATE (total) ON `" + DATABASE + "`.`orders` FROM "
						+ ACCOUNT.mySqlName(), "ALTER TABLE orders DROP COLUMN " + column),
				"has UPDATE on " + DATABASE + ".orders");
	}

	@Test
	void failsWhenTheAccountMayReadADeniedTable() throws SQLException {
		assertVerificationFails(List.of("GRANT SELECT ON `" + DATABASE + "`.`secrets` TO " + ACCOUNT.mySqlName()),
				List.of("REVOKE SELECT ON `" + DATABASE + "`.`secrets` FROM " + ACCOUNT.mySqlName()),
				"has SELECT on " + DATABASE + ".secrets");
	}

	@Test
	void failsOnADatabaseWidePrivilege() throws SQLException {
		assertVerificationFails(List.of("GRANT SELECT ON `" + DATABASE + "`.* TO " + ACCOUNT.mySqlName()),
				List.of("REVOKE SELECT ON `" + DATABASE + "`.* FROM " + ACCOUNT.mySqlName()),
				"a database-wide privilege reaches base tables");
	}

	@Test
	void failsWhenTheAccountHoldsARole() throws SQLException {
		assertVerificationFails(
				List.of("DROP ROLE IF EXISTS lanes_it_role", "CREATE ROLE lanes_it_role",
						"GRANT lanes_it_role TO " + ACCOUNT.mySqlName()),
				List.of("DROP ROLE lanes_it_role"), "roles and proxies are not allowed");
	}

	@Test
	void failsOnATriggerOfAShadowTable() throws SQLException {
		assertVerificationFails(
				List.of("CREATE TABLE audit (id INT)",
						"CREATE TRIGGER orders_gray_audit AFTER INSERT ON orders_gray "
								+ "FOR EACH ROW INSERT INTO audit VALUES (NEW.id)"),
				List.of("DROP TRIGGER orders_gray_audit", "DROP TABLE audit"),
				"trigger " + DATABASE + ".orders_gray_audit of table " + DATABASE + ".orders_gray", "definer's rights");
	}

	@Test
	void failsOnAForeignKeyThatCascadesIntoABaseTable() throws SQLException {
		assertVerificationFails(List.of("CREATE TABLE allocations (id INT PRIMARY KEY, alloc_id INT, "
				+ "CONSTRAINT allocations_alloc FOREIGN KEY (alloc_id) REFERENCES id_alloc (id) ON DELETE CASCADE)"),
				List.of("DROP TABLE allocations"), "foreign key allocations_alloc");
	}

	private void assertVerificationFails(List<String> setUp, List<String> tearDown, String... messages)
			throws SQLException {
		PrivilegeAssertions.assertVerificationFails(this.base,
				() -> this.privileges.verify(this.base, this.shadow, ACCOUNT), setUp, tearDown, messages);
	}

	private GrayCaseRun.Outcomes runEveryCase(ShadowSqlTransformer transformer) throws SQLException {
		ShadowDataSource dataSource = ShadowDataSource.builder(this.base, this.rules)
			.shadowDataSource(this.shadow)
			.transformer(transformer)
			.build();
		return GrayCaseRun.run(dataSource, this::checksums, (ex) -> ex.getMessage().contains("denied to user"));
	}

	private List<String> checksums() throws SQLException {
		List<String> checksums = new ArrayList<>();
		try (Connection connection = this.base.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("CHECKSUM TABLE " + String.join(", ", BASE_TABLES) + " EXTENDED")) {
			while (rs.next()) {
				checksums.add(rs.getString(1) + "=" + rs.getString(2));
			}
		}
		return checksums;
	}

}
