package dev.lanes.shadow.redis;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanes.shadow.redis.CommandSpec.Access;
import dev.lanes.shadow.redis.CommandSpec.Result;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.connection.ReactiveKeyCommands;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.stream.ByteBufferRecord;
import org.springframework.data.redis.core.ScanOptions;

/**
 * The {@link InvocationHandler} of a shadow {@link ReactiveRedisConnection} and of its
 * command interfaces.
 * <p>
 * A reactive connection belongs to the data lane that was current when it was obtained
 * (when a reactive template subscribes): its commands run on Redis client threads, where
 * no lane is current, so the lane is not checked again per command. In a shadowed lane
 * only the methods of the {@link ReactiveCommandTable} that take their keys as
 * {@code ByteBuffer} run, with their keys mapped; a {@link KeyPolicy#READ_BASE} read
 * first asks Redis, without blocking, whether the lane's key exists. A refusal is the
 * error signal of the returned {@code Mono} or {@code Flux}.
 */
final class ShadowReactiveConnectionHandler implements InvocationHandler {

	private static final Method SCAN_WITH_OPTIONS;

	static {
		try {
			SCAN_WITH_OPTIONS = ReactiveKeyCommands.class.getMethod("scan", ScanOptions.class);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final ReactiveRedisConnection connection;

	private final Object target;

	private final LaneKeys keys;

	private final ShadowRedisListener listener;

	private final Map<Method, Object> commandViews = new ConcurrentHashMap<>();

	private ShadowReactiveConnectionHandler(ReactiveRedisConnection connection, Object target, LaneKeys keys,
			ShadowRedisListener listener) {
		this.connection = connection;
		this.target = target;
		this.keys = keys;
		this.listener = listener;
	}

	static <T extends ReactiveRedisConnection> T wrap(T connection, Class<T> type, LaneKeys keys,
			ShadowRedisListener listener) {
		return type.cast(Proxy.newProxyInstance(ShadowReactiveConnectionHandler.class.getClassLoader(),
				new Class<?>[] { type }, new ShadowReactiveConnectionHandler(connection, connection, keys, listener)));
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
		if (name.equals("close") || name.equals("closeLater")) {
			return call(method, args);
		}
		if (args == null && name.endsWith("Commands") && method.getReturnType().isInterface()) {
			return this.commandViews.computeIfAbsent(method, this::view);
		}
		CommandSpec spec = ReactiveCommandTable.spec(name);
		try {
			return (this.keys.lane() == null) ? base(method, spec, args) : shadowed(method, spec, args);
		}
		catch (ShadowRedisRefusedException ex) {
			this.listener.onCommand(this.keys.label(), RedisCommandOutcome.REJECTED);
			if (Mono.class.isAssignableFrom(method.getReturnType())) {
				return Mono.error(ex);
			}
			if (Flux.class.isAssignableFrom(method.getReturnType())) {
				return Flux.error(ex);
			}
			throw ex;
		}
	}

	private Object view(Method method) {
		Object commands;
		try {
			commands = method.invoke(this.target);
		}
		catch (InvocationTargetException | IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
		return Proxy.newProxyInstance(ShadowReactiveConnectionHandler.class.getClassLoader(),
				new Class<?>[] { method.getReturnType() },
				new ShadowReactiveConnectionHandler(this.connection, commands, this.keys, this.listener));
	}

	private @Nullable Object base(Method method, @Nullable CommandSpec spec, @Nullable Object[] args) throws Throwable {
		if (spec != null && args != null) {
			this.keys.checkArguments(spec, method.getName(), args);
		}
		this.listener.onCommand(this.keys.label(), RedisCommandOutcome.PASSED);
		Object result = call(method, args);
		return (spec != null && spec.result() == Result.KEYS) ? visibleKeys(result) : result;
	}

	private @Nullable Object shadowed(Method method, @Nullable CommandSpec spec, @Nullable Object[] args)
			throws Throwable {
		String name = method.getName();
		if (spec == null) {
			throw this.keys.refused(name, "it is not one whose keys the shadow key space can map");
		}
		LaneKeys.Mapped mapped = new LaneKeys.Mapped();
		Object result;
		if (spec.access() == Access.PATTERN) {
			mapped.prefixed = true;
			this.listener.onCommand(this.keys.label(), mapped.outcome());
			result = (args == null)
					? call(SCAN_WITH_OPTIONS, new Object[] { this.keys.pattern(name, ScanOptions.NONE) })
					: call(method, new Object[] { this.keys.pattern(name, args[0]) });
		}
		else if (args == null) {
			this.listener.onCommand(this.keys.label(), mapped.outcome());
			result = call(method, null);
		}
		else {
			List<byte[]> fallbackKeys = readBaseKeys(spec, name, args);
			if (!fallbackKeys.isEmpty()) {
				return withFallback(method, spec, args, fallbackKeys);
			}
			Object[] mappedArgs = args.clone();
			this.keys.mapArguments(spec, name, mappedArgs, null, mapped);
			this.listener.onCommand(this.keys.label(), mapped.outcome());
			result = call(method, mappedArgs);
		}
		return switch (spec.result()) {
			case KEYS -> visibleKeys(result);
			case RECORDS -> records(result);
			default -> result;
		};
	}

	// the lane keys of read-base reads, found by mapping once with no key existing
	private List<byte[]> readBaseKeys(CommandSpec spec, String name, Object[] args) {
		List<byte[]> asked = new ArrayList<>();
		this.keys.mapArguments(spec, name, args.clone(), (key) -> {
			asked.add(key);
			return false;
		}, new LaneKeys.Mapped());
		return asked;
	}

	/**
	 * Asks Redis which lane keys of read-base reads exist, then runs the command with
	 * each read on the lane's key where it exists and on the base key where it does not.
	 */
	private Object withFallback(Method method, CommandSpec spec, Object[] args, List<byte[]> laneKeys) {
		Mono<Object> run = reactor.core.publisher.Flux.fromIterable(laneKeys)
			.concatMap((key) -> this.connection.keyCommands()
				.exists(ByteBuffer.wrap(key))
				.map((exists) -> exists ? ByteBuffer.wrap(key) : ByteBuffer.allocate(0)))
			.collect(java.util.stream.Collectors.toSet())
			.map((existing) -> {
				Object[] mappedArgs = args.clone();
				LaneKeys.Mapped mapped = new LaneKeys.Mapped();
				this.keys.mapArguments(spec, method.getName(), mappedArgs,
						(key) -> existing.contains(ByteBuffer.wrap(key)), mapped);
				this.listener.onCommand(this.keys.label(), mapped.outcome());
				try {
					Object result = call(method, mappedArgs);
					return (spec.result() == Result.RECORDS) ? records(result) : result;
				}
				catch (Throwable ex) {
					throw reactor.core.Exceptions.propagate(ex);
				}
			});
		if (Mono.class.isAssignableFrom(method.getReturnType())) {
			return run.flatMap((publisher) -> Mono.from((org.reactivestreams.Publisher<?>) publisher));
		}
		return run.flatMapMany((publisher) -> Flux.from((org.reactivestreams.Publisher<?>) publisher));
	}

	@SuppressWarnings("unchecked")
	private @Nullable Object visibleKeys(@Nullable Object result) {
		if (result instanceof Flux<?> flux) {
			return ((Flux<ByteBuffer>) flux).mapNotNull(this::visible);
		}
		if (result instanceof Mono<?> mono) {
			return ((Mono<List<ByteBuffer>>) mono).map((keys) -> {
				List<ByteBuffer> visible = new ArrayList<>(keys.size());
				for (ByteBuffer key : keys) {
					ByteBuffer shown = visible(key);
					if (shown != null) {
						visible.add(shown);
					}
				}
				return visible;
			});
		}
		return result;
	}

	private @Nullable ByteBuffer visible(ByteBuffer key) {
		byte[] visible = this.keys.visible(Bytes.of(key));
		return (visible != null) ? ByteBuffer.wrap(visible) : null;
	}

	private @Nullable Object records(@Nullable Object result) {
		if (result instanceof Flux<?> flux) {
			return flux.map((record) -> (record instanceof ByteBufferRecord buffers)
					? buffers.withStreamKey(ByteBuffer.wrap(this.keys.visible(Bytes.of(buffers.getStream()))))
					: record);
		}
		return result;
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
