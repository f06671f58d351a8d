package dev.lanes.shadow.autoconfigure;

import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.util.ClassUtils;

/**
 * Creates the HikariCP pool of the shadow database from
 * {@link ShadowProperties.Database}.
 */
final class ShadowPoolFactory {

	private static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

	private ShadowPoolFactory() {
	}

	static DataSource create(ShadowProperties.Database database) {
		if (!ClassUtils.isPresent(HIKARI, ShadowPoolFactory.class.getClassLoader())) {
			throw new IllegalStateException("lane.shadow.mode=database needs HikariCP on the classpath");
		}
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

}
