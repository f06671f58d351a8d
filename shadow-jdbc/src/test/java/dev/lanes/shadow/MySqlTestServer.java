package dev.lanes.shadow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Picks the MySQL-compatible server for integration tests: a Testcontainers MySQL when a
 * Docker engine is available, otherwise the server named by {@code LANES_TEST_MYSQL_URL}
 * (a JDBC URL such as {@code jdbc:mariadb://127.0.0.1:3306/test?user=root&password=}).
 * Without either the tests are skipped, unless {@code LANES_REQUIRE_MYSQL=true}, which
 * makes them fail instead.
 */
public final class MySqlTestServer {

	private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/?]+)(?:/([^?]*))?(\\?.*)?");

	/**
	 * The {@code sql_mode} flags the sessions of {@link #pool(String, int)} use, for the
	 * rules of tests that run SQL on them.
	 */
	public static final SqlMode SESSION_SQL_MODE = SqlMode.DEFAULT.withAnsiQuotes(true);

	private static @Nullable MySqlTestServer instance;

	private final String prefix;

	private final String query;

	private MySqlTestServer(String url) {
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Unsupported JDBC URL " + url);
		}
		this.prefix = matcher.group(1);
		this.query = (matcher.group(3) != null) ? matcher.group(3) : "?user=root&password=";
	}

	/**
	 * Returns the server, skipping or failing the calling test when there is none.
	 * @return the server
	 */
	public static synchronized MySqlTestServer get() {
		if (instance == null) {
			instance = new MySqlTestServer(locate());
		}
		return instance;
	}

	private static String locate() {
		if (dockerAvailable()) {
			MySQLContainer container = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("lanes");
			container.start();
			return "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306)
					+ "/mysql?user=root&password=lanes&allowPublicKeyRetrieval=true&useSSL=false";
		}
		String url = System.getenv("LANES_TEST_MYSQL_URL");
		boolean required = "true".equalsIgnoreCase(System.getenv("LANES_REQUIRE_MYSQL"));
		if (url == null || url.isBlank()) {
			if (required) {
				fail("LANES_REQUIRE_MYSQL=true but there is no Docker engine and LANES_TEST_MYSQL_URL is not set");
			}
			assumeTrue(false, "No Docker engine and no LANES_TEST_MYSQL_URL: MySQL integration tests skipped");
		}
		return url;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Returns the JDBC URL of one database on the server.
	 * @param database the database
	 * @return the URL
	 */
	public String url(String database) {
		return this.prefix + "/" + database + this.query;
	}

	/**
	 * Drops and creates databases.
	 * @param databases the databases
	 * @throws SQLException on failure
	 */
	public void recreateDatabases(String... databases) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.prefix + "/" + this.query);
				Statement statement = connection.createStatement()) {
			for (String database : databases) {
				statement.execute("DROP DATABASE IF EXISTS " + database);
				statement.execute("CREATE DATABASE " + database);
			}
		}
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
		return parameter("user");
	}

	/**
	 * Returns the password the server's URL logs in with.
	 * @return the password
	 */
	public String adminPassword() {
		return parameter("password");
	}

	private String parameter(String name) {
		Matcher matcher = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(this.query);
		return matcher.find() ? matcher.group(1) : "";
	}

	/**
	 * Returns a JDBC URL without its {@code user} and {@code password} parameters.
	 * @param url the URL
	 * @return the URL
	 */
	static String withoutCredentials(String url) {
		return url.replaceAll("(?<=[?&])(user|password)=[^&]*&?", "").replaceAll("[?&]$", "");
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
