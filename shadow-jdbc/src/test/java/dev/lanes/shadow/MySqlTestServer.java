package dev.lanes.shadow;

import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.test.MySqlTestDatabase;
import org.jspecify.annotations.Nullable;

/**
 * The MySQL-compatible server of the integration tests ({@link MySqlTestDatabase}: a
 * Testcontainers MySQL when a Docker engine is available, otherwise the server named by
 * {@code LANES_TEST_MYSQL_URL}), with the pools the tests use on it.
 */
public final class MySqlTestServer {

	/**
	 * The {@code sql_mode} flags the sessions of {@link #pool(String, int)} use, for the
	 * rules of tests that run SQL on them.
	 */
	public static final SqlMode SESSION_SQL_MODE = SqlMode.DEFAULT.withAnsiQuotes(true);

	private static @Nullable MySqlTestServer instance;

	private final MySqlTestDatabase database;

	private MySqlTestServer(MySqlTestDatabase database) {
		this.database = database;
	}

	/**
	 * Returns the server, skipping or failing the calling test when there is none.
	 * @return the server
	 */
	public static synchronized MySqlTestServer get() {
		if (instance == null) {
			instance = new MySqlTestServer(MySqlTestDatabase.get());
		}
		return instance;
	}

	/**
	 * Returns the JDBC URL of one database on the server.
	 * @param database the database
	 * @return the URL
	 */
	public String url(String database) {
		return this.database.url(database);
	}

	/**
	 * Drops and creates databases.
	 * @param databases the databases
	 * @throws SQLException on failure
	 */
	public void recreateDatabases(String... databases) throws SQLException {
		this.database.recreateDatabases(databases);
	}

	/**
	 * Creates a pool of another account on one database, with the settings of
	 * {@link #pool(String, int)}.
	 * @param database the database
	 * @param username the account's user name
	 * @param password the account's password
	 * @return the pool
	 */
	public HikariDataSource accountPool(String database, String username, String password) {
		HikariDataSource pool = pool(database, 2);
		pool.setJdbcUrl(withoutCredentials(url(database)));
		pool.setUsername(username);
		pool.setPassword(password);
		return pool;
	}

	/**
	 * Returns the user name the server's URL logs in with, an administrator of the test
	 * server.
	 * @return the user name
	 */
	public String adminUsername() {
		return this.database.adminUsername();
	}

	/**
	 * Returns the password the server's URL logs in with.
	 * @return the password
	 */
	public String adminPassword() {
		return this.database.adminPassword();
	}

	/**
	 * Returns a JDBC URL without its {@code user} and {@code password} parameters.
	 * @param url the URL
	 * @return the URL
	 */
	static String withoutCredentials(String url) {
		return MySqlTestDatabase.withoutCredentials(url);
	}

	/**
	 * Creates a pool on one database; its sessions use {@code ANSI_QUOTES} so that
	 * double-quoted identifiers work.
	 * @param database the database
	 * @param maximumPoolSize the pool size
	 * @return the pool
	 */
	public HikariDataSource pool(String database, int maximumPoolSize) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url(database));
		pool.setMaximumPoolSize(maximumPoolSize);
		pool.setConnectionInitSql("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
		return pool;
	}

}
