package dev.lanes.shadow;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Objects;
import java.util.Set;

import dev.lanes.shadow.ShadowSqlContext.JdbcCall;
import org.jspecify.annotations.Nullable;

/**
 * Invocation handler behind the {@link Connection} proxies of a {@link ShadowDataSource}.
 * A connection is pinned to the data lane it was borrowed in: every call but closing it
 * is refused while another data lane is current. It passes the SQL of
 * {@code prepareStatement}, {@code prepareCall} and {@code nativeSQL} through the
 * {@link StatementGate}, wraps the statements and metadata it creates, and refuses in
 * shadowed lanes what would let a statement leave the guard: updatable result sets, and a
 * change of catalog or schema.
 */
final class ShadowConnectionHandler implements InvocationHandler {

	/** Calls allowed whatever lane is current: they end or inspect the connection. */
	private static final Set<String> LANE_FREE = Set.of("close", "isClosed", "abort", "isValid", "getWarnings",
			"clearWarnings");

	private final Connection target;

	private final StatementGate gate;

	private final @Nullable String lane;

	private ShadowConnectionHandler(Connection target, StatementGate gate, @Nullable String lane) {
		this.target = target;
		this.gate = gate;
		this.lane = lane;
	}

	/**
	 * Wraps a connection.
	 * @param target the pool's connection
	 * @param gate the gate of the data source
	 * @param lane the data lane the connection was borrowed in ({@code null}: base data)
	 */
	static Connection wrap(Connection target, StatementGate gate, @Nullable String lane) {
		return (Connection) Proxy.newProxyInstance(ShadowConnectionHandler.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ShadowConnectionHandler(target, gate, lane));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		Object common = JdbcProxyMethods.invokeCommon(proxy, this.target, "ShadowConnection", name, args);
		if (common != JdbcProxyMethods.NOT_COMMON) {
			return common;
		}
		if (!LANE_FREE.contains(name)) {
			this.gate.checkPinned(this.lane, "connection");
		}
		switch (name) {
			case "createStatement" -> refuseUpdatable(args, 1);
			case "prepareStatement" -> {
				refuseUpdatable(args, 2);
				args[0] = this.gate.admit((String) args[0], JdbcCall.PREPARE, this.lane);
			}
			case "prepareCall" -> {
				refuseUpdatable(args, 2);
				args[0] = this.gate.admit((String) args[0], JdbcCall.PREPARE_CALL, this.lane);
			}
			case "nativeSQL" -> args[0] = this.gate.admit((String) args[0], JdbcCall.NATIVE_SQL, this.lane);
			case "setCatalog" -> refuseSwitch("catalog", this.target.getCatalog(), args);
			case "setSchema" -> refuseSwitch("schema", this.target.getSchema(), args);
			default -> {
			}
		}
		Object result = JdbcProxyMethods.invokeTarget(this.target, method, args);
		if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
			return ShadowStatementHandler.wrap(statement, method.getReturnType(), (Connection) proxy, this.gate,
					this.lane);
		}
		if (result instanceof DatabaseMetaData metaData) {
			return ShadowMetaDataHandler.wrap(metaData, (Connection) proxy, this.gate, this.lane);
		}
		return result;
	}

	// createStatement(type, concurrency[, holdability]) and prepare*(sql, type,
	// concurrency[, holdability]): an updatable result set writes the rows it read,
	// which may be base rows of a read-base table
	private void refuseUpdatable(@Nullable Object[] args, int concurrencyIndex) throws ShadowRejectedException {
		if (args != null && args.length > concurrencyIndex && args[concurrencyIndex] instanceof Integer concurrency
				&& concurrency == ResultSet.CONCUR_UPDATABLE) {
			this.gate.refuseInShadowedLane(this.lane, "updatable result sets (CONCUR_UPDATABLE) write rows they read");
		}
	}

	private void refuseSwitch(String what, @Nullable String current, @Nullable Object[] args)
			throws ShadowRejectedException {
		if (!Objects.equals(current, args[0])) {
			this.gate.refuseInShadowedLane(this.lane, "switching the " + what + " from '" + current + "' to '" + args[0]
					+ "' would make names resolve outside the rewritten statement");
		}
	}

}
