package dev.lanes.shadow;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

import dev.lanes.shadow.ShadowSqlContext.JdbcCall;
import org.jspecify.annotations.Nullable;

/**
 * Invocation handler behind the {@link Connection} proxies of a {@link ShadowDataSource}:
 * passes the SQL of {@code prepareStatement}, {@code prepareCall} and {@code nativeSQL}
 * through the {@link StatementGate} and wraps the statements it creates.
 */
final class ShadowConnectionHandler implements InvocationHandler {

	private final Connection target;

	private final StatementGate gate;

	private final boolean shadowConnection;

	private ShadowConnectionHandler(Connection target, StatementGate gate, boolean shadowConnection) {
		this.target = target;
		this.gate = gate;
		this.shadowConnection = shadowConnection;
	}

	static Connection wrap(Connection target, StatementGate gate, boolean shadowConnection) {
		return (Connection) Proxy.newProxyInstance(ShadowConnectionHandler.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ShadowConnectionHandler(target, gate, shadowConnection));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		Object common = JdbcProxyMethods.invokeCommon(proxy, this.target, "ShadowConnection", name, args);
		if (common != JdbcProxyMethods.NOT_COMMON) {
			return common;
		}
		switch (name) {
			case "prepareStatement":
				args[0] = this.gate.admit((String) args[0], JdbcCall.PREPARE, this.shadowConnection);
				break;
			case "prepareCall":
				args[0] = this.gate.admit((String) args[0], JdbcCall.PREPARE_CALL, this.shadowConnection);
				break;
			case "nativeSQL":
				args[0] = this.gate.admit((String) args[0], JdbcCall.NATIVE_SQL, this.shadowConnection);
				break;
			default:
		}
		Object result = JdbcProxyMethods.invokeTarget(this.target, method, args);
		if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
			return ShadowStatementHandler.wrap(statement, method.getReturnType(), (Connection) proxy, this.gate,
					this.shadowConnection);
		}
		return result;
	}

}
