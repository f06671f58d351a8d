package dev.lanes.shadow;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Invocation handler behind the {@link ResultSet} proxies: {@code getStatement()} returns
 * the proxied statement (or {@code null} for metadata result sets), so no path leads back
 * to the driver's statement, and the calls that write rows through the result set are
 * refused while another data lane is current.
 */
final class ShadowResultSetHandler implements InvocationHandler {

	private static final Set<String> WRITES = Set.of("insertRow", "updateRow", "deleteRow");

	private final ResultSet target;

	private final @Nullable Statement statement;

	private final StatementGate gate;

	private final @Nullable String lane;

	private ShadowResultSetHandler(ResultSet target, @Nullable Statement statement, StatementGate gate,
			@Nullable String lane) {
		this.target = target;
		this.statement = statement;
		this.gate = gate;
		this.lane = lane;
	}

	static ResultSet wrap(ResultSet target, @Nullable Statement statement, StatementGate gate, @Nullable String lane) {
		return (ResultSet) Proxy.newProxyInstance(ShadowResultSetHandler.class.getClassLoader(),
				new Class<?>[] { ResultSet.class }, new ShadowResultSetHandler(target, statement, gate, lane));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		if (name.equals("getStatement")) {
			return this.statement;
		}
		if (WRITES.contains(name)) {
			this.gate.checkPinned(this.lane, "result set");
		}
		else {
			Object common = JdbcProxyMethods.invokeCommon(proxy, this.target, "ShadowResultSet", name, args);
			if (common != JdbcProxyMethods.NOT_COMMON) {
				return common;
			}
		}
		return JdbcProxyMethods.invokeTarget(this.target, method, args);
	}

}
