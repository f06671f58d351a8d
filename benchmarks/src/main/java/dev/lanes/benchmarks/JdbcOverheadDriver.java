package dev.lanes.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.core.LaneContext;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowEnforcement;
import dev.lanes.shadow.privilege.ShadowAccount;
import dev.lanes.shadow.privilege.ShadowPrivileges;
import dev.lanes.shadow.ShadowRules;
import org.jspecify.annotations.Nullable;

/**
 * Measures the cost of the shadow {@link DataSource} on prepared statements against a
 * local MySQL or MariaDB server: the same prepared {@code INSERT} and primary-key
 * {@code SELECT} run through the raw Hikari pool, through {@link ShadowDataSource} as
 * base traffic and as {@code gray} traffic (rewritten to {@code orders_gray}, served from
 * the rewriter's cache, on the shadow account's pool, which it sets up as an
 * administrator would and whose heap it prints). Each round runs every variant for a
 * bounded time and number of statements, one after the other, and prints its throughput
 * relative to the raw pool in that round, so drift in machine load affects the variants
 * alike.
 * <p>
 * Run by hand, never by the test suite: {@code java -cp ... JdbcOverheadDriver
 * [jdbcUrl] [user] [password] [secondsPerRun] [rounds]}. It creates the database named in
 * the URL and two MEMORY tables ({@code orders}, {@code orders_gray}), so the server's
 * disk does not hide the proxy.
 */
public final class JdbcOverheadDriver {

	private static final String INSERT = "INSERT INTO orders (customer_id, region, amount) VALUES (?, ?, ?)";

	private static final String SELECT = "SELECT id, customer_id, region, amount FROM orders WHERE id = ?";

	private static final int ROWS = 1000;

	private static final ShadowAccount ACCOUNT = new ShadowAccount("lanes_bench_gray", "%");

	private static final String ACCOUNT_PASSWORD = "bench-Secret1";

	private static final int MAX_STATEMENTS_PER_RUN = 100_000;

	private JdbcOverheadDriver() {
	}

	public static void main(String[] args) throws Exception {
		String url = arg(args, 0, "jdbc:mariadb://127.0.0.1:3306/lanes_bench");
		String user = arg(args, 1, "root");
		String password = arg(args, 2, "");
		double seconds = Double.parseDouble(arg(args, 3, "3"));
		int rounds = Integer.parseInt(arg(args, 4, "5"));
		createSchema(url, user, password);
		ShadowRules rules = ShadowRules.builder().lanes("gray").build();
		try (HikariDataSource hikari = pool(url, user, password);
				HikariDataSource account = shadowAccountPool(hikari, rules, url)) {
			ShadowDataSource shadow = ShadowDataSource.builder(hikari, rules).shadowDataSource(account).build();
			// gray on the application's own account: the rewriter alone, to tell the
			// proxy's
			// cost from the server's checking of the shadow account's table grants
			ShadowDataSource rewriteOnly = ShadowDataSource.builder(hikari, rules)
				.enforcement(ShadowEnforcement.REWRITE_ONLY)
				.build();
			Map<String, List<Double>> ratios = new LinkedHashMap<>();
			// one untimed round to warm up the JIT, the pools and the rewriter's cache
			for (int round = 0; round <= rounds; round++) {
				boolean warmup = round == 0;
				for (String statement : List.of("insert", "select")) {
					double raw = run(hikari, null, statement, seconds);
					double base = run(shadow, null, statement, seconds);
					double gray = run(shadow, "gray", statement, seconds);
					double grayRewriteOnly = run(rewriteOnly, "gray", statement, seconds);
					if (!warmup) {
						ratios.computeIfAbsent(statement + " base/raw", (key) -> new ArrayList<>()).add(base / raw);
						ratios.computeIfAbsent(statement + " gray/raw", (key) -> new ArrayList<>()).add(gray / raw);
						ratios.computeIfAbsent(statement + " gray rewrite-only/raw", (key) -> new ArrayList<>())
							.add(grayRewriteOnly / raw);
					}
					System.out.printf(
							"%s round %d %-6s raw %8.0f/s  base %8.0f/s (%5.1f%%)  gray %8.0f/s (%5.1f%%)  "
									+ "gray rewrite-only %8.0f/s (%5.1f%%)%n",
							warmup ? "warmup" : "      ", round, statement, raw, base, 100 * base / raw, gray,
							100 * gray / raw, grayRewriteOnly, 100 * grayRewriteOnly / raw);
				}
			}
			ratios.forEach((name, values) -> System.out.printf("median %-27s %5.1f%%  (rounds: %s)%n", name,
					100 * median(values), values.stream().map((v) -> String.format("%.1f", 100 * v)).toList()));
		}
	}

