package dev.lanes.benchmarks;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import dev.lanes.core.LaneContext;
import dev.lanes.shadow.redis.KeyPolicy;
import dev.lanes.shadow.redis.ShadowRedisConnectionFactory;
import dev.lanes.shadow.redis.ShadowRedisListener;
import dev.lanes.shadow.redis.ShadowRedisRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStringCommands;

/**
 * The CPU cost of the shadow Redis connection factory alone: what a template does for one
 * command (obtain a connection, {@code stringCommands().get(key)}, close) against a stub
 * connection that does no I/O, directly, through {@link ShadowRedisConnectionFactory} as
 * base traffic (pinning and the shadow key space check) and as {@code gray} traffic (key
 * policy, prefix). Four key patterns are configured, so a gray key is matched against
 * them before it gets the default policy.
 */
public class RedisProxyBenchmark extends NanosecondBenchmark {

	private static final byte[] KEY = "cart:customer:4711".getBytes(StandardCharsets.UTF_8);

	private static final byte[] VALUE = "{\"items\":3}".getBytes(StandardCharsets.UTF_8);

	private RedisConnectionFactory stub;

	private RedisConnectionFactory shadow;

	@Setup
	public void setUp() {
		ClassLoader loader = RedisProxyBenchmark.class.getClassLoader();
		RedisStringCommands strings = (RedisStringCommands) Proxy.newProxyInstance(loader,
				new Class<?>[] { RedisStringCommands.class },
				(proxy, method, args) -> method.getName().equals("get") ? VALUE : null);
		RedisConnection connection = (RedisConnection) Proxy.newProxyInstance(loader,
				new Class<?>[] { RedisConnection.class }, (proxy, method, args) -> switch (method.getName()) {
					case "stringCommands" -> strings;
					case "isPipelined", "isQueueing", "isClosed" -> false;
					default -> null;
				});
		this.stub = (RedisConnectionFactory) Proxy.newProxyInstance(loader,
				new Class<?>[] { RedisConnectionFactory.class },
				(proxy, method, args) -> method.getName().equals("getConnection") ? connection : null);
		ShadowRedisRules rules = ShadowRedisRules.builder()
			.lanes("gray")
			.key("dict:*", KeyPolicy.READ_BASE)
			.key("rate:*", KeyPolicy.SHARED)
			.key("session:*:token", KeyPolicy.DENY)
			.key("audit:*", KeyPolicy.DENY)
			.build();
		this.shadow = new ShadowRedisConnectionFactory(this.stub, rules, ShadowRedisListener.NONE);
	}

	@Benchmark
	public byte[] raw() {
		return get(this.stub);
	}

	@Benchmark
	public byte[] base() {
		return get(this.shadow);
	}

	@Benchmark
	public byte[] gray() {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			return get(this.shadow);
		}
	}

	private static byte[] get(RedisConnectionFactory factory) {
		RedisConnection connection = factory.getConnection();
		try {
			return connection.stringCommands().get(KEY);
		}
		finally {
			connection.close();
		}
	}

}
