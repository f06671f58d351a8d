package dev.lanes.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MySQL-compatible server of integration tests, found the same way on a developer's
 * machine and in CI: a Testcontainers MySQL when a Docker engine is available (and
 * Testcontainers' MySQL module is on the test class path), otherwise the server named by
 * the environment variable {@value #URL_VARIABLE} (a JDBC URL such as
 * {@code jdbc:mariadb://127.0.0.1:3306/test?user=root&password=}). Without either, the
 * calling test is skipped, unless {@value #REQUIRE_VARIABLE}{@code =true}, which makes it
 * fail instead, so CI cannot pass by skipping.
 */
public final class MySqlTestDatabase {

	/**
	 * The environment variable naming the server when there is no Docker engine.
	 */
	public static final String URL_VARIABLE = "LANES_TEST_MYSQL_URL";

	/**
	 * The environment variable that makes a missing server fail the tests.
	 */
	public static final String REQUIRE_VARIABLE = "LANES_REQUIRE_MYSQL";

	private static final Pattern URL = Pattern.compile("(jdbc:[a-z]+://[^/?]+)(?:/([^?]*))?(\\?.*)?");

	private static @Nullable MySqlTestDatabase instance;

	private final String prefix;

	private final String query;

	private MySqlTestDatabase(String url) {
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Unsupported JDBC URL " + url + " in " + URL_VARIABLE);
		}
		this.prefix = matcher.group(1);
		this.query = (matcher.group(3) != null) ? matcher.group(3) : "?user=root&password=";
	}

	/**
	 * Returns the server, skipping or failing the calling test when there is none.
	 * @return the server
	 */
	public static synchronized MySqlTestDatabase get() {
		if (instance == null) {
			instance = new MySqlTestDatabase(locate());
		}
		return instance;
	}

	private static String locate() {
		String container;
		try {
			container = TestcontainersMySql.startIfDockerIsAvailable();
		}
		catch (LinkageError ex) {
			// Testcontainers is not on the class path
			container = null;
		}
		if (container != null) {
			return container;
		}
		String url = System.getenv(URL_VARIABLE);
		boolean required = "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE));
		if (url == null || url.isBlank()) {
			if (required) {
				fail(REQUIRE_VARIABLE + "=true but there is no Docker engine and " + URL_VARIABLE + " is not set");
			}
			assumeTrue(false, "No Docker engine and no " + URL_VARIABLE + ": MySQL integration tests skipped");
		}
		return url;
	}

	/**
	 * Returns the JDBC URL of one database on the server, with the administrator's
	 * credentials.
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
	public static String withoutCredentials(String url) {
		return url.replaceAll("(?<=[?&])(user|password)=[^&]*&?", "").replaceAll("[?&]$", "");
	}

}
