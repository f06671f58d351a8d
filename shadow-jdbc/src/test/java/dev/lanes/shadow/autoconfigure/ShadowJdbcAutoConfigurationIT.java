package dev.lanes.shadow.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.lanes.core.LaneContext;
import dev.lanes.shadow.MySqlTestServer;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowEnforcement;
import dev.lanes.shadow.ShadowRejectedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for {@link ShadowJdbcAutoConfiguration} against a real
 * MySQL-compatible server: the statement counter, shadow table creation and the drift
 * check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowJdbcAutoConfigurationIT {

	private static final String DATABASE = "lanes_shadow_it_boot";

	private static final String ACCOUNT = "lanes_gray_boot";

	private ApplicationContextRunner contextRunner;

	@AfterAll
	void dropAccount() throws SQLException {
		execute("DROP USER IF EXISTS '" + ACCOUNT + "'@'%'");
	}

	@BeforeAll
	void createDatabase() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		server.recreateDatabases(DATABASE);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, ShadowJdbcAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("spring.datasource.url=" + server.url(DATABASE), "lane.shadow.lanes=gray",
					"lane.shadow.tables.dict_region=read-base", "lane.shadow.enforcement=rewrite-only");
		execute("CREATE TABLE orders (id INT PRIMARY KEY, v VARCHAR(20))", "CREATE TABLE orders_gray LIKE orders",
				"CREATE TABLE dict_region (id INT PRIMARY KEY)", "CREATE TABLE items (id INT PRIMARY KEY, price INT)",
				"CREATE TABLE parcels (id INT PRIMARY KEY, weight INT)",
				"CREATE TABLE parcels_gray (id INT PRIMARY KEY)");
	}

	@Test
	void countsStatementsByLaneAndOutcome() {
		this.contextRunner.run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.executeUpdate("DELETE FROM orders");
			}
			try (LaneContext.Scope scope = LaneContext.open("gray");
					Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.executeUpdate("DELETE FROM orders");
				statement.executeQuery("SELECT COUNT(*) FROM dict_region").close();
				assertThatExceptionOfType(ShadowRejectedException.class)
					.isThrownBy(() -> statement.executeUpdate("DELETE FROM dict_region"));
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(count(registry, "base", "passed")).isEqualTo(1);
			assertThat(count(registry, "gray", "rewritten")).isEqualTo(1);
			assertThat(count(registry, "gray", "passed")).isEqualTo(1);
			assertThat(count(registry, "gray", "rejected")).isEqualTo(1);
		});
	}

	@Test
	void createsMissingShadowTablesAtStartup() {
		this.contextRunner
			.withPropertyValues("lane.shadow.create-missing-tables=true", "lane.shadow.tables.items=shadow",
					"lane.shadow.tables.parcels=deny", "lane.shadow.drift-check=fail")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables()).contains("items_gray");
			});
	}

	@Test
	void driftCheckCoversTheTablesOfTheDefaultPolicy() {
		// parcels_gray drifts from parcels, which no property names: the default policy
		// shadows it
		this.contextRunner.withPropertyValues("lane.shadow.drift-check=fail")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("shadow table parcels_gray columns"));
	}

	@Test
	void driftCheckFailsStartupNamingTheTable() {
		this.contextRunner.withPropertyValues("lane.shadow.tables.parcels=shadow", "lane.shadow.drift-check=fail")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("shadow table parcels_gray columns")
				.hasStackTraceContaining("lane.shadow.drift-check=fail"));
	}

	@Test
	void driftCheckOnlyWarnsByDefault() {
		this.contextRunner.withPropertyValues("lane.shadow.tables.parcels=shadow")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void privilegesSetUpTheShadowAccountAndGrayRunsAsIt() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		try {
			this.contextRunner.withPropertyValues(privileges(server, true)).run((context) -> {
				assertThat(context).hasNotFailed();
				ShadowDataSource dataSource = context.getBean(DataSource.class).unwrap(ShadowDataSource.class);
				assertThat(dataSource.getEnforcement()).isEqualTo(ShadowEnforcement.PRIVILEGES);
				try (LaneContext.Scope scope = LaneContext.open("gray");
						Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.executeUpdate("INSERT INTO orders VALUES (7, 'gray')");
					try (ResultSet rs = statement.executeQuery("SELECT CURRENT_USER()")) {
						rs.next();
						assertThat(rs.getString(1)).startsWith(ACCOUNT + "@");
					}
				}
				assertThat(count("orders_gray", 7)).isEqualTo(1);
				assertThat(count("orders", 7)).isZero();
			});
		}
		finally {
			execute("DELETE FROM orders_gray WHERE id = 7");
		}
	}

	@Test
	void privilegesFailStartupWhenTheShadowAccountMayWriteABaseTable() throws SQLException {
		MySqlTestServer server = MySqlTestServer.get();
		this.contextRunner.withPropertyValues(privileges(server, true))
			.run((context) -> assertThat(context).hasNotFailed());
		execute("GRANT DELETE ON `" + DATABASE + "`.`orders` TO '" + ACCOUNT + "'@'%'");
		this.contextRunner.withPropertyValues(privileges(server, false))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("account " + ACCOUNT + "@% has DELETE on " + DATABASE + ".orders")
				.hasStackTraceContaining("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + DATABASE + "`.`orders_gray`"));
	}

	private static String[] privileges(MySqlTestServer server, boolean admin) {
		List<String> properties = new ArrayList<>(List.of("lane.shadow.enforcement=privileges",
				"lane.shadow.account.username=" + ACCOUNT, "lane.shadow.account.password=boot-Secret1"));
		if (admin) {
			properties.add("lane.shadow.account.admin.username=" + server.adminUsername());
			properties.add("lane.shadow.account.admin.password=" + server.adminPassword());
		}
		return properties.toArray(String[]::new);
	}

	private static int count(String table, int id) throws SQLException {
		try (Connection connection = DriverManager.getConnection(MySqlTestServer.get().url(DATABASE));
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE id = " + id)) {
			resultSet.next();
			return resultSet.getInt(1);
		}
	}

	@Test
	void sqlModeWithoutBackslashEscapesFailsStartup() {
		this.contextRunner
			.withPropertyValues("spring.datasource.hikari.connection-init-sql="
					+ "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("sql_mode NO_BACKSLASH_ESCAPES")
				.hasStackTraceContaining("lane.shadow.dialect=mysql"));
	}

	@Test
	void sqlModeWithoutBackslashEscapesStartsWhenConfigured() {
		this.contextRunner
			.withPropertyValues(
					"spring.datasource.hikari.connection-init-sql="
							+ "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')",
					"lane.shadow.sql-mode.no-backslash-escapes=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void sqlModeWithAnsiQuotesFailsStartupUnlessConfigured() {
		String initSql = "spring.datasource.hikari.connection-init-sql="
				+ "SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')";
		this.contextRunner.withPropertyValues(initSql)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("sql_mode ANSI_QUOTES")
				.hasStackTraceContaining("lane.shadow.sql-mode.ansi-quotes=false"));
		this.contextRunner.withPropertyValues(initSql, "lane.shadow.sql-mode.ansi-quotes=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void characterSetWhoseCharactersMayEndInABackslashFailsStartup() {
		this.contextRunner.withPropertyValues("spring.datasource.hikari.connection-init-sql=SET NAMES gbk")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("character set gbk"));
	}

	private static double count(MeterRegistry registry, String lane, String outcome) {
		return registry.get("lanes.shadow.statements").tag("lane", lane).tag("outcome", outcome).counter().count();
	}

	private List<String> tables() throws SQLException {
		try (Connection connection = DriverManager.getConnection(MySqlTestServer.get().url(DATABASE));
				Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("SHOW TABLES")) {
			List<String> names = new ArrayList<>();
			while (resultSet.next()) {
				names.add(resultSet.getString(1));
			}
			return names;
		}
	}

	private static void execute(String... sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(MySqlTestServer.get().url(DATABASE));
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

}
