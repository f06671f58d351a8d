package dev.lanes.shadow.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanes.shadow.ShadowEnforcement;
import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.SqlMode;
import dev.lanes.shadow.TablePolicy;
import dev.lanes.shadow.UnparseableReadAction;
import dev.lanes.shadow.rewrite.ShadowTableRewriter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for shadow data ({@code lane.shadow.*}).
 */
@ConfigurationProperties("lane.shadow")
public class ShadowProperties {

	/**
	 * Whether to wrap the application's data sources.
	 */
	private boolean enabled = true;

	/**
	 * Lanes whose statements must use shadow data.
	 */
	private List<String> lanes = new ArrayList<>();

	/**
	 * How shadowed lanes reach shadow data: shadow tables in the same database, or a
	 * separate shadow database.
	 */
	private ShadowMode mode = ShadowMode.TABLE;

	/**
	 * Suffix that turns a base table name into a shadow table name in table mode.
	 * "{lane}" stands for the lane.
	 */
	private String tableSuffix = "_{lane}";

	/**
	 * Policy of tables that are not listed in "tables".
	 */
	private TablePolicy defaultPolicy = TablePolicy.SHADOW;

	/**
	 * Policy per table name (optionally "schema.table"): shadow, read-base, shared or
	 * deny.
	 */
	private Map<String, TablePolicy> tables = new LinkedHashMap<>();

	/**
	 * What to do with a shadowed-lane read that cannot be parsed: reject it, or run it
	 * unchanged against base tables. Unparseable writes are always refused.
	 */
	private UnparseableReadAction onUnparseableRead = UnparseableReadAction.REJECT;

	/**
	 * Whether to create missing shadow tables at startup (CREATE TABLE IF NOT EXISTS ...
	 * LIKE ...), for every table whose policy is shadow: listed, or in the connection's
	 * database or schema and covered by the default policy.
	 */
	private boolean createMissingTables;

	/**
	 * What to do at startup when a shadow table (of a table whose policy is shadow) is
	 * missing or its columns differ from its base table.
	 */
	private DriftCheck driftCheck = DriftCheck.WARN;

	/**
	 * Maximum number of rewritten statements kept, per lane and SQL string.
	 */
	private long cacheSize = ShadowTableRewriter.DEFAULT_CACHE_SIZE;

	/**
	 * SQL dialect of the application's database, which decides how SQL is parsed and how
	 * shadow tables are created. Startup fails when the sessions' settings differ from
	 * lane.shadow.sql-mode.
	 */
	private SqlDialect dialect = SqlDialect.MYSQL;

	/**
	 * What keeps shadowed lanes off base data besides the rewriter: PRIVILEGES runs their
	 * statements as a shadow account whose database privileges allow writing only shadow
	 * and shared tables, verified at startup; REWRITE_ONLY trusts the rewriter alone (for
	 * databases where a second account is impossible) and logs a warning at startup.
	 */
	private ShadowEnforcement enforcement = ShadowEnforcement.PRIVILEGES;

	/**
	 * Shadow account that shadowed lanes connect as in table mode.
	 */
	private final Account account = new Account();

	/**
	 * Session settings that change how the database server splits SQL into tokens; they
	 * must match the sessions of the application's data source (checked at startup).
	 */
	private final SqlModeSettings sqlMode = new SqlModeSettings();

	/**
	 * Shadow database connection settings, used in database mode.
	 */
	private final Database database = new Database();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLanes() {
		return this.lanes;
	}

	public void setLanes(List<String> lanes) {
		this.lanes = lanes;
	}

	public ShadowMode getMode() {
		return this.mode;
	}

	public void setMode(ShadowMode mode) {
		this.mode = mode;
	}

	public String getTableSuffix() {
		return this.tableSuffix;
	}

	public void setTableSuffix(String tableSuffix) {
		this.tableSuffix = tableSuffix;
	}

	public TablePolicy getDefaultPolicy() {
		return this.defaultPolicy;
	}

	public void setDefaultPolicy(TablePolicy defaultPolicy) {
		this.defaultPolicy = defaultPolicy;
	}

	public Map<String, TablePolicy> getTables() {
		return this.tables;
	}

	public void setTables(Map<String, TablePolicy> tables) {
		this.tables = tables;
	}

	public UnparseableReadAction getOnUnparseableRead() {
		return this.onUnparseableRead;
	}

	public void setOnUnparseableRead(UnparseableReadAction onUnparseableRead) {
		this.onUnparseableRead = onUnparseableRead;
	}

	public boolean isCreateMissingTables() {
		return this.createMissingTables;
	}

	public void setCreateMissingTables(boolean createMissingTables) {
		this.createMissingTables = createMissingTables;
	}

	public DriftCheck getDriftCheck() {
		return this.driftCheck;
	}

	public void setDriftCheck(DriftCheck driftCheck) {
		this.driftCheck = driftCheck;
	}

	public long getCacheSize() {
		return this.cacheSize;
	}

	public void setCacheSize(long cacheSize) {
		this.cacheSize = cacheSize;
	}

