package dev.lanes.shadow.rewrite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.core.LaneContext;
import dev.lanes.shadow.MySqlTestServer;
import dev.lanes.shadow.PostgresTestServer;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowEnforcement;
import dev.lanes.shadow.ShadowRejectedException;
import dev.lanes.shadow.ShadowRules;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.rewrite.RewriteCases.RewriteCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded differential fuzz test of the shadow rewriter against real servers: statements
 * built from the rewrite cases, with comments ({@code /* *}{@code /}, {@code #},
 * {@code -- }, {@code --x}), quotes, backslash escapes, blanks and line endings
 * ({@code \r}, {@code \r\n}, {@code \n}, U+00A0, U+3000) injected between their tokens or
 * into their strings, run in lane gray through a {@link ShadowDataSource}. Whatever the
 * server and the rewriter make of them, no base row may change, and every failure must be
 * an {@link SQLException} (a refusal or a server error).
 * <p>
 * The seed is printed; set {@code -Dlanes.fuzz.seed=...} to replay a run, and
 * {@code -Dlanes.fuzz.iterations=...} for the statements per server and mode (MariaDB or
 * MySQL: default {@code sql_mode}, {@code ANSI_QUOTES}, {@code NO_BACKSLASH_ESCAPES};
 * PostgreSQL: {@code standard_conforming_strings} on and off). Each run stops after 12
 * seconds per server and mode, five runs in all.
 */
class ShadowRewriteFuzzIT {

	private static final String DATABASE = "lanes_shadow_fuzz";

	private static final long SEED = Long.getLong("lanes.fuzz.seed", 20261203L);

	private static final int ITERATIONS = Integer.getInteger("lanes.fuzz.iterations", 2500);

	private static final long TIME_LIMIT_MILLIS = 12_000;

	private static final List<String> BASE_TABLES = List.of("orders", "items", "customers", "archive", "dict_region",
			"id_alloc", "secrets");

	// id_alloc is shared: the lane may write it
	private static final List<String> CHECKED_TABLES = List.of("orders", "items", "customers", "archive", "dict_region",
			"secrets");

	private static final Map<String, String> SHADOW_DATA = Map.of("orders",
			"(1, 2, 1, 11, 'new', NULL), (2, 1, 2, 21, 'paid', NULL), (3, 2, 1, 31, 'new', 'b')", "items",
			"(1, 1, 5), (2, 2, 7), (3, 3, 9)", "customers", "(1, 'Gwen'), (2, 'Gus')", "archive", "(200, 2)");

	/**
	 * Fragments injected between tokens: comments ended in every way, dashes followed by
	 * what MySQL does not take for a blank, blanks, and code hidden behind line endings
	 * that one reader ends a comment at and another does not.
	 */
	private static final String[] BETWEEN = { " ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u3000", "/* c */",
			"/* a /* b */", "/*+ c */", "/*! */", "/*!99999 x */", "/*M! */", "# c\n", "# c\r", "# c\r\n", "-- c\n",
			"-- c\r", "-- c\r\n", "--x", "--\u00a0", "--\u3000", "--\t\n", "# \r OR 1 = 1\n", "-- \r OR 1 = 1\n",
			"# \r; DELETE FROM orders\n", "-- \rUNION SELECT v FROM secrets\n", "/*! 'x*/' */", "\"a\\\"\"", "'\\''",
			"E'\\''", "$$'$$", "\\", "'", "\"", "`", "#", "-- \r", "--", "/*", "*/" };

	/**
	 * Fragments injected into string literals.
	 */
	private static final String[] IN_STRING = { "\\'", "\\\\", "''", "\\", "\\\" OR 1 = 1 -- ", "*/", "/*", "\r",
			"\u3000" };

	@Test
	void mysqlGrayStatementsNeverChangeBaseRows() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		server.recreateDatabases(DATABASE);
		List<RewriteCase> cases = RewriteCases.all()
			.stream()
			.filter((rewriteCase) -> !rewriteCase.replay().ddl() && rewriteCase.replay().skipReason() == null)
			.map((rewriteCase) -> new RewriteCase(rewriteCase.name(),
					rewriteCase.sql().replace(RewriteCases.SCHEMA + ".", DATABASE + "."), rewriteCase.expected(),
					rewriteCase.replay(), rewriteCase.params()))
			.toList();
		List<Run> runs = new ArrayList<>();
		for (SqlMode mode : List.of(SqlMode.DEFAULT, SqlMode.DEFAULT.withAnsiQuotes(true),
				SqlMode.DEFAULT.withNoBackslashEscapes(true))) {
			try (HikariDataSource pool = new HikariDataSource()) {
				pool.setJdbcUrl(server.url(DATABASE));
				pool.setMaximumPoolSize(1);
				List<String> flags = new ArrayList<>();
				if (mode.ansiQuotes()) {
					flags.add("ANSI_QUOTES");
				}
				if (mode.noBackslashEscapes()) {
					flags.add("NO_BACKSLASH_ESCAPES");
				}
				if (!flags.isEmpty()) {
					pool.setConnectionInitSql(
							"SET SESSION sql_mode = CONCAT(@@sql_mode, '," + String.join(",", flags) + "')");
				}
				ShadowRules rules = rules(SqlDialect.MYSQL, mode);
				Run run = new Run("mysql " + mode, SqlDialect.MYSQL, pool, rules, cases);
				run.createSchema("CREATE TABLE %1$s_gray LIKE %1$s");
				run.fuzz();
				runs.add(run);
			}
		}
		for (Run run : runs) {
			run.assertSafe();
		}
	}

	@Test
	void postgresGrayStatementsNeverChangeBaseRows() throws SQLException {
		PostgresTestServer server = PostgresTestServer.get();
		server.recreateSchemas(DATABASE);
		List<RewriteCase> cases = new ArrayList<>(ShadowPostgresReplayIT.cases()
			.filter((rewriteCase) -> !rewriteCase.replay().ddl())
			.map((rewriteCase) -> new RewriteCase(rewriteCase.name(),
					rewriteCase.sql().replace(ShadowPostgresReplayIT.MAIN + ".", DATABASE + "."),
					rewriteCase.expected(), rewriteCase.replay(), rewriteCase.params()))
			.toList());
		cases.addAll(RewriteCases.all()
			.stream()
			.filter((rewriteCase) -> !rewriteCase.replay().ddl() && !rewriteCase.sql().contains(RewriteCases.SCHEMA))
			.toList());
		List<Run> runs = new ArrayList<>();
		for (SqlMode mode : List.of(SqlMode.DEFAULT, SqlMode.DEFAULT.withStandardConformingStrings(false))) {
			try (HikariDataSource pool = server.pool(DATABASE)) {
				if (!mode.standardConformingStrings()) {
					pool.setConnectionInitSql("SET standard_conforming_strings = off");
				}
				Run run = new Run("postgresql " + mode, SqlDialect.POSTGRESQL, pool, rules(SqlDialect.POSTGRESQL, mode),
						cases);
				run.createSchema("CREATE TABLE %1$s_gray (LIKE %1$s INCLUDING ALL)");
				run.fuzz();
				runs.add(run);
			}
		}
		for (Run run : runs) {
			run.assertSafe();
		}
	}

	private static ShadowRules rules(SqlDialect dialect, SqlMode mode) {
		return ShadowRules.builder()
			.lanes(RewriteCases.LANE)
			.dialect(dialect)
			.sqlMode(mode)
			.table("dict_region", TablePolicy.READ_BASE)
			.table("id_alloc", TablePolicy.SHARED)
			.table("secrets", TablePolicy.DENY)
			.build();
	}

	/**
	 * One fuzz run against one server in one mode.
	 */
	private static final class Run {

		private final String name;

		private final SqlDialect dialect;

		private final DataSource base;

		private final ShadowDataSource shadow;

		private final ShadowRules rules;

		private final List<RewriteCase> cases;

		private final Random random = new Random(SEED);

		private final List<String> unexpected = new ArrayList<>();

		private final List<String> baseChanges = new ArrayList<>();

		private final Map<String, Integer> reasons = new TreeMap<>();

		private int executed;

		private int refused;

		private int serverErrors;

		private int changedBaseRows;

		Run(String name, SqlDialect dialect, DataSource base, ShadowRules rules, List<RewriteCase> cases) {
			this.name = name;
			this.dialect = dialect;
			this.base = base;
			this.rules = rules;
			// the rewriter alone is under test here; the privileges ITs test the second
			// guard
			this.shadow = ShadowDataSource.builder(base, rules).enforcement(ShadowEnforcement.REWRITE_ONLY).build();
			this.cases = cases;
		}

		void createSchema(String createShadowTable) throws SQLException {
			try (Connection connection = this.base.getConnection();
					Statement statement = connection.createStatement()) {
				for (String table : BASE_TABLES) {
					for (String suffix : List.of("_gray", "")) {
						statement.execute("DROP TABLE IF EXISTS " + table + suffix);
					}
				}
				for (String ddl : RewriteCases.DDL) {
					statement.execute(ddl);
				}
				for (String table : RewriteCases.SHADOWED) {
					statement.execute(String.format(createShadowTable, table));
				}
				if (this.dialect == SqlDialect.MYSQL) {
					statement.execute("DROP PROCEDURE IF EXISTS refresh_orders_gray");
					statement.execute("CREATE PROCEDURE refresh_orders_gray(IN p INT) "
							+ "UPDATE orders_gray SET status = 'refreshed' WHERE id = p");
				}
				for (Map.Entry<String, String> entry : RewriteCases.BASE_DATA.entrySet()) {
					statement.execute("INSERT INTO " + entry.getKey() + " VALUES " + entry.getValue());
				}
			}
			refillShadowTables();
		}

		void fuzz() throws SQLException {
			Set<String> before = baseRows();
			String checksum = checksum();
			long start = System.currentTimeMillis();
			int iteration = 0;
			for (; iteration < ITERATIONS && System.currentTimeMillis() - start < TIME_LIMIT_MILLIS; iteration++) {
				if (iteration % 50 == 0) {
					refillShadowTables();
				}
				RewriteCase rewriteCase = this.cases.get(this.random.nextInt(this.cases.size()));
				String sql = mutate(rewriteCase.sql());
				execute(sql, rewriteCase.params());
				String after = checksum();
				if (!after.equals(checksum)) {
					this.baseChanges.add(sql);
					checksum = after;
				}
			}
			Set<String> after = baseRows();
			Set<String> changed = new HashSet<>(before);
			changed.addAll(after);
			Set<String> unchanged = new HashSet<>(before);
			unchanged.retainAll(after);
			changed.removeAll(unchanged);
			this.changedBaseRows = changed.size();
			System.out.printf(
					"Fuzz %s: seed %d, %d statements in %d ms: %d executed, %d refused, %d server errors, "
							+ "%d changed base rows, %d other failures%n",
					this.name, SEED, iteration, System.currentTimeMillis() - start, this.executed, this.refused,
					this.serverErrors, this.changedBaseRows, this.unexpected.size());
			System.out.printf("Fuzz %s: refusals by reason %s%n", this.name, this.reasons);
		}

		private static String reason(String message) {
			String reason = message.substring(message.indexOf("': ") + 3);
			int end = reason.indexOf(" (");
			int executed = reason.indexOf("; nothing was executed");
			return reason.substring(0, (end < 0 || (executed >= 0 && executed < end)) ? executed : end);
		}

		void assertSafe() {
			assertThat(this.unexpected).as("%s (seed %d): failures other than SQLException", this.name, SEED).isEmpty();
			assertThat(this.baseChanges).as("%s (seed %d): statements that changed base tables", this.name, SEED)
				.isEmpty();
			assertThat(this.changedBaseRows).as("%s (seed %d): changed base rows", this.name, SEED).isZero();
			assertThat(this.executed).as("%s: statements executed", this.name).isPositive();
		}

		private String mutate(String sql) {
			String mutated = sql;
			int mutations = this.random.nextInt(4);
			for (int i = 0; i < mutations; i++) {
				List<SqlToken> tokens;
				try {
					tokens = SqlParsing.lex(mutated, this.dialect, this.rules.sqlMode());
				}
				catch (RuntimeException ex) {
					tokens = List.of();
				}
				List<SqlToken> strings = tokens.stream()
					.filter((token) -> token.kind() == SqlToken.Kind.STRING && token.end() - token.bodyStart() >= 2)
					.toList();
				if (!strings.isEmpty() && this.random.nextInt(4) == 0) {
					SqlToken string = strings.get(this.random.nextInt(strings.size()));
					int at = string.bodyStart() + 1 + this.random.nextInt(string.end() - string.bodyStart() - 1);
					mutated = insert(mutated, at, IN_STRING[this.random.nextInt(IN_STRING.length)]);
				}
				else {
					int at = tokens.isEmpty() ? this.random.nextInt(mutated.length() + 1)
							: tokens.get(this.random.nextInt(tokens.size())).end();
					String fragment = BETWEEN[this.random.nextInt(BETWEEN.length)];
					String lead = (this.random.nextBoolean()) ? " " : "";
					mutated = insert(mutated, at, lead + fragment);
				}
			}
			return mutated;
		}

		private static String insert(String sql, int at, String fragment) {
			return sql.substring(0, at) + fragment + sql.substring(at);
		}

		private void execute(String sql, Object[] params) {
			try (LaneContext.Scope scope = LaneContext.open(RewriteCases.LANE);
					Connection connection = this.shadow.getConnection();
					AutoCloseable rollback = () -> rollback(connection)) {
				connection.setAutoCommit(true);
				if (params.length > 0) {
					try (PreparedStatement statement = connection.prepareStatement(sql)) {
						statement.setQueryTimeout(5);
						for (int i = 0; i < params.length; i++) {
							statement.setObject(i + 1, params[i]);
						}
						statement.execute();
					}
				}
				else {
					try (Statement statement = connection.createStatement()) {
						statement.setQueryTimeout(5);
						statement.execute(sql);
					}
				}
				this.executed++;
			}
			catch (ShadowRejectedException ex) {
				this.refused++;
				this.reasons.merge(reason(ex.getMessage()), 1, Integer::sum);
			}
			catch (SQLException ex) {
				this.serverErrors++;
			}
			catch (RuntimeException | Error ex) {
				this.unexpected.add(ex + " for SQL: " + sql);
			}
			catch (Exception ex) {
				this.unexpected.add(ex + " for SQL: " + sql);
			}
		}

		/**
		 * Ends a transaction an injected {@code BEGIN} may have opened.
		 */
		private static void rollback(Connection connection) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("ROLLBACK");
			}
			catch (SQLException ex) {
				// nothing to end
			}
		}

		private void refillShadowTables() throws SQLException {
			try (Connection connection = this.base.getConnection();
					Statement statement = connection.createStatement()) {
				for (String table : RewriteCases.SHADOWED) {
					statement.execute("DELETE FROM " + table + "_gray");
					statement.execute("INSERT INTO " + table + "_gray VALUES " + SHADOW_DATA.get(table));
				}
			}
		}

		private String checksum() throws SQLException {
			String sql = (this.dialect == SqlDialect.MYSQL) ? "CHECKSUM TABLE " + String.join(", ", CHECKED_TABLES)
					: String.join(" UNION ALL ",
							CHECKED_TABLES.stream()
								.map((table) -> "SELECT '" + table + "', md5(coalesce(string_agg(t::text, ',' "
										+ "ORDER BY t::text), '')) FROM " + table + " t")
								.toList());
			StringBuilder checksum = new StringBuilder();
			try (Connection connection = this.base.getConnection();
					Statement statement = connection.createStatement();
					ResultSet resultSet = statement.executeQuery(sql)) {
				while (resultSet.next()) {
					checksum.append(resultSet.getString(1)).append('=').append(resultSet.getString(2)).append(';');
				}
			}
			return checksum.toString();
		}

		private Set<String> baseRows() throws SQLException {
			Set<String> rows = new HashSet<>();
			try (Connection connection = this.base.getConnection();
					Statement statement = connection.createStatement()) {
				for (String table : CHECKED_TABLES) {
					try (ResultSet resultSet = statement.executeQuery("SELECT * FROM " + table)) {
						int columns = resultSet.getMetaData().getColumnCount();
						while (resultSet.next()) {
							StringBuilder row = new StringBuilder(table);
							for (int i = 1; i <= columns; i++) {
								row.append('|').append(resultSet.getString(i));
							}
							rows.add(row.toString());
						}
					}
				}
			}
			return rows;
		}

	}

}
