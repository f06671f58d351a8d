package dev.lanes.shadow;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import dev.lanes.shadow.ShadowSqlContext.JdbcCall;
import org.jspecify.annotations.Nullable;

/**
 * Invocation handler behind the {@link Statement}, {@link java.sql.PreparedStatement} and
 * {@link java.sql.CallableStatement} proxies. A statement belongs to the data lane of its
 * connection: executing it, or adding to its batch, while another data lane is current is
 * refused. SQL handed to {@code execute*(String...)} and {@code addBatch(String)} goes
 * through the {@link StatementGate}; {@code getConnection()} returns the proxied
 * connection and result sets are wrapped so that {@code getStatement()} returns this
 * proxy.
 */
final class ShadowStatementHandler implements InvocationHandler {

	private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
			"executeBatch", "executeLargeBatch", "addBatch");

	private final Statement target;

	private final Connection connection;

	private final StatementGate gate;

	private final @Nullable String lane;

	private ShadowStatementHandler(Statement target, Connection connection, StatementGate gate, @Nullable String lane) {
		this.target = target;
		this.connection = connection;
		this.gate = gate;
		this.lane = lane;
	}

	static Statement wrap(Statement target, Class<?> type, Connection connection, StatementGate gate,
			@Nullable String lane) {
		return (Statement) Proxy.newProxyInstance(ShadowStatementHandler.class.getClassLoader(),
				new Class<?>[] { type }, new ShadowStatementHandler(target, connection, gate, lane));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		if (EXECUTE.contains(name)) {
			boolean hasSql = args != null && args.length > 0 && args[0] instanceof String;
			if (hasSql) {
				args[0] = this.gate.admit((String) args[0],
						name.equals("addBatch") ? JdbcCall.BATCH : JdbcCall.STATEMENT, this.lane);
			}
			else {
				this.gate.checkPinned(this.lane, "statement");
			}
		}
		else if (name.equals("getConnection")) {
			return this.connection;
		}
		else {
			Object common = JdbcProxyMethods.invokeCommon(proxy, this.target, "ShadowStatement", name, args);
			if (common != JdbcProxyMethods.NOT_COMMON) {
				return common;
			}
		}
		Object result = JdbcProxyMethods.invokeTarget(this.target, method, args);
		if (result instanceof ResultSet resultSet) {
			return ShadowResultSetHandler.wrap(resultSet, (Statement) proxy, this.gate, this.lane);
		}
		return result;
	}

}
