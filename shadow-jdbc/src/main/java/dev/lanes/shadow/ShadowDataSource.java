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
 * lane comes from {@link LaneContext#current()}.
 * <ul>
 * <li><b>Table mode:</b> connections always come from the wrapped (base) data source. The
 * lane is read each time SQL is handed over: at {@code prepareStatement} /
 * {@code prepareCall} for prepared and callable statements (a prepared statement keeps
 * the lane it was prepared in), and at {@code execute*(sql)} / {@code addBatch(sql)} for
 * plain statements. SQL of a shadowed lane goes through the {@link ShadowSqlTransformer}
 * (by default a {@link ShadowTableRewriter}); base SQL is passed through untouched and
 * never parsed.</li>
 * <li><b>Database mode:</b> the lane is read at {@link #getConnection()}, which picks the
 * shadow or the base pool; a connection is used in the lane it was checked out in, and
 * SQL handed to it while another lane's traffic is current is refused. SQL is not
 * rewritten.</li>
 * </ul>
 * {@link #unwrap(Class)} and {@link #isWrapperFor(Class)} reach the wrapped base data
 * source (for example a {@code HikariDataSource}), so pool metrics and health checks keep
 * working. Closing this data source closes the wrapped ones that are
 * {@link AutoCloseable}. (In a Spring context the container closes the bean it created,
 * the base pool, and the auto-configuration closes the shadow pool it created.)
 */
public final class ShadowDataSource implements DataSource, AutoCloseable {

	private final DataSource base;

	private final @Nullable DataSource shadow;

	private final StatementGate gate;

	private ShadowDataSource(Builder builder) {
		this.base = builder.base;
		this.shadow = builder.shadow;
		ShadowSqlTransformer transformer = (builder.transformer != null) ? builder.transformer
				: new ShadowTableRewriter(builder.rules);
		this.gate = new StatementGate(builder.rules, transformer, builder.listener);
		if (builder.rules.mode() == ShadowMode.DATABASE && this.shadow == null) {
			throw new IllegalArgumentException("Database mode needs a shadow data source");
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
	 * Returns the shadow database's data source, if any.
	 * @return the shadow data source, or {@code null} in table mode
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

	@Override
	public Connection getConnection() throws SQLException {
		boolean shadowConnection = routesToShadow();
		DataSource source = shadowConnection ? Objects.requireNonNull(this.shadow) : this.base;
		return ShadowConnectionHandler.wrap(source.getConnection(), this.gate, shadowConnection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		boolean shadowConnection = routesToShadow();
		DataSource source = shadowConnection ? Objects.requireNonNull(this.shadow) : this.base;
		return ShadowConnectionHandler.wrap(source.getConnection(username, password), this.gate, shadowConnection);
	}

	private boolean routesToShadow() {
		ShadowRules rules = this.gate.rules();
		return rules.mode() == ShadowMode.DATABASE && rules.isShadowed(LaneContext.current());
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

		private Builder(DataSource base, ShadowRules rules) {
			this.base = Objects.requireNonNull(base, "base");
			this.rules = Objects.requireNonNull(rules, "rules");
		}

		/**
		 * Sets the shadow database's data source, required in database mode.
		 * @param shadow the shadow data source
		 * @return this builder
		 */
		public Builder shadowDataSource(DataSource shadow) {
			this.shadow = shadow;
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
