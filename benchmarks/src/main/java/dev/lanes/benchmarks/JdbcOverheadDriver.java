package dev.lanes.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * administrator would and whose heap it prints). The variants run interleaved, in blocks
 * of 100 statements in a new random order each time, so drift in machine load and in the
 * server's state falls on all of them alike; each prints its throughput relative to the
 * raw pool over the whole run and over five segments of it, and the client CPU time it
 * spends per statement (the proxy's cost without the server's).
 * <p>
 * Run by hand, never by the test suite: {@code java -cp ... JdbcOverheadDriver
 * [jdbcUrl] [user] [password] [seconds] [multiplier]}, measuring each statement for
 * {@code seconds * multiplier} seconds. It creates the database named in the URL and two
 * MEMORY tables ({@code orders}, {@code orders_gray}), so the server's disk does not hide
 * the proxy.
 */
public final class JdbcOverheadDriver {

	private static final String INSERT = "INSERT INTO orders (customer_id, region, amount) VALUES (?, ?, ?)";

	private static final String SELECT = "SELECT id, customer_id, region, amount FROM orders WHERE id = ?";

	private static final int ROWS = 1000;

	private static final ShadowAccount ACCOUNT = new ShadowAccount("lanes_bench_gray", "%");

	private static final String ACCOUNT_PASSWORD = "bench-Secret1";

	private static final int BLOCK = 100;

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
			Map<String, DataSource> variants = new LinkedHashMap<>();
			variants.put("raw", hikari);
			variants.put("base", shadow);
			variants.put("gray", shadow);
			variants.put("gray rewrite-only", rewriteOnly);
			for (String statement : List.of("insert", "select")) {
				// untimed: warms up the JIT, the pools and the rewriter's cache
				measure(variants, statement, Math.min(seconds, 2));
				Map<String, Measured> measured = measure(variants, statement, seconds * rounds);
				Measured raw = measured.get("raw");
				measured.forEach((variant, result) -> System.out.printf(
						"%-6s %-17s %8.0f/s (%5.1f%% of raw; segments %s)  client CPU %6.1f µs/statement%n", statement,
						variant, result.throughput(), 100 * result.throughput() / raw.throughput(),
						result.segmentRatios(raw), result.cpuMicrosPerStatement()));
			}
		}
	}

	/**
	 * Runs the variants in interleaved blocks of {@value #BLOCK} statements, in a new
	 * random order each time, for about {@code seconds} in all, so that drift in machine
	 * load and the server's state falls on all of them alike.
	 */
	private static Map<String, Measured> measure(Map<String, DataSource> variants, String statement, double seconds)
			throws SQLException {
		Map<String, Measured> measured = new LinkedHashMap<>();
		variants.keySet().forEach((variant) -> measured.put(variant, new Measured()));
		List<String> order = new ArrayList<>(variants.keySet());
		Random random = new Random(20261203);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		for (int rotation = 0; System.nanoTime() < deadline; rotation++) {
			if (statement.equals("insert") && rotation % 20 == 0) {
				truncate(variants);
			}
			Collections.shuffle(order, random);
			for (String variant : order) {
				String lane = variant.startsWith("gray") ? "gray" : null;
				long cpu = threads.getCurrentThreadCpuTime();
				long started = System.nanoTime();
				for (int i = 0; i < BLOCK; i++) {
					try (LaneContext.Scope scope = LaneContext.open(lane)) {
						if (statement.equals("insert")) {
							insert(variants.get(variant), i);
						}
						else {
							select(variants.get(variant));
						}
					}
				}
				measured.get(variant)
					.add(rotation, System.nanoTime() - started, threads.getCurrentThreadCpuTime() - cpu);
			}
		}
		return measured;
	}

	private static void truncate(Map<String, DataSource> variants) throws SQLException {
		for (String lane : new String[] { null, "gray" }) {
			try (LaneContext.Scope scope = LaneContext.open(lane);
					Connection connection = variants.get("base").getConnection();
					Statement truncate = connection.createStatement()) {
				truncate.execute("DELETE FROM orders WHERE id > " + ROWS);
			}
		}
	}

	/**
	 * What one variant measured: its blocks' wall-clock and CPU time, in five segments of
	 * the run to show the spread.
	 */
	private static final class Measured {

		private static final int SEGMENTS = 5;

		private final List<long[]> blocks = new ArrayList<>();

		void add(int rotation, long nanos, long cpuNanos) {
			this.blocks.add(new long[] { rotation, nanos, cpuNanos });
		}

		double throughput() {
			return throughput(0, this.blocks.size());
		}

		private double throughput(int from, int to) {
			long nanos = 0;
			for (long[] block : this.blocks.subList(from, to)) {
				nanos += block[1];
			}
			return (to - from) * (double) BLOCK / (nanos / 1e9);
		}

		double cpuMicrosPerStatement() {
			long cpu = 0;
			for (long[] block : this.blocks) {
				cpu += block[2];
			}
			return cpu / 1e3 / ((double) this.blocks.size() * BLOCK);
		}

		List<String> segmentRatios(Measured raw) {
			int blocks = Math.min(this.blocks.size(), raw.blocks.size());
			List<String> ratios = new ArrayList<>();
			for (int segment = 0; segment < SEGMENTS; segment++) {
				int from = segment * blocks / SEGMENTS;
				int to = (segment + 1) * blocks / SEGMENTS;
				if (to > from) {
					ratios.add(String.format("%.1f", 100 * throughput(from, to) / raw.throughput(from, to)));
				}
			}
			return ratios;
		}

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

	private static String arg(String[] args, int index, String fallback) {
		return (args.length > index) ? args[index] : fallback;
	}

}
