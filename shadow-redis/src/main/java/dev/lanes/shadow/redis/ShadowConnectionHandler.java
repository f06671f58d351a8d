package dev.lanes.shadow.redis;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import dev.lanes.core.LaneContext;
import dev.lanes.shadow.redis.CommandSpec.Access;
import dev.lanes.shadow.redis.CommandSpec.Result;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.stream.ByteRecord;
import org.springframework.data.redis.core.Cursor;

/**
 * The {@link InvocationHandler} of a shadow {@link RedisConnection} and of the command
 * interfaces it hands out ({@code keyCommands()}, {@code stringCommands()}...).
 * <p>
 * A connection is pinned to the data lane it was obtained in: every call but closing it
 * and asking about its state is refused while another data lane is current. In a shadowed
 * lane only the methods of the {@link CommandTable} run, with their keys mapped by
 * {@link LaneKeys}; any other method is refused. Base connections run every method, and
 * refuse only keys of a shadow key space.
 */
final class ShadowConnectionHandler implements InvocationHandler {

	private static final Set<String> STATE = Set.of("close", "isClosed", "isPipelined", "isQueueing", "openPipeline",
			"closePipeline");

	private final RedisConnection connection;

	private final Object target;

	private final LaneKeys keys;

	private final ShadowRedisListener listener;

	// the command interface handed out last: most connections serve one command, and a
	// race between two threads only makes a second, equal view
	private volatile @Nullable CommandView lastView;

	private ShadowConnectionHandler(RedisConnection connection, Object target, LaneKeys keys,
			ShadowRedisListener listener) {
		this.connection = connection;
		this.target = target;
		this.keys = keys;
		this.listener = listener;
	}

	/**
	 * Wraps a connection, pinned to the data lane {@code keys} belongs to.
	 * @param connection the connection of the application's factory
	 * @param type the connection interface to expose
	 */
	static <T extends RedisConnection> T wrap(T connection, Class<T> type, LaneKeys keys,
			ShadowRedisListener listener) {
		return type.cast(Proxy.newProxyInstance(ShadowConnectionHandler.class.getClassLoader(), new Class<?>[] { type },
				new ShadowConnectionHandler(connection, connection, keys, listener)));
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		String name = method.getName();
		if (method.getDeclaringClass() == Object.class) {
			return switch (name) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> "Shadow" + this.target + " (lane " + this.keys.label() + ")";
			};
		}
		if (STATE.contains(name)) {
			return call(method, args);
		}
		String lane = LaneContext.current();
		String current = this.keys.rules().shadowedLane(lane);
		if (!Objects.equals(current, this.keys.lane())) {
			report(lane, RedisCommandOutcome.REJECTED);
			throw this.keys.refused(name,
					"the connection belongs to lane '" + this.keys.label() + "' but lane '"
							+ ((lane != null) ? lane : "base")
							+ "' is current; Redis connections are used in the lane they were obtained in");
		}
		if (args == null && name.endsWith("Commands") && method.getReturnType().isInterface()) {
			CommandView view = this.lastView;
			if (view == null || view.method() != method) {
				view = new CommandView(method, view(method));
				this.lastView = view;
			}
			return view.proxy();
		}
		CommandSpec spec = CommandTable.spec(name);
		try {
			if (this.keys.lane() == null) {
				return base(method, spec, args, lane);
			}
			return shadowed(method, spec, args);
		}
		catch (ShadowRedisRefusedException ex) {
			report(lane, RedisCommandOutcome.REJECTED);
			throw ex;
		}
	}

	private record CommandView(Method method, Object proxy) {
	}

	private Object view(Method method) {
		Object commands = invokeUnchecked(method);
		return Proxy.newProxyInstance(ShadowConnectionHandler.class.getClassLoader(),
				new Class<?>[] { method.getReturnType() },
				new ShadowConnectionHandler(this.connection, commands, this.keys, this.listener));
	}

	private Object invokeUnchecked(Method method) {
		try {
			return method.invoke(this.target);
		}
		catch (InvocationTargetException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private @Nullable Object base(Method method, @Nullable CommandSpec spec, @Nullable Object[] args,
			@Nullable String lane) throws Throwable {
		if (spec == null) {
			report(lane, RedisCommandOutcome.PASSED);
			return call(method, args);
		}
		if (args != null) {
			this.keys.checkArguments(spec, method.getName(), args);
		}
		if (spec.access() == Access.CHANNEL && args != null && args[0] instanceof MessageListener listener) {
			args = args.clone();
			args[0] = new LaneMessageListener(listener, this.keys);
		}
		report(lane, RedisCommandOutcome.PASSED);
		Object result = call(method, args);
		return (spec.result() == Result.KEYS) ? visibleKeys(result) : result;
	}

	private @Nullable Object shadowed(Method method, @Nullable CommandSpec spec, @Nullable Object[] args)
			throws Throwable {
		String name = method.getName();
		if (spec == null) {
			throw this.keys.refused(name, "it is not one whose keys the shadow key space can map");
		}
		boolean batching = this.connection.isPipelined() || this.connection.isQueueing();
		if (batching && spec.result() != Result.PLAIN) {
			throw this.keys.refused(name,
					"its result names keys, which cannot be mapped back inside a pipeline or a transaction");
		}
		LaneKeys.Mapped mapped = new LaneKeys.Mapped();
		Object[] mappedArgs = (args != null) ? args.clone() : null;
		if (spec.access() == Access.PATTERN) {
			mappedArgs[0] = this.keys.pattern(name, mappedArgs[0]);
			mapped.prefixed = true;
		}
		else if (mappedArgs != null) {
			this.keys.mapArguments(spec, name, mappedArgs, batching ? null : this::exists, mapped);
			if (spec.access() == Access.CHANNEL && mappedArgs[0] instanceof MessageListener listener) {
				mappedArgs[0] = new LaneMessageListener(listener, this.keys);
			}
		}
		report(this.keys.lane(), mapped.outcome());
		Object result = call(method, mappedArgs);
		return switch (spec.result()) {
			case PLAIN -> result;
			case KEYS -> visibleKeys(result);
			case POPPED -> popped(result);
			case RECORDS -> records(result);
		};
	}

	private boolean exists(byte[] key) {
		return Boolean.TRUE.equals(this.connection.keyCommands().exists(key));
	}

	@SuppressWarnings("unchecked")
	private @Nullable Object visibleKeys(@Nullable Object result) {
		if (result instanceof Cursor<?> cursor) {
			return new ShadowKeyCursor((Cursor<byte[]>) cursor, this.keys);
		}
		if (result instanceof Collection<?> keys) {
			return this.keys.visible((Collection<byte[]>) keys);
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private @Nullable Object popped(@Nullable Object result) {
		if (result instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof byte[] key) {
			List<byte[]> copy = new ArrayList<>((List<byte[]>) list);
			copy.set(0, this.keys.visible(key));
			return copy;
		}
		return result;
	}

	private @Nullable Object records(@Nullable Object result) {
		if (result instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (Object record : list) {
				copy.add((record instanceof ByteRecord bytes)
						? bytes.withStreamKey(this.keys.visible(bytes.getStream())) : record);
			}
			return copy;
		}
		return result;
	}

	private void report(@Nullable String currentLane, RedisCommandOutcome outcome) {
		String label = (this.keys.lane() != null) ? this.keys.lane()
				: (currentLane == null) ? this.keys.label() : ShadowRedisConnectionFactory.OTHER_LANES;
		this.listener.onCommand(label, outcome);
	}

	private @Nullable Object call(Method method, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(this.target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
