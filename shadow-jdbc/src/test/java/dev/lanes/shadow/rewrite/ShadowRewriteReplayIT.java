package dev.lanes.shadow.rewrite;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.core.LaneContext;
import dev.lanes.shadow.MySqlTestServer;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
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

	private static final List<String> SHADOWED = List.of("orders", "items", "customers", "archive");

	private static final String[] DDL = {
			"CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, region_id INT, "
					+ "total INT, status VARCHAR(20), note VARCHAR(50))",
			"CREATE TABLE items (id INT PRIMARY KEY, order_id INT, price INT)",
			"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))",
			"CREATE TABLE archive (id INT PRIMARY KEY, total INT)",
			"CREATE TABLE dict_region (id INT PRIMARY KEY, name VARCHAR(50))",
			"CREATE TABLE id_alloc (id INT PRIMARY KEY, n INT)",
			"CREATE TABLE secrets (id INT PRIMARY KEY, v VARCHAR(10))" };

	private static final Map<String, String> BASE_DATA = Map.of("orders",
			"(1, 1, 1, 10, 'new', NULL), (2, 2, 2, 20, 'paid', NULL), (3, 1, 2, 30, 'paid', 'a')", "items",
			"(1, 1, 4), (2, 1, 6), (3, 2, 8), (4, 3, 2)", "customers", "(1, 'Ann'), (2, 'Ben')", "archive", "(100, 1)",
			"dict_region", "(1, 'north'), (2, 'south')", "id_alloc", "(1, 500)", "secrets", "(1, 's')");

	private static final Map<String, String> SHADOW_DATA = Map.of("orders",
			"(1, 2, 1, 11, 'new', NULL), (2, 1, 2, 21, 'paid', NULL), (3, 2, 1, 31, 'new', 'b'), "
					+ "(4, 1, 2, 41, 'paid', NULL)",
			"items", "(1, 1, 5), (2, 2, 7), (3, 3, 9), (4, 4, 1)", "customers", "(1, 'Gwen'), (2, 'Gus')", "archive",
			"(200, 2), (3, 3)");

	private final ShadowRules rules = RewriteCases.rules();

	private HikariDataSource main;

	private HikariDataSource ref;

	private ShadowDataSource shadow;

	private boolean schemaDirty = true;

	private boolean mariaDb;

	@BeforeAll
	void startPools() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		server.recreateDatabases(MAIN, REF);
		this.main = server.pool(MAIN, 2);
		this.ref = server.pool(REF, 2);
		this.shadow = ShadowDataSource.builder(this.main, this.rules).build();
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
		Map<String, String> baseBefore = baseTables(this.main);
		List<String> grayResult;
		try (LaneContext.Scope scope = LaneContext.open(RewriteCases.LANE)) {
			grayResult = run(this.shadow, rewriteCase.sql(), rewriteCase.params());
		}
		List<String> refResult = run(this.ref, rewriteCase.sql().replaceAll("\\b" + MAIN + "\\b", REF),
				rewriteCase.params());
		this.schemaDirty = rewriteCase.replay().ddl();

		assertThat(grayResult).as("result").isEqualTo(refResult);
		assertThat(baseTables(this.main)).as("base tables").isEqualTo(baseBefore);
		Map<String, String> expected = new TreeMap<>();
		for (String table : tableNames(this.ref)) {
			TablePolicy policy = this.rules.policyOf(null, table);
			expected.put((policy == TablePolicy.SHADOW) ? table + "_gray" : table, dump(this.ref, table));
		}
		Map<String, String> actual = new TreeMap<>();
		for (String table : tableNames(this.main)) {
			if (table.endsWith("_gray") || expected.containsKey(table)) {
				actual.put(table, dump(this.main, table));
			}
		}
		assertThat(actual).as("shadow tables").isEqualTo(expected);
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
			for (Map.Entry<String, String> entry : BASE_DATA.entrySet()) {
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
				for (String table : tableNames(connection)) {
					statement.execute("DROP TABLE " + table);
				}
				statement.execute("SET FOREIGN_KEY_CHECKS = 1");
				for (String ddl : DDL) {
					statement.execute(ddl);
				}
			}
			refStatement.execute("DROP TABLE secrets");
			for (String table : SHADOWED) {
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

	private static List<String> run(DataSource dataSource, String sql, Object[] params) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (sql.startsWith("{")) {
				try (CallableStatement call = connection.prepareCall(sql)) {
					bind(call, params);
					return results(call, call.execute());
				}
			}
			if (params.length > 0) {
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					bind(statement, params);
					return results(statement, statement.execute());
				}
			}
			try (Statement statement = connection.createStatement()) {
				return results(statement, statement.execute(sql));
			}
		}
	}

	private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
		for (int i = 0; i < params.length; i++) {
			statement.setObject(i + 1, params[i]);
		}
	}

	private static List<String> results(Statement statement, boolean hasResultSet) throws SQLException {
		if (!hasResultSet) {
			return List.of("count " + statement.getUpdateCount());
		}
		try (ResultSet resultSet = statement.getResultSet()) {
			return rows(resultSet);
		}
	}

	private static List<String> rows(ResultSet resultSet) throws SQLException {
		List<String> rows = new ArrayList<>();
		int columns = resultSet.getMetaData().getColumnCount();
		while (resultSet.next()) {
			StringBuilder row = new StringBuilder();
			for (int i = 1; i <= columns; i++) {
				row.append(resultSet.getString(i)).append('|');
			}
			rows.add(row.toString());
		}
		Collections.sort(rows);
		return rows;
	}

	private Map<String, String> baseTables(DataSource dataSource) throws SQLException {
		Map<String, String> tables = new TreeMap<>();
		for (String table : tableNames(dataSource)) {
			if (!table.endsWith("_gray") && this.rules.policyOf(null, table) != TablePolicy.SHARED) {
				tables.put(table, dump(dataSource, table));
			}
		}
		return tables;
	}

	private static List<String> tableNames(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return tableNames(connection);
		}
	}

	private static List<String> tableNames(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("SELECT table_name FROM information_schema.tables "
						+ "WHERE table_schema = DATABASE() ORDER BY table_name")) {
			while (resultSet.next()) {
				names.add(resultSet.getString(1));
			}
		}
		return names;
	}

	private static String dump(DataSource dataSource, String table) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			List<String> columns = new ArrayList<>();
			try (ResultSet resultSet = statement
				.executeQuery("SELECT column_name, column_type FROM information_schema.columns WHERE table_schema = "
						+ "DATABASE() AND table_name = '" + table + "' ORDER BY ordinal_position")) {
				while (resultSet.next()) {
					columns.add(resultSet.getString(1) + " " + resultSet.getString(2));
				}
			}
			try (ResultSet resultSet = statement.executeQuery("SELECT * FROM " + table)) {
				return columns + " " + rows(resultSet);
			}
		}
	}

}
