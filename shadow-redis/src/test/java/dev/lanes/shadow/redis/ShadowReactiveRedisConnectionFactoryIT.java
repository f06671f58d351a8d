package dev.lanes.shadow.redis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lanes.core.LaneContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection.KeyCommand;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ShadowReactiveRedisConnectionFactory} against a real Redis: reactive templates
 * in a shadowed lane, and what a reactive connection refuses.
 */
class ShadowReactiveRedisConnectionFactoryIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private LettuceConnectionFactory raw;

	private ShadowReactiveRedisConnectionFactory shadow;

	private ReactiveStringRedisTemplate app;

	private StringRedisTemplate redis;

	@BeforeEach
	void setUp() {
		RedisTestServer.assumeAvailable();
		this.raw = RedisTestServer.connectionFactory();
		RedisTestServer.flush(this.raw);
		this.shadow = new ShadowReactiveRedisConnectionFactory(this.raw,
				ShadowRedisRules.builder().lanes("gray").key("secret:*", KeyPolicy.DENY).build(),
				ShadowRedisListener.NONE);
		this.app = new ReactiveStringRedisTemplate(this.shadow);
		this.redis = new StringRedisTemplate(this.raw);
	}

	@AfterEach
	void tearDown() {
		LaneContext.clear();
		if (this.raw != null) {
			RedisTestServer.flush(this.raw);
			this.raw.destroy();
		}
	}

	@Test
	void commandFamiliesOfAShadowedLaneUseTheLanesKeys() {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			this.app.opsForValue().multiSet(Map.of("a", "1", "b", "2")).block(TIMEOUT);
			this.app.opsForHash().put("h", "f", "v").block(TIMEOUT);
			this.app.opsForList().leftPushAll("l", "x", "y").block(TIMEOUT);
			this.app.opsForZSet().add("z1", "m", 1).block(TIMEOUT);
			this.app.opsForZSet().add("z2", "m", 2).block(TIMEOUT);
			this.app.opsForZSet().unionAndStore("z1", List.of("z2"), "zsum").block(TIMEOUT);
			this.app.opsForStream().add(MapRecord.create("events", Map.of("k", "v"))).block(TIMEOUT);
			assertThat(this.app.opsForValue().multiGet(List.of("a", "b")).block(TIMEOUT)).containsExactly("1", "2");
			assertThat(this.app.opsForZSet().score("zsum", "m").block(TIMEOUT)).isEqualTo(3);
			assertThat(this.app.opsForStream().range("events", Range.unbounded()).collectList().block(TIMEOUT))
				.singleElement()
				.satisfies((record) -> assertThat(record.getStream()).isEqualTo("events"));
			assertThat(this.app.delete("a").block(TIMEOUT)).isEqualTo(1);
		}
		assertThat(keys()).containsExactlyInAnyOrder("gray:b", "gray:h", "gray:l", "gray:z1", "gray:z2", "gray:zsum",
				"gray:events");
	}

	@Test
	void commandsWhoseKeysCannotBeSeenAreRefusedAsErrorSignals() {
		this.redis.opsForValue().set("keep", "me");
		ReactiveRedisConnection connection;
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			connection = this.shadow.getReactiveConnection();
		}
		// the lane is the one the connection was obtained in, whatever thread runs it
		List<Mono<?>> refused = List.of(
				connection.stringCommands().get(Mono.just(new KeyCommand(buffer("keep")))).next(),
				connection.scriptingCommands()
					.eval(buffer("return redis.call('del', 'keep')"), ReturnType.INTEGER, 0)
					.next(),
				connection.serverCommands().flushDb(), connection.keyCommands().randomKey(),
				connection.keyCommands().keys(buffer("*")), connection.stringCommands().get(buffer("secret:1")));
		for (Mono<?> mono : refused) {
			assertThatExceptionOfType(ShadowRedisRefusedException.class).isThrownBy(() -> mono.block(TIMEOUT))
				.withMessageContaining("lane 'gray'");
		}
		connection.close();
		assertThat(keys()).containsExactly("keep");
	}

	@Test
	void baseReactiveTrafficNeitherSeesNorNamesTheLanesKeys() {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			this.app.opsForValue().set("k", "gray").block(TIMEOUT);
		}
		this.app.opsForValue().set("k", "base").block(TIMEOUT);
		assertThat(this.app.scan(ScanOptions.scanOptions().build()).collectList().block(TIMEOUT)).containsExactly("k");
		assertThatExceptionOfType(ShadowRedisRefusedException.class)
			.isThrownBy(() -> this.app.opsForValue().get("gray:k").block(TIMEOUT))
			.withMessageContaining("shadow key space");
		assertThat(this.redis.opsForValue().get("gray:k")).isEqualTo("gray");
	}

	private Set<String> keys() {
		Set<String> keys = new HashSet<>();
		try (Cursor<String> cursor = this.redis.scan(ScanOptions.scanOptions().count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

	private static ByteBuffer buffer(String value) {
		return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
	}

}
