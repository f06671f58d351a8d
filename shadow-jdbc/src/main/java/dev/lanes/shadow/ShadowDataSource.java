package dev.lanes.shadow;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.lanes.core.LaneContext;
import dev.lanes.shadow.rewrite.ShadowTableRewriter;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} that keeps the statements of shadowed lanes off base data. The
 * lane comes from {@link LaneContext#current()} when a connection is borrowed.
 * <ul>
 * <li><b>Connections:</b> a connection borrowed in a shadowed lane comes from the shadow
 * data source (the shadow account's pool in table mode, the shadow database's pool in
 * database mode), any other from the wrapped base data source. A connection, and every
 * statement and result set made from it, belongs to the lane it was borrowed in: using it
 * while another lane's data is current is refused with a {@link ShadowRejectedException}
 * naming both lanes.</li>
 * <li><b>Table mode:</b> the SQL of a shadowed lane goes through the
 * {@link ShadowSqlTransformer} (by default a {@link ShadowTableRewriter}) each time it is
 * handed over ({@code prepareStatement}, {@code prepareCall}, {@code execute*(sql)},
 * {@code addBatch(sql)}); base SQL is passed through untouched and never parsed. With
 * {@link ShadowEnforcement#PRIVILEGES} (the default) the shadow account's privileges
 * refuse whatever the rewriter misses; with {@link ShadowEnforcement#REWRITE_ONLY}
 * shadowed lanes use base connections and only the rewriter guards.</li>
 * <li><b>Database mode:</b> SQL is not rewritten; the shadow database's account must have
 * no privilege on the base database.</li>
 * </ul>
 * {@link #unwrap(Class)} and {@link #isWrapperFor(Class)} reach the wrapped base data
 * source (for example a {@code HikariDataSource}), so pool metrics and health checks keep
 * working; code that unwraps a connection or statement to the driver's own classes leaves
 * the rewriter's guard, but not the shadow account's privileges. Closing this data source
 * closes the wrapped ones that are {@link AutoCloseable}. (In a Spring context the
 * container closes the bean it created, the base pool, and the auto-configuration closes
 * the shadow pool it created.)
 */
public final class ShadowDataSource implements DataSource, AutoCloseable {

	private final DataSource base;

	private final @Nullable DataSource shadow;

	private final ShadowEnforcement enforcement;

	private final StatementGate gate;

	private final @Nullable SessionSettingsCheck sessionCheck;

	private ShadowDataSource(Builder builder) {
		this.base = builder.base;
		this.shadow = builder.shadow;
		this.enforcement = builder.enforcement;
		ShadowSqlTransformer transformer = (builder.transformer != null) ? builder.transformer
				: new ShadowTableRewriter(builder.rules);
		this.gate = new StatementGate(builder.rules, transformer, builder.listener);
		this.sessionCheck = (builder.rules.mode() == ShadowMode.TABLE)
				? new SessionSettingsCheck(builder.rules, this.enforcement == ShadowEnforcement.REWRITE_ONLY) : null;
		if (builder.rules.mode() == ShadowMode.DATABASE && this.shadow == null) {
			throw new IllegalArgumentException("Database mode needs a shadow data source");
		}
		if (builder.rules.mode() == ShadowMode.TABLE && this.enforcement == ShadowEnforcement.PRIVILEGES
				&& this.shadow == null) {
			throw new IllegalArgumentException("Table mode with enforcement PRIVILEGES needs the shadow account's "
					+ "data source (Builder.shadowDataSource), or enforcement REWRITE_ONLY");
		}
		if (this.enforcement == ShadowEnforcement.REWRITE_ONLY && builder.rules.mode() == ShadowMode.TABLE
				&& this.shadow != null) {
			throw new IllegalArgumentException("Enforcement REWRITE_ONLY uses base connections in table mode: "
					+ "remove the shadow data source, or use enforcement PRIVILEGES");
		}
	}

	/**
	 * Starts building a shadow data source.
	 * @param base the application's data source
	 * @param rules the shadow rules
	 * @return a builder
	 */
	public static Builder builder(DataSource base, ShadowRules rules) {
		return new Builder(base, rules);
	}

	/**
	 * Returns the wrapped base data source.
	 * @return the base data source
	 */
	public DataSource getBase() {
		return this.base;
	}

	/**
	 * Returns the data source of shadowed lanes, if any.
	 * @return the shadow account's pool (table mode) or the shadow database's pool
	 * (database mode), or {@code null} in table mode with
	 * {@link ShadowEnforcement#REWRITE_ONLY}
	 */
	public @Nullable DataSource getShadow() {
		return this.shadow;
	}

	/**
	 * Returns the rules this data source applies.
	 * @return the rules
	 */
	public ShadowRules getRules() {
		return this.gate.rules();
	}

	/**
	 * Returns what guards base data besides the rewriter.
	 * @return the enforcement
	 */
	public ShadowEnforcement getEnforcement() {
		return this.enforcement;
	}

	@Override
	public Connection getConnection() throws SQLException {
		String lane = this.gate.dataLane();
		return wrap(source(lane).getConnection(), lane);
	}

	/**
	 * Returns a connection for explicit credentials; refused in shadowed lanes when their
	 * connections come from the shadow data source, whose account the credentials would
	 * replace.
	 */
	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		String lane = this.gate.dataLane();
		DataSource source = source(lane);
		if (source != this.base) {
			this.gate.refuseInShadowedLane(lane,
					"a connection with explicit credentials would not use the " + "shadow data source's account");
		}
		return wrap(source.getConnection(username, password), lane);
	}

	private Connection wrap(Connection connection, @Nullable String lane) throws SQLException {
		if (lane != null && this.sessionCheck != null) {
			try {
				this.sessionCheck.verify(connection, lane);
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}
		return ShadowConnectionHandler.wrap(connection, this.gate, lane);
	}

	private DataSource source(@Nullable String dataLane) {
		return (dataLane != null && this.shadow != null) ? this.shadow : this.base;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return (T) this;
		}
		if (iface.isInstance(this.base)) {
			return (T) this.base;
		}
		return this.base.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || iface.isInstance(this.base) || this.base.isWrapperFor(iface);
	}

	@Override
	public @Nullable PrintWriter getLogWriter() throws SQLException {
		return this.base.getLogWriter();
	}

	@Override
	public void setLogWriter(@Nullable PrintWriter out) throws SQLException {
		this.base.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.base.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.base.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.base.getParentLogger();
	}

	@Override
	public void close() throws Exception {
		try {
			if (this.shadow instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
		finally {
			if (this.base instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
	}

	@Override
	public String toString() {
		return "ShadowDataSource[" + this.base + "]";
	}

	/**
	 * Builds a {@link ShadowDataSource}.
	 */
	public static final class Builder {

		private final DataSource base;

		private final ShadowRules rules;

		private @Nullable DataSource shadow;

		private @Nullable ShadowSqlTransformer transformer;

		private ShadowStatementListener listener = ShadowStatementListener.NONE;

		private ShadowEnforcement enforcement = ShadowEnforcement.PRIVILEGES;

		private Builder(DataSource base, ShadowRules rules) {
			this.base = Objects.requireNonNull(base, "base");
			this.rules = Objects.requireNonNull(rules, "rules");
		}

		/**
		 * Sets the data source of shadowed lanes: in table mode the pool of the shadow
		 * account (same database, an account that may write only shadow and shared
		 * tables), in database mode the shadow database's pool. Required, except in table
		 * mode with {@link ShadowEnforcement#REWRITE_ONLY}.
		 * @param shadow the shadow data source
		 * @return this builder
		 */
		public Builder shadowDataSource(DataSource shadow) {
			this.shadow = shadow;
			return this;
		}

		/**
		 * Sets what guards base data besides the rewriter; the default is
		 * {@link ShadowEnforcement#PRIVILEGES}.
		 * @param enforcement the enforcement
		 * @return this builder
		 */
		public Builder enforcement(ShadowEnforcement enforcement) {
			this.enforcement = Objects.requireNonNull(enforcement, "enforcement");
			return this;
		}

		/**
		 * Replaces the default {@link ShadowTableRewriter}.
		 * @param transformer the transformer used in table mode
		 * @return this builder
		 */
		public Builder transformer(ShadowSqlTransformer transformer) {
			this.transformer = transformer;
			return this;
		}

		/**
		 * Sets the listener told about every statement.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(ShadowStatementListener listener) {
			this.listener = listener;
			return this;
		}

		/**
		 * Builds the data source.
		 * @return the data source
		 */
		public ShadowDataSource build() {
			return new ShadowDataSource(this);
		}

	}

}
