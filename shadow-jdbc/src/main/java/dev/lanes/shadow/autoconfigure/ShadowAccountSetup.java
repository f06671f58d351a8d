package dev.lanes.shadow.autoconfigure;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.lanes.shadow.ShadowDataSource;
import dev.lanes.shadow.ShadowEnforcement;
import dev.lanes.shadow.ShadowMode;
import dev.lanes.shadow.privilege.AccessPlan;
import dev.lanes.shadow.privilege.ShadowAccount;
import dev.lanes.shadow.privilege.ShadowPrivileges;
import dev.lanes.shadow.schema.ShadowTables;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.StringUtils;

/**
 * Sets up and checks the second guard at startup, with enforcement
 * {@link ShadowEnforcement#PRIVILEGES}: derives the shadow account's grants from the
 * table policies and logs them, applies them when an administrator is configured
 * (creating missing shadow tables first), then verifies the account from the database's
 * catalog and fails startup when it can reach more than its policy. With
 * {@link ShadowEnforcement#REWRITE_ONLY} it logs a warning instead.
 */
final class ShadowAccountSetup {

	private static final Log logger = LogFactory.getLog(ShadowAccountSetup.class);

	private ShadowAccountSetup() {
	}

	static void run(ShadowDataSource dataSource, ShadowProperties properties) {
		if (dataSource.getEnforcement() == ShadowEnforcement.REWRITE_ONLY) {
			logger.warn("lane.shadow.enforcement=rewrite-only: only the SQL rewriter keeps lanes "
					+ dataSource.getRules().lanes() + " off base data; a statement it gets wrong could write base "
					+ "tables. Use a shadow account (lane.shadow.account.*) wherever the database allows one.");
			return;
		}
		ShadowAccount account = account(dataSource, properties);
		try {
			setUpAndVerify(dataSource, properties, account);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set up or verify shadow account " + account
					+ " (lane.shadow.enforcement=privileges): " + ex.getMessage(), ex);
		}
	}

	private static void setUpAndVerify(ShadowDataSource dataSource, ShadowProperties properties, ShadowAccount account)
			throws SQLException {
		DataSource base = dataSource.getBase();
		DataSource shadow = Objects.requireNonNull(dataSource.getShadow(), "shadow data source");
		ShadowPrivileges privileges = new ShadowPrivileges(dataSource.getRules());
		ShadowProperties.Admin admin = properties.getAccount().getAdmin();
		boolean tableMode = dataSource.getRules().mode() == ShadowMode.TABLE;
		if (tableMode && StringUtils.hasText(admin.getUsername())) {
			DataSource adminDataSource = adminDataSource(base, properties.getAccount(), admin);
			new ShadowTables(dataSource.getRules()).createMissing(adminDataSource);
			AccessPlan plan = privileges.plan(base);
			String password = Objects.requireNonNullElse(properties.getAccount().getPassword(), "");
			List<String> applied = privileges.apply(adminDataSource, plan, account, password);
			logger.info("Set up shadow account " + account + " as " + admin.getUsername() + ":\n  "
					+ String.join(";\n  ", applied) + ";");
		}
		AccessPlan plan = tableMode ? privileges.plan(base) : AccessPlan.derive(dataSource.getRules(), List.of());
		if (tableMode) {
			if (plan.granted().isEmpty()) {
				throw new IllegalStateException("Shadow account " + account + " would have no privilege at all: "
						+ "no shadow table of lanes " + dataSource.getRules().lanes() + " and no shared or read-base "
						+ "table exists in the database. Create the shadow tables (lane.shadow.create-missing-tables="
						+ "true with lane.shadow.account.admin.*, or by hand), or check lane.shadow.tables and "
						+ "lane.shadow.default-policy");
			}
			logger.info("Shadow account " + account + " needs exactly these privileges (lane.shadow.enforcement="
					+ "privileges):\n  " + String.join(";\n  ", privileges.grantStatements(plan, account)) + ";");
		}
		privileges.verify(base, shadow, plan, account);
	}

	private static ShadowAccount account(ShadowDataSource dataSource, ShadowProperties properties) {
		String username = (dataSource.getRules().mode() == ShadowMode.DATABASE) ? properties.getDatabase().getUsername()
				: properties.getAccount().getUsername();
		return new ShadowAccount(Objects.requireNonNullElse(username, ""), properties.getAccount().getHost());
	}

	private static DataSource adminDataSource(DataSource base, ShadowProperties.Account account,
			ShadowProperties.Admin admin) throws SQLException {
		String url = StringUtils.hasText(account.getUrl()) ? account.getUrl() : hikariUrl(base);
		if (url == null) {
			throw new IllegalStateException("lane.shadow.account.admin needs lane.shadow.account.url when the "
					+ "application's data source is not a HikariCP pool");
		}
		return new DriverManagerDataSource(url, Objects.requireNonNull(admin.getUsername()),
				Objects.requireNonNullElse(admin.getPassword(), ""));
	}

	private static @Nullable String hikariUrl(DataSource base) throws SQLException {
		return base.isWrapperFor(HikariDataSource.class)
				? ShadowPoolFactory.accountUrl(base.unwrap(HikariDataSource.class).getJdbcUrl()) : null;
	}

}