	public SqlDialect getDialect() {
		return this.dialect;
	}

	public void setDialect(SqlDialect dialect) {
		this.dialect = dialect;
	}

	public ShadowEnforcement getEnforcement() {
		return this.enforcement;
	}

	public void setEnforcement(ShadowEnforcement enforcement) {
		this.enforcement = enforcement;
	}

	public Account getAccount() {
		return this.account;

	}

	public SqlModeSettings getSqlMode() {
		return this.sqlMode;
	}

	public Database getDatabase() {
		return this.database;
	}

	/**
	 * What to do when shadow tables drift from their base tables.
	 */
	public enum DriftCheck {

		/**
		 * Log a warning.
		 */
		WARN,

		/**
		 * Fail startup.
		 */
		FAIL,

		/**
		 * Do not check.
		 */
		OFF

	}

	/**
	 * Shadow account settings (table mode with enforcement PRIVILEGES): a second HikariCP
	 * pool with the application pool's settings and this account's credentials.
	 */
	public static class Account {

		/**
		 * Login username of the shadow account.
		 */
		private @Nullable String username;

		/**
		 * Login password of the shadow account.
		 */
		private @Nullable String password;

		/**
		 * Host part of the account on MySQL and MariaDB, as written in the GRANT
		 * statements Lanes logs and applies.
		 */
		private String host = "%";

		/**
		 * JDBC URL of the shadow account's pool. Defaults to the application pool's URL,
		 * without the credentials it may carry; required when the application's data
		 * source is not a HikariCP pool.
		 */
		private @Nullable String url;

		/**
		 * Maximum size of the shadow account's pool.
		 */
		private int maximumPoolSize = 5;

		/**
		 * Administrator that creates the shadow account and applies its grants at
		 * startup, creating missing shadow tables first. Meant for tests, development and
		 * demos; in production leave it unset and apply the GRANT statements Lanes logs.
		 */
		private final Admin admin = new Admin();

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public int getMaximumPoolSize() {
			return this.maximumPoolSize;
		}

		public void setMaximumPoolSize(int maximumPoolSize) {
			this.maximumPoolSize = maximumPoolSize;
		}

		public Admin getAdmin() {
			return this.admin;
		}

	}

	/**
	 * Administrator credentials used to set up the shadow account.
	 */
	public static class Admin {

		/**
		 * Login username of an account that may create users and grant privileges.
		 */
		private @Nullable String username;

		/**
		 * Login password of the administrator.
		 */
		private @Nullable String password;

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;

		}

	}

	/**
	 * Session settings that change how the server splits SQL into tokens.
	 */
	public static class SqlModeSettings {

		/**
		 * Whether the MySQL or MariaDB sessions' sql_mode holds ANSI_QUOTES (double
		 * quotes delimit identifiers).
		 */
		private boolean ansiQuotes;

		/**
		 * Whether the MySQL or MariaDB sessions' sql_mode holds NO_BACKSLASH_ESCAPES
		 * (backslashes in strings are ordinary characters).
		 */
		private boolean noBackslashEscapes;

		/**
		 * Whether the PostgreSQL sessions have standard_conforming_strings on
		 * (backslashes in plain strings are ordinary characters).
		 */
		private boolean standardConformingStrings = true;

		public boolean isAnsiQuotes() {
			return this.ansiQuotes;
		}

		public void setAnsiQuotes(boolean ansiQuotes) {
			this.ansiQuotes = ansiQuotes;
		}

		public boolean isNoBackslashEscapes() {
			return this.noBackslashEscapes;
		}

		public void setNoBackslashEscapes(boolean noBackslashEscapes) {
			this.noBackslashEscapes = noBackslashEscapes;
		}

		public boolean isStandardConformingStrings() {
			return this.standardConformingStrings;
		}

		public void setStandardConformingStrings(boolean standardConformingStrings) {
			this.standardConformingStrings = standardConformingStrings;
		}

		SqlMode toSqlMode() {
			return new SqlMode(this.ansiQuotes, this.noBackslashEscapes, this.standardConformingStrings);
		}

	}

	/**
	 * Shadow database connection settings; a HikariCP pool is created from them.
	 */
	public static class Database {

		/**
		 * JDBC URL of the shadow database.
		 */
		private @Nullable String url;

		/**
		 * Login username of the shadow database.
		 */
		private @Nullable String username;

		/**
		 * Login password of the shadow database.
		 */
		private @Nullable String password;

		/**
		 * Fully qualified name of the JDBC driver. Auto-detected from the URL by default.
		 */
		private @Nullable String driverClassName;

		/**
		 * Maximum size of the shadow pool.
		 */
		private int maximumPoolSize = 10;

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getDriverClassName() {
			return this.driverClassName;
		}

		public void setDriverClassName(@Nullable String driverClassName) {
			this.driverClassName = driverClassName;
		}

		public int getMaximumPoolSize() {
			return this.maximumPoolSize;
		}

		public void setMaximumPoolSize(int maximumPoolSize) {
			this.maximumPoolSize = maximumPoolSize;
		}

	}

}
