package dev.lanes.shadow.autoconfigure;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.SqlDialect;
import dev.lanes.shadow.schema.ShadowTables;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Prepares shadow data once all singletons, schema initializers included, are ready: in
 * table mode checks that the server reads SQL as the rewriter does
 * ({@link SessionSettingsStartupCheck}) and creates missing shadow tables; then sets up
 * and verifies the shadow account ({@link ShadowAccountSetup}); last, checks shadow
 * tables for drift.
 */
class ShadowTablesInitializer implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ShadowTablesInitializer.class);

	private final ObjectProvider<DataSource> dataSources;

	private final ShadowProperties properties;

	ShadowTablesInitializer(ObjectProvider<DataSource> dataSources, ShadowProperties properties) {
		this.dataSources = dataSources;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// delegating data sources may lead to the same shadow data source more than once
		Set<ShadowDataSource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		this.dataSources.orderedStream().forEach((dataSource) -> {
			ShadowDataSource shadowDataSource = shadowDataSource(dataSource);
			if (shadowDataSource != null && seen.add(shadowDataSource)) {
				initialize(shadowDataSource);
			}
		});
	}

	private static @Nullable ShadowDataSource shadowDataSource(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(ShadowDataSource.class) ? dataSource.unwrap(ShadowDataSource.class) : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private void initialize(ShadowDataSource shadowDataSource) {
		try {
			if (shadowDataSource.getRules().mode() != ShadowMode.TABLE) {
				ShadowAccountSetup.run(shadowDataSource, this.properties);
				return;
			}
			SessionSettingsStartupCheck.verify(shadowDataSource.getBase(), shadowDataSource.getRules());
			ShadowTables tables = new ShadowTables(shadowDataSource.getRules());
			if (this.properties.isCreateMissingTables()) {
				for (String sql : tables.createMissing(shadowDataSource.getBase())) {
					logger.debug("Ran " + sql);
				}
			}
			ShadowAccountSetup.run(shadowDataSource, this.properties);
			if (this.properties.getDriftCheck() != ShadowProperties.DriftCheck.OFF) {
				report(findDrift(tables, shadowDataSource));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare shadow tables: " + ex.getMessage(), ex);
		}
	}

	private List<String> findDrift(ShadowTables tables, ShadowDataSource dataSource) throws SQLException {
		try {
			return tables.findDrift(dataSource.getBase());
		}
		catch (SQLException | RuntimeException ex) {
			// a database that cannot be reached yet (the pool may throw unchecked) is
			// a warning under drift-check=warn, as for the session settings check
			if (this.properties.getDriftCheck() == ShadowProperties.DriftCheck.FAIL) {
				throw ex;
			}
			return List.of("could not check shadow tables (" + ex.getMessage() + ")");
		}
	}

	private void report(List<String> problems) {
		if (problems.isEmpty()) {
			return;
		}
		String message = "Shadow tables drift from their base tables: " + String.join("; ", problems);
		if (this.properties.getDriftCheck() == ShadowProperties.DriftCheck.FAIL) {
			throw new IllegalStateException(message + " (lane.shadow.drift-check=fail)");
		}
		logger.warn(message);
	}

}