	private static double run(DataSource dataSource, @Nullable String lane, String statement, double seconds)
			throws SQLException {
		try (LaneContext.Scope scope = LaneContext.open(lane)) {
			if (statement.equals("insert")) {
				try (Connection connection = dataSource.getConnection();
						Statement truncate = connection.createStatement()) {
					truncate.execute("DELETE FROM orders WHERE id > " + ROWS);
				}
			}
		}
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		long started = System.nanoTime();
		int count = 0;
		while (count < MAX_STATEMENTS_PER_RUN && (count % 64 != 0 || System.nanoTime() < deadline)) {
			try (LaneContext.Scope scope = LaneContext.open(lane)) {
				if (statement.equals("insert")) {
					insert(dataSource, count);
				}
				else {
					select(dataSource);
				}
			}
			count++;
		}
		return count / ((System.nanoTime() - started) / 1e9);
	}

	private static void insert(DataSource dataSource, int i) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement(INSERT)) {
			insert.setLong(1, i);
			insert.setString(2, "cn-shenzhen");
			insert.setLong(3, 1999);
			insert.executeUpdate();
		}
	}

	private static void select(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(SELECT)) {
			select.setLong(1, 1 + ThreadLocalRandom.current().nextInt(ROWS));
			try (ResultSet rows = select.executeQuery()) {
				if (!rows.next()) {
					throw new IllegalStateException("row not found");
				}
			}
		}
	}

	private static void createSchema(String url, String user, String password) throws SQLException {
		int slash = url.lastIndexOf('/');
		String database = url.substring(slash + 1).replaceAll("[?;].*", "");
		try (Connection connection = DriverManager.getConnection(url.substring(0, slash + 1), user, password);
				Statement ddl = connection.createStatement()) {
			ddl.execute("CREATE DATABASE IF NOT EXISTS " + database);
			ddl.execute("USE " + database);
			// room for a run's inserts; only tables created in this session get it
			ddl.execute("SET SESSION max_heap_table_size = 512 * 1024 * 1024");
			for (String table : List.of("orders", "orders_gray")) {
				ddl.execute("DROP TABLE IF EXISTS " + table);
				ddl.execute("CREATE TABLE " + table + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT, "
						+ "region VARCHAR(32), amount BIGINT) ENGINE=MEMORY");
				StringBuilder rows = new StringBuilder(
						"INSERT INTO " + table + " (customer_id, region, amount) VALUES ");
				for (int i = 0; i < ROWS; i++) {
					rows.append((i > 0) ? "," : "").append("(").append(i).append(", 'cn-hangzhou', 100)");
				}
				ddl.execute(rows.toString());
			}
		}
	}

	/**
	 * Sets up the shadow account as the auto-configuration's administrator would, opens
	 * its pool and prints the heap the pool's connections take.
	 */
	private static HikariDataSource shadowAccountPool(DataSource admin, ShadowRules rules, String url)
			throws SQLException {
		ShadowPrivileges privileges = new ShadowPrivileges(rules);
		privileges.apply(admin, privileges.plan(admin), ACCOUNT, ACCOUNT_PASSWORD);
		long before = usedHeap();
		HikariDataSource pool = pool(url, ACCOUNT.username(), ACCOUNT_PASSWORD);
		while (pool.getHikariPoolMXBean().getIdleConnections() < pool.getMinimumIdle()) {
			pool.getConnection().close();
		}
		System.out.printf("shadow account pool: %d connections, %d KiB of heap%n", pool.getMinimumIdle(),
				(usedHeap() - before) / 1024);
		return pool;
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static HikariDataSource pool(String url, String user, String password) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(2);
		return new HikariDataSource(config);
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static String arg(String[] args, int index, String fallback) {
		return (args.length > index) ? args[index] : fallback;
	}

}
