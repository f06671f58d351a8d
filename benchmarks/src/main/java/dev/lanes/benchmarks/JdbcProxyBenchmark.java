package dev.lanes.benchmarks;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.lanes.core.LaneContext;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;

/**
 * The CPU cost of the shadow {@link DataSource} alone: a prepared primary-key
 * {@code SELECT} (borrow, prepare, bind, execute, read one row, close) against a stub
 * driver that does no I/O, through the stub directly, through {@link ShadowDataSource} as
 * base traffic and as {@code gray} traffic (cached rewrite). The differences are the
 * proxy's cost per statement, which {@link JdbcOverheadDriver} sees against a real
 * server's round trip.
 */
public class JdbcProxyBenchmark extends NanosecondBenchmark {

	private static final String SELECT = "SELECT id, customer_id, region, amount FROM orders WHERE id = ?";

	private DataSource stub;

	private DataSource shadow;

	@Setup
	public void setUp() {
		ClassLoader loader = JdbcProxyBenchmark.class.getClassLoader();
		ResultSet resultSet = (ResultSet) Proxy.newProxyInstance(loader, new Class<?>[] { ResultSet.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "next" -> true;
					case "getLong" -> 42L;
					// the session check of the first gray borrow: sql_mode, character set
					case "getString" -> ((Integer) args[0] == 1) ? "STRICT_TRANS_TABLES" : "utf8mb4";
					default -> null;
				});
		PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(loader,
				new Class<?>[] { PreparedStatement.class },
				(proxy, method, args) -> method.getName().equals("executeQuery") ? resultSet : null);
		DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(loader,
				new Class<?>[] { DatabaseMetaData.class },
				(proxy, method, args) -> method.getName().equals("getDatabaseProductName") ? "MySQL" : null);
		Object[] self = new Object[1];
		Connection connection = (Connection) Proxy.newProxyInstance(loader, new Class<?>[] { Connection.class },
				(proxy, method, args) -> switch (method.getName()) {
					case "prepareStatement", "createStatement" -> statement;
					case "unwrap" -> self[0];
					case "getMetaData" -> metaData;
					case "getAutoCommit", "isClosed" -> false;
					default -> null;
				});
		this.stub = (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] { DataSource.class },
				(proxy, method, args) -> method.getName().equals("getConnection") ? connection : null);
		self[0] = connection;
		// the stub stands for the shadow account's pool too, as for one pool of one
		// server
		this.shadow = ShadowDataSource.builder(this.stub, ShadowRules.builder().lanes("gray").build())
			.shadowDataSource(this.stub)
			.build();
	}

	@Benchmark
	public long raw() throws SQLException {
		return select(this.stub);
	}

	@Benchmark
	public long base() throws SQLException {
		return select(this.shadow);
	}

	@Benchmark
	public long gray() throws SQLException {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			return select(this.shadow);
		}
	}

	private static long select(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(SELECT)) {
			select.setLong(1, 7);
			try (ResultSet rows = select.executeQuery()) {
				return rows.next() ? rows.getLong(1) : -1;
			}
		}
	}

}
