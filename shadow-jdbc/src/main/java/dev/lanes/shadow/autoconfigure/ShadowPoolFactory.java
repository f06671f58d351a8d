package dev.lanes.shadow.autoconfigure;

import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Creates the HikariCP pools of shadowed lanes: the shadow database's pool from
 * {@link ShadowProperties.Database}, and the shadow account's pool, a copy of the
 * application's pool with the account's credentials.
 */
final class ShadowPoolFactory {

	private static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

	// user and password in a JDBC URL override the pool's credentials in some drivers,
	// and
	// the shadow account may not create the database
	private static final Pattern ACCOUNT_PARAMETER = Pattern
		.compile("(?i)(?<=[?&;])(user|username|password|createDatabaseIfNotExist)=[^&;]*[&;]?");

	private ShadowPoolFactory() {
	}

	static DataSource create(ShadowProperties.Database database) {
		requireHikari("lane.shadow.mode=database");
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("lanes-shadow");
		pool.setJdbcUrl(Objects.requireNonNull(database.getUrl(), "lane.shadow.database.url"));
		pool.setUsername(database.getUsername());
		pool.setPassword(database.getPassword());
		if (database.getDriverClassName() != null) {
			pool.setDriverClassName(database.getDriverClassName());
		}
		pool.setMaximumPoolSize(database.getMaximumPoolSize());
		return pool;
	}

	/**
	 * Creates the shadow account's pool with the settings of the application's pool.
	 * @param account the account settings
	 * @param base the application's data source
	 * @return the pool
	 */
	static HikariDataSource createAccountPool(ShadowProperties.Account account, DataSource base) {
		requireHikari("lane.shadow.enforcement=privileges");
		if (!StringUtils.hasText(account.getUsername())) {
			throw new InvalidConfigurationPropertyValueException("lane.shadow.account.username", null,
					"Table mode with lane.shadow.enforcement=privileges runs shadowed lanes as a shadow account: set "
							+ "its username and password, or set lane.shadow.enforcement=rewrite-only.");
		}
		HikariConfig config = new HikariConfig();
		HikariDataSource hikari = unwrapHikari(base);
		if (hikari != null) {
			hikari.copyStateTo(config);
			config.getDataSourceProperties().remove("user");
			config.getDataSourceProperties().remove("password");
			config.setPoolName(((hikari.getPoolName() != null) ? hikari.getPoolName() : "pool") + "-lanes-shadow");
		}
		else {
			config.setPoolName("lanes-shadow-account");
		}
		String url = StringUtils.hasText(account.getUrl()) ? account.getUrl()
				: (hikari != null) ? accountUrl(hikari.getJdbcUrl()) : null;
		if (url == null || config.getDataSource() != null) {
			throw new InvalidConfigurationPropertyValueException("lane.shadow.account.url", null,
					"The application's data source is not a HikariCP pool with a JDBC URL, so its settings cannot be "
							+ "copied: set the shadow account's JDBC URL.");
		}
		config.setJdbcUrl(url);
		config.setUsername(account.getUsername());
		config.setPassword(account.getPassword());
		config.setMaximumPoolSize(account.getMaximumPoolSize());
		if (config.getMinimumIdle() > account.getMaximumPoolSize()) {
			config.setMinimumIdle(account.getMaximumPoolSize());
		}
		// started on first use, like the application's pool: the account may be set up
		// after the pool is created
		HikariDataSource pool = new HikariDataSource();
		config.copyStateTo(pool);
		return pool;
	}

	/**
	 * Returns a JDBC URL for another account: without {@code user}, {@code username},
	 * {@code password} and {@code createDatabaseIfNotExist} parameters.
	 * @param url the URL
	 * @return the URL for another account, or {@code null}
	 */
	static @Nullable String accountUrl(@Nullable String url) {
		if (url == null) {
			return null;
		}
		String stripped = ACCOUNT_PARAMETER.matcher(url).replaceAll("");
		return stripped.replaceAll("[?&;]$", "");
	}

	private static @Nullable HikariDataSource unwrapHikari(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private static void requireHikari(String setting) {
		if (!ClassUtils.isPresent(HIKARI, ShadowPoolFactory.class.getClassLoader())) {
			throw new IllegalStateException(setting + " needs HikariCP on the classpath");
		}
	}

}
