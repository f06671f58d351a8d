package dev.lanes.shadow;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.core.LaneContext;
import dev.lanes.core.Lanes;
import dev.lanes.shadow.rewrite.ShadowTableRewriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dev.lanes.shadow.JdbcTestSupport.execute;
import static dev.lanes.shadow.JdbcTestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for {@link ShadowDataSource} in table mode against a real
 * MySQL-compatible server: JDBC coverage, when the lane is read, fail-closed refusals and
 * concurrent mixed traffic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowDataSourceIT {

	private static final String DATABASE = "lanes_shadow_it_jdbc";

	private final ShadowRules rules = ShadowRules.builder()
		.sqlMode(MySqlTestServer.SESSION_SQL_MODE)
		.lanes("gray")
		.table("dict_region", TablePolicy.READ_BASE)
		.table("secrets", TablePolicy.DENY)
		.build();

	private final Queue<String> outcomes = new ConcurrentLinkedQueue<>();

	private final AtomicInteger transformed = new AtomicInteger();

	private HikariDataSource pool;

	private ShadowDataSource dataSource;

	@BeforeAll
	void startPool() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		server.recreateDatabases(DATABASE);
		this.pool = server.pool(DATABASE, 4);
		ShadowTableRewriter rewriter = new ShadowTableRewriter(this.rules);
		this.dataSource = ShadowDataSource.builder(this.pool, this.rules)
			.enforcement(ShadowEnforcement.REWRITE_ONLY)
			.transformer((context) -> {
				this.transformed.incrementAndGet();
				return rewriter.transform(context);
			})
			.listener((lane, outcome) -> this.outcomes.add(lane + ":" + outcome.tag()))
			.build();
		execute(this.pool, "CREATE TABLE tickets (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20))",
				"CREATE TABLE tickets_gray (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20))",
				"ALTER TABLE tickets_gray AUTO_INCREMENT = 1000",
				"CREATE TABLE events (id INT PRIMARY KEY, lane VARCHAR(10))", "CREATE TABLE events_gray LIKE events",
				"CREATE TABLE dict_region (id INT PRIMARY KEY, name VARCHAR(20))",
				"CREATE TABLE secrets (id INT PRIMARY KEY, v VARCHAR(20))",
				"CREATE PROCEDURE add_ticket_gray(IN p VARCHAR(20)) INSERT INTO tickets_gray (v) VALUES (p)");
	}

	@AfterAll
	void closePool() {
		if (this.pool != null) {
			this.pool.close();
		}
	}

	@BeforeEach
	void resetData() throws SQLException {
		execute(this.pool, "TRUNCATE TABLE tickets", "TRUNCATE TABLE tickets_gray",
				"ALTER TABLE tickets_gray AUTO_INCREMENT = 1000", "DELETE FROM events", "DELETE FROM events_gray",
				"DELETE FROM dict_region", "DELETE FROM secrets", "INSERT INTO dict_region VALUES (1, 'north')",
				"INSERT INTO secrets VALUES (1, 'x')");
		this.outcomes.clear();
		this.transformed.set(0);
	}

	@Test
	void baseTrafficIsPassedThroughWithoutParsing() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO tickets (v) VALUES ('base')");
			// nonsense reaches the driver untouched: the server, not the shadow layer,
			// refuses it
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("THIS IS NOT SQL THE REWRITER COULD PARSE"))
				.isNotInstanceOf(ShadowRejectedException.class);
		}
		assertThat(this.transformed).hasValue(0);
		assertThat(values(this.pool, "tickets")).containsExactly("base");
		assertThat(values(this.pool, "tickets_gray")).isEmpty();
		assertThat(List.copyOf(this.outcomes)).startsWith("null:passed");
	}

	@Test
	void grayPlainStatementsAreRewrittenAtExecution() throws SQLException {
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			assertThat(statement.executeUpdate("INSERT INTO tickets (v) VALUES ('a')")).isEqualTo(1);
			assertThat(statement.executeLargeUpdate("INSERT INTO tickets (v) VALUES ('b')")).isEqualTo(1);
			assertThat(statement.execute("UPDATE tickets SET v = 'c' WHERE v = 'b'")).isFalse();
			try (ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM tickets")) {
				resultSet.next();
				assertThat(resultSet.getInt(1)).isEqualTo(2);
			}
		}
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO tickets (v) VALUES ('base')");
		}
		assertThat(values(this.pool, "tickets_gray")).containsExactly("a", "c");
		assertThat(values(this.pool, "tickets")).containsExactly("base");
		assertThat(List.copyOf(this.outcomes)).containsExactly("gray:rewritten", "gray:rewritten", "gray:rewritten",
				"gray:rewritten", "null:passed");
	}

	@Test
	void grayStatementBatchIsRewrittenPerAddBatch() throws SQLException {
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.addBatch("INSERT INTO tickets (v) VALUES ('x')");
			statement.addBatch("INSERT INTO tickets (v) VALUES ('y')");
			assertThat(statement.executeBatch()).containsExactly(1, 1);
		}
		assertThat(values(this.pool, "tickets_gray")).containsExactly("x", "y");
		assertThat(values(this.pool, "tickets")).isEmpty();
	}

	@Test
	void grayPreparedBatchReturnsGeneratedKeysOfShadowTable() throws SQLException {
		List<Integer> keys = new ArrayList<>();
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("INSERT INTO tickets (v) VALUES (?)",
						Statement.RETURN_GENERATED_KEYS)) {
			for (String value : List.of("p1", "p2", "p3")) {
				statement.setString(1, value);
				statement.addBatch();
			}
			statement.executeBatch();
			try (ResultSet generated = statement.getGeneratedKeys()) {
				while (generated.next()) {
					keys.add(generated.getInt(1));
				}
			}
			assertThat(statement.getConnection()).isSameAs(connection);
		}
		assertThat(keys).containsExactly(1000, 1001, 1002);
		assertThat(values(this.pool, "tickets_gray")).containsExactly("p1", "p2", "p3");
		assertThat(values(this.pool, "tickets")).isEmpty();
	}

	@Test
	void statementPreparedInGrayIsRefusedWhenExecutedAsBase() throws SQLException {
		Connection connection;
		PreparedStatement gray;
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			connection = this.dataSource.getConnection();
			gray = connection.prepareStatement("INSERT INTO tickets (v) VALUES (?)");
		}
		try (connection; gray) {
			gray.setString(1, "prepared-in-gray");
			assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(gray::executeUpdate)
				.withMessageContaining("the statement belongs to lane 'gray' but lane 'base' is current");
			assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(gray::addBatch);
			assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(gray::executeBatch);
		}
		assertThat(values(this.pool, "tickets_gray")).isEmpty();
		assertThat(values(this.pool, "tickets")).isEmpty();
	}

	@Test
	void statementPreparedAsBaseIsRefusedWhenExecutedInGray() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement base = connection.prepareStatement("INSERT INTO tickets (v) VALUES (?)")) {
			base.setString(1, "prepared-as-base");
			try (LaneContext.Scope scope = LaneContext.open("gray")) {
				assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(base::executeUpdate)
					.withMessageContaining("belongs to lane 'base' but lane 'gray' is current");
				assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(base::addBatch);
				assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(connection::commit);
			}
		}
		assertThat(values(this.pool, "tickets")).isEmpty();
		assertThat(values(this.pool, "tickets_gray")).isEmpty();
	}

	@Test
	void grayRefusesUpdatableResultSetsAndCatalogSwitches() throws SQLException {
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection connection = this.dataSource.getConnection()) {
			assertThatExceptionOfType(ShadowRejectedException.class)
				.isThrownBy(() -> connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE))
				.withMessageContaining("CONCUR_UPDATABLE");
			assertThatExceptionOfType(ShadowRejectedException.class)
				.isThrownBy(() -> connection.prepareStatement("SELECT id, name FROM dict_region",
						ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
			assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(() -> connection.setCatalog("mysql"))
				.withMessageContaining("switching the catalog");
			connection.setCatalog(connection.getCatalog());
		}
	}

	@Test
	void everyPathBackLeadsToTheProxies() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT 1");
				ResultSet resultSet = statement.executeQuery()) {
			assertThat(resultSet.getStatement()).isSameAs(statement);
			assertThat(statement.getConnection()).isSameAs(connection);
			assertThat(connection.getMetaData().getConnection()).isSameAs(connection);
			try (ResultSet tables = connection.getMetaData().getTables(null, null, "tickets", null)) {
				assertThat(tables.getStatement()).isNull();
			}
		}
	}

	@Test
	void graySessionWithNoBackslashEscapesIsRefused() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			// base traffic may change its session: the pool hands the connection on
			statement.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
		}
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			// the pool hands the same thread its last connection first
			assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(this.dataSource::getConnection)
				.withMessageContaining("NO_BACKSLASH_ESCAPES");
		}
		finally {
			this.pool.getHikariPoolMXBean().softEvictConnections();
		}
	}

	@Test
	void grayCallableStatementCallsShadowProcedure() throws SQLException {
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection connection = this.dataSource.getConnection();
				CallableStatement call = connection.prepareCall("{call add_ticket(?)}")) {
			call.setString(1, "called");
			call.execute();
		}
		assertThat(values(this.pool, "tickets_gray")).containsExactly("called");
		assertThat(values(this.pool, "tickets")).isEmpty();
	}

	@Test
	void unparseableGrayWriteIsRefusedAndNothingRuns() throws SQLException {
		assertRefused("INSERT INTO tickets (v) VALUES ('x'", "cannot parse the SQL");
	}

	@Test
	void grayWriteToReadBaseTableIsRefused() throws SQLException {
		assertRefused("UPDATE dict_region SET name = 'changed'", "table dict_region is read-base");
		assertRefused("INSERT INTO dict_region VALUES (2, 'south')", "table dict_region is read-base");
	}

	@Test
	void grayUseOfDeniedTableIsRefused() throws SQLException {
		assertRefused("DELETE FROM secrets", "table secrets is denied");
		assertRefused("SELECT * FROM secrets", "table secrets is denied");
	}

	@Test
	void grayStatementTheRewriterCannotCoverIsRefused() throws SQLException {
		assertRefused("RENAME TABLE tickets TO tickets_old", "not covered by the shadow rewriter");
		assertRefused("LOCK TABLES tickets WRITE", "cannot parse the SQL");
		assertRefused("INSERT INTO tickets (v) VALUES ('a'); DELETE FROM dict_region", "found 2");
	}

	@Test
	void grayExecutableCommentIsRefusedAlthoughTheServerWouldRunIt() throws SQLException {
		String hidden = "/*M!100000 INSERT INTO tickets (v) VALUES ('hidden') */";
		try (Connection connection = this.pool.getConnection()) {
			boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
			if (mariaDb) {
				// what the statement would do if it got through: the server runs the
				// comment
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate(hidden);
				}
				assertThat(values(this.pool, "tickets")).containsExactly("hidden");
			}
		}
		assertRefused(hidden, "cannot parse the SQL");
		assertRefused("/*!INSERT INTO tickets (v) VALUES ('hidden') */", "cannot parse the SQL");
	}

	@Test
	void graySqlTheServerReadsDifferentlyFromTheParserIsRefused() throws SQLException {
		// the server runs the UNION: after "1 --1" (minus minus one) and after the first
		// "*/"
		String dashes = "SELECT name FROM dict_region WHERE id = 1 --1 UNION SELECT v FROM secrets";
		String nested = "SELECT name FROM dict_region /* a /* b */ UNION SELECT v FROM secrets";
		for (String sql : List.of(dashes, nested)) {
			List<String> rows = new ArrayList<>();
			try (Connection connection = this.pool.getConnection();
					Statement statement = connection.createStatement();
					ResultSet resultSet = statement.executeQuery(sql)) {
				while (resultSet.next()) {
					rows.add(resultSet.getString(1));
				}
			}
			assertThat(rows).as(sql).contains("x");
		}
		assertRefused(dashes, "is not a comment to MySQL");
		assertRefused(nested, "the parser did not read the SQL");
	}

	@Test
	void grayReadOfReadBaseTableSeesBaseData() throws SQLException {
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("SELECT name FROM dict_region WHERE id = 1")) {
			assertThat(resultSet.next()).isTrue();
			assertThat(resultSet.getString(1)).isEqualTo("north");
		}
		assertThat(List.copyOf(this.outcomes)).containsExactly("gray:passed");
	}

	@Test
	void unwrapReachesThePoolAndTheDriver() throws SQLException {
		assertThat(this.dataSource.unwrap(HikariDataSource.class)).isSameAs(this.pool);
		assertThat(this.dataSource.isWrapperFor(HikariConfigMXBean.class)).isTrue();
		assertThat(this.dataSource.unwrap(HikariConfigMXBean.class).getMaximumPoolSize()).isEqualTo(4);
		assertThat(this.dataSource.unwrap(ShadowDataSource.class)).isSameAs(this.dataSource);
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.isWrapperFor(org.mariadb.jdbc.Connection.class)
					|| connection.isWrapperFor(com.mysql.cj.jdbc.JdbcConnection.class))
				.isTrue();
		}
	}

	@Test
	void concurrentMixedTrafficKeepsBaseAndGrayRowsApart() throws Exception {
		int threads = 8;
		int writes = 2000;
		AtomicInteger next = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(executor.submit(() -> {
					start.await();
					for (int id = next.getAndIncrement(); id < writes; id = next.getAndIncrement()) {
						String lane = (id % 3 == 0) ? null : "gray";
						try (LaneContext.Scope scope = LaneContext.open(lane);
								Connection connection = this.dataSource.getConnection()) {
							if (id % 2 == 0) {
								try (PreparedStatement statement = connection
									.prepareStatement("INSERT INTO events (id, lane) VALUES (?, ?)")) {
									statement.setInt(1, id);
									statement.setString(2, Lanes.label(lane));
									statement.executeUpdate();
								}
							}
							else {
								try (Statement statement = connection.createStatement()) {
									statement.executeUpdate("INSERT INTO events (id, lane) VALUES (" + id + ", '"
											+ Lanes.label(lane) + "')");
								}
							}
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdown();
		}
		List<String> expectedBase = new ArrayList<>();
		List<String> expectedGray = new ArrayList<>();
		for (int id = 0; id < writes; id++) {
			((id % 3 == 0) ? expectedBase : expectedGray).add(id + ":" + ((id % 3 == 0) ? "base" : "gray"));
		}
		assertThat(events("events")).containsExactlyInAnyOrderElementsOf(expectedBase);
		assertThat(events("events_gray")).containsExactlyInAnyOrderElementsOf(expectedGray);
	}

	private void assertRefused(String sql, String reason) throws SQLException {
		String before = snapshot();
		try (LaneContext.Scope scope = LaneContext.open("gray");
				Connection connection = this.dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(() -> statement.execute(sql))
					.withMessageContaining(reason);
			}
			assertThatExceptionOfType(ShadowRejectedException.class).isThrownBy(() -> connection.prepareStatement(sql))
				.withMessageContaining(reason);
		}
		assertThat(snapshot()).isEqualTo(before);
		assertThat(List.copyOf(this.outcomes)).containsOnly("gray:rejected");
	}

	private String snapshot() throws SQLException {
		return values(this.pool, "tickets") + " " + values(this.pool, "dict_region") + " "
				+ values(this.pool, "secrets") + " " + values(this.pool, "tickets_gray");
	}

	private List<String> events(String table) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.pool.getConnection();
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("SELECT id, lane FROM " + table)) {
			while (resultSet.next()) {
				rows.add(resultSet.getInt(1) + ":" + resultSet.getString(2));
			}
		}
		return rows;
	}

}
