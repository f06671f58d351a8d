package dev.lanes.shadow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL server for the optional PostgreSQL integration tests, named by
 * {@code LANES_TEST_POSTGRES_URL} (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Without it the tests are
 * skipped.
 */
public final class PostgresTestServer {

	private final String url;

	private PostgresTestServer(String url) {
		this.url = url;
	}

	/**
	 * Returns the server, skipping the calling test when none is configured.
	 * @return the server
	 */
	public static PostgresTestServer get() {
		String url = System.getenv("LANES_TEST_POSTGRES_URL");
		assumeTrue(url != null && !url.isBlank(), "LANES_TEST_POSTGRES_URL not set: PostgreSQL tests skipped");
		return new PostgresTestServer(url);
	}

	/**
	 * Drops and creates schemas.
	 * @param schemas the schemas
	 * @throws SQLException on failure
	 */
	public void recreateSchemas(String... schemas) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url);
				Statement statement = connection.createStatement()) {
			for (String schema : schemas) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
				statement.execute("CREATE SCHEMA " + schema);
			}
		}
	}

	/**
	 * Creates a pool of another role whose connections use {@code schema} as current
	 * schema.
	 * @param schema the schema
	 * @param username the role
	 * @param password its password
	 * @return the pool
	 */
	public HikariDataSource accountPool(String schema, String username, String password) {
		HikariDataSource pool = pool(schema);
		pool.setJdbcUrl(MySqlTestServer.withoutCredentials(pool.getJdbcUrl()));
		pool.setUsername(username);
		pool.setPassword(password);
		return pool;
	}

	/**
	 * Creates a pool whose connections use {@code schema} as current schema.
	 * @param schema the schema
	 * @return the pool
	 */
	public HikariDataSource pool(String schema) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(this.url + (this.url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		pool.setMaximumPoolSize(2);
		return pool;
	}

}
