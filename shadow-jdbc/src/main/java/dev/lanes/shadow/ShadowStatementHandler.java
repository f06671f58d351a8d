package dev.lanes.shadow;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

import dev.lanes.shadow.ShadowSqlContext.JdbcCall;
import org.jspecify.annotations.Nullable;

/**
 * Invocation handler behind the {@link Statement}, {@link java.sql.PreparedStatement} and
 * {@link java.sql.CallableStatement} proxies: passes SQL handed to
 * {@code execute*(String...)} and {@code addBatch(String)} through the
 * {@link StatementGate}, and returns the proxied connection from {@code getConnection()}.
 */
final class ShadowStatementHandler implements InvocationHandler {

	private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

	private final Statement target;

	private final Connection connection;

	private final StatementGate gate;

	private final boolean shadowConnection;

	private ShadowStatementHandler(Statement target, Connection connection, StatementGate gate,
			boolean shadowConnection) {
		this.target = target;
		this.connection = connection;
		this.gate = gate;
		this.shadowConnection = shadowConnection;
	}

	static Statement wrap(Statement target, Class<?> type, Connection connection, StatementGate gate,
			boolean shadowConnection) {
		return (Statement) Proxy.newProxyInstance(ShadowStatementHandler.class.getClassLoader(),
				new Class<?>[] { type }, new ShadowStatementHandler(target, connection, gate, shadowConnection));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		boolean hasSql = args != null && args.length > 0 && args[0] instanceof String;
		if (hasSql && EXECUTE.contains(name)) {
			args[0] = this.gate.admit((String) args[0], JdbcCall.STATEMENT, this.shadowConnection);
		}
		else if (hasSql && name.equals("addBatch")) {
			args[0] = this.gate.admit((String) args[0], JdbcCall.BATCH, this.shadowConnection);
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
		return JdbcProxyMethods.invokeTarget(this.target, method, args);
	}

}
