package dev.lanes.benchmarks;

import java.nio.charset.StandardCharsets;

import dev.lanes.core.LaneContext;
import dev.lanes.shadow.redis.ShadowRedisConnectionFactory;
import dev.lanes.shadow.redis.ShadowRedisListener;
import dev.lanes.shadow.redis.ShadowRedisRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * One {@code GET} against a real Redis (127.0.0.1:6379, or {@code LANES_BENCH_REDIS} as
 * {@code host:port}; database 7) through Lettuce directly, through
 * {@link ShadowRedisConnectionFactory} as base traffic and in lane {@code gray}: the
 * wrapper's cost next to a round trip. The keys {@code bench} and {@code gray:bench} are
 * written at setup.
 */
public class RedisRoundTripBenchmark extends NanosecondBenchmark {

	private static final byte[] KEY = "bench".getBytes(StandardCharsets.UTF_8);

	private LettuceConnectionFactory lettuce;

	private RedisConnectionFactory shadow;

	@Setup
	public void setUp() {
		String address = System.getenv("LANES_BENCH_REDIS");
		String[] hostPort = ((address != null) ? address : "127.0.0.1:6379").split(":");
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(hostPort[0],
				Integer.parseInt(hostPort[1]));
		configuration.setDatabase(7);
		this.lettuce = new LettuceConnectionFactory(configuration);
		this.lettuce.afterPropertiesSet();
		this.shadow = new ShadowRedisConnectionFactory(this.lettuce, ShadowRedisRules.builder().lanes("gray").build(),
				ShadowRedisListener.NONE);
		try (RedisConnection connection = this.lettuce.getConnection()) {
			connection.stringCommands().set(KEY, KEY);
			connection.stringCommands().set("gray:bench".getBytes(StandardCharsets.UTF_8), KEY);
		}
	}

	@TearDown
	public void tearDown() {
		this.lettuce.destroy();
	}

	@Benchmark
	public byte[] raw() {
		return get(this.lettuce);
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
		try (RedisConnection connection = factory.getConnection()) {
			return connection.stringCommands().get(KEY);
		}
	}

}
