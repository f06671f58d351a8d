package dev.lanes.shadow.rewrite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.core.LaneContext;
import dev.lanes.shadow.MySqlTestServer;
import dev.lanes.shadow.ShadowRejectedException;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowEnforcement;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replays every {@link RewriteCases rewrite case} against a real MySQL-compatible server.
 * Each case runs in lane gray through a {@link ShadowDataSource} on database
 * {@value #MAIN}, whose base tables hold one data set and whose shadow tables hold
 * another; the original SQL runs as plain base traffic on a reference database
 * {@value #REF} that holds the shadow data set. Afterwards the base tables of
 * {@value #MAIN} must be unchanged, and its shadow tables must equal the reference
 * tables, so the gray statement had exactly the original statement's effect, on shadow
 * data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowRewriteReplayIT {

	static final String MAIN = RewriteCases.SCHEMA;

	static final String REF = RewriteCases.SCHEMA + "_ref";

	private static final String SCHEMA_FUNCTION = "DATABASE()";

	private static final Map<String, String> SHADOW_DATA = Map.of("orders",
			"(1, 2, 1, 11, 'new', NULL), (2, 1, 2, 21, 'paid', NULL), (3, 2, 1, 31, 'new', 'b'), "
					+ "(4, 1, 2, 41, 'paid', NULL)",
			"items", "(1, 1, 5), (2, 2, 7), (3, 3, 9), (4, 4, 1)", "customers", "(1, 'Gwen'), (2, 'Gus')", "archive",
			"(200, 2), (3, 3)");

	private final ShadowRules rules = RewriteCases.rules(MySqlTestServer.SESSION_SQL_MODE);

	private HikariDataSource main;

	private HikariDataSource ref;

	private ShadowDataSource shadow;

	private ShadowReplay replay;

	private boolean schemaDirty = true;

	private boolean mariaDb;

	@BeforeAll
	void startPools() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		server.recreateDatabases(MAIN, REF);
		this.main = server.pool(MAIN, 2);
		this.ref = server.pool(REF, 2);
		this.shadow = ShadowDataSource.builder(this.main, this.rules)
			.enforcement(ShadowEnforcement.REWRITE_ONLY)
			.build();
		this.replay = new ShadowReplay(this.main, this.ref, this.shadow, this.rules, MAIN, REF, SCHEMA_FUNCTION);
		try (Connection connection = this.main.getConnection()) {
			this.mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
		}
	}

	@AfterAll
	void closePools() {
		if (this.main != null) {
			this.main.close();
			this.ref.close();
		}
	}

	static Stream<RewriteCase> cases() {
		return RewriteCases.all().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void grayStatementChangesOnlyShadowDataLikeTheOriginalWouldChangeACopy(RewriteCase rewriteCase)
			throws SQLException {
		assumeTrue(rewriteCase.replay().skipReason() == null, () -> "" + rewriteCase.replay().skipReason());
		assumeTrue(!this.mariaDb || rewriteCase.replay().mariaDbSkipReason() == null,
				() -> "MariaDB: " + rewriteCase.replay().mariaDbSkipReason());
		prepare();
		this.schemaDirty = rewriteCase.replay().ddl();
		this.replay.assertGrayChangesOnlyShadowData(rewriteCase);
	}

	static Stream<Arguments> hiddenWriteTargets() {
		return ShadowTableRewriterTests.hiddenWriteTargets();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hiddenWriteTargets")
	void grayWriteWithHiddenTargetIsRefusedAndLeavesBaseTablesUnchanged(String name, String sql, String reason)
			throws SQLException {
		prepare();
		Map<String, String> baseBefore = this.replay.baseTables();
		try (LaneContext.Scope scope = LaneContext.open(RewriteCases.LANE)) {
			assertThatExceptionOfType(ShadowRejectedException.class)
				.isThrownBy(() -> ReplaySupport.run(this.shadow, sql, new Object[0]))
				.withMessageContaining(reason);
		}
		assertThat(this.replay.baseTables()).isEqualTo(baseBefore);
	}

	private void prepare() throws SQLException {
		if (this.schemaDirty) {
			createSchema();
			this.schemaDirty = false;
		}
		try (Connection main = this.main.getConnection();
				Statement mainStatement = main.createStatement();
				Connection ref = this.ref.getConnection();
				Statement refStatement = ref.createStatement()) {
			for (Map.Entry<String, String> entry : RewriteCases.BASE_DATA.entrySet()) {
				String table = entry.getKey();
				fill(mainStatement, table, entry.getValue());
				if (SHADOW_DATA.containsKey(table)) {
					fill(mainStatement, table + "_gray", SHADOW_DATA.get(table));
					fill(refStatement, table, SHADOW_DATA.get(table));
				}
				else if (!table.equals("secrets")) {
					fill(refStatement, table, entry.getValue());
				}
			}
		}
	}

	private static void fill(Statement statement, String table, String rows) throws SQLException {
		statement.execute("DELETE FROM " + table);
		statement.execute("INSERT INTO " + table + " VALUES " + rows);
	}

	private void createSchema() throws SQLException {
		try (Connection main = this.main.getConnection();
				Statement mainStatement = main.createStatement();
				Connection ref = this.ref.getConnection();
				Statement refStatement = ref.createStatement()) {
			for (Statement statement : List.of(mainStatement, refStatement)) {
				Connection connection = statement.getConnection();
				statement.execute("SET FOREIGN_KEY_CHECKS = 0");
				for (String table : ReplaySupport.tableNames(connection, SCHEMA_FUNCTION)) {
					statement.execute("DROP TABLE " + table);
				}
				statement.execute("SET FOREIGN_KEY_CHECKS = 1");
				for (String ddl : RewriteCases.DDL) {
					statement.execute(ddl);
				}
			}
			refStatement.execute("DROP TABLE secrets");
			for (String table : RewriteCases.SHADOWED) {
				mainStatement.execute("CREATE TABLE " + table + "_gray LIKE " + table);
			}
			mainStatement.execute("DROP PROCEDURE IF EXISTS refresh_orders_gray");
			mainStatement.execute("CREATE PROCEDURE refresh_orders_gray(IN p INT) "
					+ "UPDATE orders_gray SET status = 'refreshed' WHERE id = p");
			refStatement.execute("DROP PROCEDURE IF EXISTS refresh_orders");
			refStatement.execute(
					"CREATE PROCEDURE refresh_orders(IN p INT) UPDATE orders SET status = 'refreshed' WHERE id = p");
		}
	}

}
