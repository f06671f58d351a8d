package dev.lanes.shadow.autoconfigure;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.schema.ShadowTables;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates missing shadow tables and checks them for drift once all singletons, schema
 * initializers included, are ready. Table mode only.
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
		this.dataSources.orderedStream().forEach(this::initialize);
	}

	private void initialize(DataSource dataSource) {
		try {
			if (!dataSource.isWrapperFor(ShadowDataSource.class)) {
				return;
			}
			ShadowDataSource shadowDataSource = dataSource.unwrap(ShadowDataSource.class);
			if (shadowDataSource.getRules().mode() != ShadowMode.TABLE) {
				return;
			}
			ShadowTables tables = new ShadowTables(shadowDataSource.getRules());
			if (this.properties.isCreateMissingTables()) {
				for (String sql : tables.createMissing(shadowDataSource.getBase())) {
					logger.debug("Ran " + sql);
				}
			}
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
		catch (SQLException ex) {
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
