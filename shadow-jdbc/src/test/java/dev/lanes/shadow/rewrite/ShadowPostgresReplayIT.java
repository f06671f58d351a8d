package dev.lanes.shadow.rewrite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.shadow.PostgresTestServer;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowEnforcement;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.rewrite.RewriteCases.Replay;
import dev.lanes.shadow.schema.ShadowTables;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL counterpart of {@link ShadowRewriteReplayIT}: PostgreSQL-specific cases (ON
 * CONFLICT, RETURNING, UPDATE ... FROM, DELETE ... USING, data-modifying CTEs, standard
 * strings) are rewritten to their exact expected SQL, run in lane gray on schema
 * {@value #MAIN} and compared with the original SQL run on a reference schema
 * {@value #REF} holding the shadow data. Optional: skipped without
 * {@code LANES_TEST_POSTGRES_URL}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowPostgresReplayIT {

	static final String MAIN = "lanes_shadow_pg";

	static final String REF = "lanes_shadow_pg_ref";

	private static final String SCHEMA_FUNCTION = "current_schema()";

	private static final List<String> SHADOWED = List.of("orders", "items", "customers", "archive");

	private static final String[] DDL = {
			"CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, region_id INT, "
					+ "total INT, status VARCHAR(20), note VARCHAR(50))",
			"CREATE TABLE items (id INT PRIMARY KEY, order_id INT, price INT)",
			"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))",
			"CREATE TABLE archive (id INT PRIMARY KEY, total INT)",
			"CREATE TABLE dict_region (id INT PRIMARY KEY, name VARCHAR(50))",
			"CREATE TABLE id_alloc (id INT PRIMARY KEY, n INT)" };

	private static final Map<String, String> BASE_DATA = Map.of("orders",
			"(1, 1, 1, 10, 'new', NULL), (2, 2, 2, 20, 'paid', NULL), (3, 1, 2, 30, 'paid', 'a')", "items",
			"(1, 1, 4), (2, 1, 6), (3, 2, 8), (4, 3, 2)", "customers", "(1, 'Ann'), (2, 'Ben')", "archive", "(100, 1)",
			"dict_region", "(1, 'north'), (2, 'south')", "id_alloc", "(1, 500)");

	private static final Map<String, String> SHADOW_DATA = Map.of("orders",
			"(1, 2, 1, 11, 'new', NULL), (2, 1, 2, 21, 'paid', NULL), (3, 2, 1, 31, 'new', 'b\\'), "
					+ "(4, 1, 2, 41, 'paid', NULL)",
			"items", "(1, 1, 5), (2, 2, 7), (3, 3, 9), (4, 4, 1)", "customers", "(1, 'Gwen'), (2, 'Gus')", "archive",
			"(200, 2), (3, 3)");

	private final ShadowRules rules = rules();

	private final ShadowTableRewriter rewriter = new ShadowTableRewriter(this.rules);

	private HikariDataSource main;

	private HikariDataSource ref;

	private ShadowDataSource shadow;

	private ShadowReplay replay;

	private boolean schemaDirty = true;

	static ShadowRules rules() {
		return ShadowRules.builder()
			.dialect(SqlDialect.POSTGRESQL)
			.lanes("gray")
			.table("dict_region", TablePolicy.READ_BASE)
			.table("id_alloc", TablePolicy.SHARED)
			.build();
	}

	static Stream<RewriteCase> cases() {
		return Stream.of(
				new RewriteCase("join-alias",
						"SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id",
						"SELECT o.id, c.name FROM orders_gray o JOIN customers_gray c ON c.id = o.customer_id "
								+ "ORDER BY o.id",
						Replay.DATA),
				new RewriteCase("standard-string-backslash", "SELECT id FROM orders WHERE note <> 'b\\' ORDER BY id",
						"SELECT id FROM orders_gray WHERE note <> 'b\\' ORDER BY id", Replay.DATA),
				new RewriteCase("on-conflict-update-returning",
						"INSERT INTO orders (id, customer_id, region_id, total, status) VALUES (1, 1, 1, 7, 'new') "
								+ "ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total + orders.total RETURNING id, total",
						"INSERT INTO orders_gray (id, customer_id, region_id, total, status) VALUES (1, 1, 1, 7, 'new') "
								+ "ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total + orders_gray.total "
								+ "RETURNING id, total",
						Replay.DATA),
				new RewriteCase("on-conflict-nothing",
						"INSERT INTO customers (id, name) VALUES (1, 'X') ON CONFLICT DO NOTHING",
						"INSERT INTO customers_gray (id, name) VALUES (1, 'X') ON CONFLICT DO NOTHING", Replay.DATA),
				new RewriteCase("update-from",
						"UPDATE orders SET total = items.price FROM items WHERE items.order_id = orders.id AND items.id = 1",
						"UPDATE orders_gray SET total = items_gray.price FROM items_gray "
								+ "WHERE items_gray.order_id = orders_gray.id AND items_gray.id = 1",
						Replay.DATA),
				new RewriteCase("update-from-read-base",
						"UPDATE orders SET note = r.name FROM dict_region r WHERE r.id = orders.region_id",
						"UPDATE orders_gray SET note = r.name FROM dict_region r WHERE r.id = orders_gray.region_id",
						Replay.DATA),
				new RewriteCase("delete-using",
						"DELETE FROM orders USING items WHERE items.order_id = orders.id AND items.price > 5",
						"DELETE FROM orders_gray USING items_gray WHERE items_gray.order_id = orders_gray.id "
								+ "AND items_gray.price > 5",
						Replay.DATA),
				new RewriteCase("cast-ilike-offset",
						"SELECT id::text, status ILIKE 'P%' FROM orders ORDER BY id LIMIT 2 OFFSET 1",
						"SELECT id::text, status ILIKE 'P%' FROM orders_gray ORDER BY id LIMIT 2 OFFSET 1",
						Replay.DATA),
				new RewriteCase("data-modifying-cte",
						"WITH moved AS (DELETE FROM orders WHERE id = 1 RETURNING id, total) "
								+ "INSERT INTO archive SELECT id, total FROM moved",
						"WITH moved AS (DELETE FROM orders_gray WHERE id = 1 RETURNING id, total) "
								+ "INSERT INTO archive_gray SELECT id, total FROM moved",
						Replay.DATA),
				new RewriteCase("double-quotes", "SELECT \"id\" FROM \"orders\" WHERE \"orders\".\"id\" = 2",
						"SELECT \"id\" FROM \"orders_gray\" WHERE \"orders_gray\".\"id\" = 2", Replay.DATA),
				new RewriteCase("schema-qualified", "SELECT id FROM lanes_shadow_pg.orders WHERE id = 1",
						"SELECT id FROM lanes_shadow_pg.orders_gray WHERE id = 1", Replay.DATA),
				new RewriteCase("parameter", "SELECT total FROM orders WHERE id = ?",
						"SELECT total FROM orders_gray WHERE id = ?", Replay.DATA, 2),
				new RewriteCase("insert-select-shared",
						"INSERT INTO orders (id, customer_id, region_id, total, status) "
								+ "SELECT n, 1, 1, 0, 'new' FROM id_alloc WHERE id = 1",
						"INSERT INTO orders_gray (id, customer_id, region_id, total, status) "
								+ "SELECT n, 1, 1, 0, 'new' FROM id_alloc WHERE id = 1",
						Replay.DATA),
				new RewriteCase("truncate", "TRUNCATE TABLE items", "TRUNCATE TABLE items_gray", Replay.DATA),
				new RewriteCase("create-table", "CREATE TABLE scratch (id INT PRIMARY KEY, v VARCHAR(10))",
						"CREATE TABLE scratch_gray (id INT PRIMARY KEY, v VARCHAR(10))", Replay.DDL));
	}

	@BeforeAll
	void startPools() throws SQLException {
		PostgresTestServer server = PostgresTestServer.get();
		server.recreateSchemas(MAIN, REF);
		this.main = server.pool(MAIN);
		this.ref = server.pool(REF);
		this.shadow = ShadowDataSource.builder(this.main, this.rules)
			.enforcement(ShadowEnforcement.REWRITE_ONLY)
			.build();
		this.replay = new ShadowReplay(this.main, this.ref, this.shadow, this.rules, MAIN, REF, SCHEMA_FUNCTION);
	}

	@AfterAll
	void closePools() {
		if (this.main != null) {
			this.main.close();
			this.ref.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void grayStatementChangesOnlyShadowDataLikeTheOriginalWouldChangeACopy(RewriteCase rewriteCase)
			throws SQLException {
		assertThat(this.rewriter.rewrite("gray", rewriteCase.sql())).isEqualTo(rewriteCase.expected());
		prepare();
		this.schemaDirty = rewriteCase.replay().ddl();
		this.replay.assertGrayChangesOnlyShadowData(rewriteCase);
	}

	private void prepare() throws SQLException {
		if (this.schemaDirty) {
			createSchema(this.main, true);
			createSchema(this.ref, false);
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
				else {
					fill(refStatement, table, entry.getValue());
				}
			}
		}
	}

	private static void fill(Statement statement, String table, String rows) throws SQLException {
		statement.execute("DELETE FROM " + table);
		statement.execute("INSERT INTO " + table + " VALUES " + rows);
	}

	private static void createSchema(DataSource dataSource, boolean withShadowTables) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String table : ReplaySupport.tableNames(connection, SCHEMA_FUNCTION)) {
				statement.execute("DROP TABLE " + table + " CASCADE");
			}
			for (String ddl : DDL) {
				statement.execute(ddl);
			}
			if (withShadowTables) {
				for (String table : SHADOWED) {
					statement.execute("CREATE TABLE " + table + "_gray (LIKE " + table + " INCLUDING ALL)");
				}
			}
		}
	}

	@Test
	void createsMissingShadowTablesAndFindsDrift() throws SQLException {
		try (Connection connection = this.main.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS parcels, parcels_gray, crates, crates_gray");
			statement.execute("CREATE TABLE parcels (id INT PRIMARY KEY, weight INT NOT NULL)");
			statement.execute("CREATE TABLE crates (id INT PRIMARY KEY, size INT)");
			statement.execute("CREATE TABLE crates_gray (id INT PRIMARY KEY)");
		}
		ShadowTables tables = new ShadowTables(ShadowRules.builder()
			.dialect(SqlDialect.POSTGRESQL)
			.lanes("gray")
			.defaultPolicy(TablePolicy.DENY)
			.table("parcels", TablePolicy.SHADOW)
			.table("crates", TablePolicy.SHADOW)
			.build());
		assertThat(tables.createMissing(this.main)).containsExactly(
				"CREATE TABLE IF NOT EXISTS \"parcels_gray\" (LIKE \"parcels\" INCLUDING ALL)",
				"CREATE TABLE IF NOT EXISTS \"crates_gray\" (LIKE \"crates\" INCLUDING ALL)");
		assertThat(ReplaySupport.tableNames(this.main, SCHEMA_FUNCTION)).contains("parcels_gray");
		assertThat(tables.findDrift(this.main)).singleElement()
			.asString()
			.startsWith("shadow table crates_gray columns [id int4(10) NOT NULL] differ from crates columns");
	}

	@Test
	void createsTheShadowTablesOfEveryTableTheDefaultPolicyShadows() throws SQLException {
		try (Connection connection = this.main.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS parcels, parcels_gray, crates, crates_gray, boxes_gray");
			statement.execute("CREATE TABLE parcels (id INT PRIMARY KEY, weight INT NOT NULL)");
			statement.execute("CREATE TABLE crates (id INT PRIMARY KEY, size INT)");
			statement.execute("CREATE TABLE boxes_gray (id INT PRIMARY KEY)");
		}
		ShadowTables tables = new ShadowTables(ShadowRules.builder()
			.dialect(SqlDialect.POSTGRESQL)
			.lanes("gray")
			.table("crates", TablePolicy.READ_BASE)
			.build());
		List<String> created = tables.createMissing(this.main);
		// parcels is covered by the default policy; crates is read-base; boxes_gray is
		// spelled like a shadow table and gets no boxes_gray_gray
		assertThat(created).contains("CREATE TABLE IF NOT EXISTS \"parcels_gray\" (LIKE \"parcels\" INCLUDING ALL)")
			.noneMatch((sql) -> sql.contains("crates") || sql.contains("_gray_gray"));
		assertThat(ReplaySupport.tableNames(this.main, SCHEMA_FUNCTION)).contains("parcels_gray")
			.doesNotContain("crates_gray", "boxes_gray_gray");
		assertThat(tables.findDrift(this.main)).noneMatch((problem) -> problem.contains("parcels"));
	}

}
