package dev.lanes.shadow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.Wrapper;

import org.jspecify.annotations.Nullable;

/**
 * What every JDBC proxy of this package answers the same way: the {@link Object} methods
 * (identity of the proxy) and {@link Wrapper} (the proxy itself, or what the target
 * unwraps to, so pools stay reachable), and the reflective call to the target.
 */
final class JdbcProxyMethods {

	/**
	 * Returned by {@link #invokeCommon} for a method it does not answer.
	 */
	static final Object NOT_COMMON = new Object();

	private JdbcProxyMethods() {
	}

	static @Nullable Object invokeCommon(Object proxy, Wrapper target, String kind, String name,
			@Nullable Object[] args) throws SQLException {
		return switch (name) {
			case "equals" -> proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			case "toString" -> kind + "[" + target + "]";
			case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
			case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
			default -> NOT_COMMON;
		};
	}

	static @Nullable Object invokeTarget(Object target, Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
