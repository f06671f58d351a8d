package dev.lanes.shadow;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

import org.jspecify.annotations.Nullable;

/**
 * Invocation handler behind the {@link DatabaseMetaData} proxies: {@code getConnection()}
 * returns the proxied connection, and the result sets it returns are wrapped (their
 * {@code getStatement()} is {@code null}, as JDBC specifies for metadata result sets).
 */
final class ShadowMetaDataHandler implements InvocationHandler {

	private final DatabaseMetaData target;

	private final Connection connection;

	private final StatementGate gate;

	private final @Nullable String lane;

	private ShadowMetaDataHandler(DatabaseMetaData target, Connection connection, StatementGate gate,
			@Nullable String lane) {
		this.target = target;
		this.connection = connection;
		this.gate = gate;
		this.lane = lane;
	}

	static DatabaseMetaData wrap(DatabaseMetaData target, Connection connection, StatementGate gate,
			@Nullable String lane) {
		return (DatabaseMetaData) Proxy.newProxyInstance(ShadowMetaDataHandler.class.getClassLoader(),
				new Class<?>[] { DatabaseMetaData.class }, new ShadowMetaDataHandler(target, connection, gate, lane));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		if (name.equals("getConnection")) {
			return this.connection;
		}
		Object common = JdbcProxyMethods.invokeCommon(proxy, this.target, "ShadowMetaData", name, args);
		if (common != JdbcProxyMethods.NOT_COMMON) {
			return common;
		}
		Object result = JdbcProxyMethods.invokeTarget(this.target, method, args);
		if (result instanceof ResultSet resultSet) {
			return ShadowResultSetHandler.wrap(resultSet, null, this.gate, this.lane);
		}
		return result;
	}

}
