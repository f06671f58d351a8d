package dev.lanes.shadow.redis.autoconfigure;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.lanes.core.LaneContext;
import dev.lanes.shadow.redis.RedisTestServer;
import dev.lanes.shadow.redis.ShadowReactiveRedisConnectionFactory;
import dev.lanes.shadow.redis.metrics.MicrometerShadowRedisListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with Boot's Redis, reactive Redis and Redis cache
 * auto-configurations and {@code lane.shadow.*}: its templates, its cache and its
 * reactive template all keep a shadowed lane's keys in the shadow key space.
 */
class ShadowRedisAutoConfigurationIT {

	private static ConfigurableApplicationContext context;

	private static LettuceConnectionFactory raw;

	private StringRedisTemplate redis;

	@BeforeAll
	static void start() {
		RedisTestServer.assumeAvailable();
		raw = RedisTestServer.connectionFactory();
		context = new SpringApplicationBuilder(CachingApp.class).web(WebApplicationType.NONE)
			.properties("spring.data.redis.host=" + RedisTestServer.host(),
					"spring.data.redis.port=" + RedisTestServer.port(),
					"spring.data.redis.database=" + RedisTestServer.DATABASE, "spring.cache.type=redis",
					"lane.shadow.lanes=gray", "lane.shadow.enabled=false", "lane.shadow.redis.keys[0].pattern=dict:*",
					"lane.shadow.redis.keys[0].policy=read-base")
			.run();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
		if (raw != null) {
			raw.destroy();
		}
	}

	@BeforeEach
	void flush() {
		RedisTestServer.flush(raw);
		this.redis = new StringRedisTemplate(raw);
		context.getBean(OrderService.class).resetCalls();
	}

	@AfterEach
	void clearLane() {
		LaneContext.clear();
	}

	@Test
	void wrapsTheApplicationsFactoryWithLanesFromTheSharedLaneList() {
		assertThat(context.getBean(RedisConnectionFactory.class))
			.isInstanceOf(ShadowReactiveRedisConnectionFactory.class);
		ShadowReactiveRedisConnectionFactory factory = (ShadowReactiveRedisConnectionFactory) context
			.getBean(RedisConnectionFactory.class);
		assertThat(factory.getRules().lanes()).containsExactly("gray");
		// the context sees only the wrapper: Lettuce's lifecycle goes through it
		assertThat(factory.isRunning()).isTrue();
		assertThat(factory.getDelegate()).isInstanceOf(LettuceConnectionFactory.class);
	}

	@Test
	void springCacheEntriesOfAShadowedLaneLiveInItsKeySpace() {
		OrderService app = context.getBean(OrderService.class);
		assertThat(app.order(1)).isEqualTo("order-1@base");
		assertThat(inGray(() -> app.order(1))).isEqualTo("order-1@gray");
		assertThat(app.order(1)).isEqualTo("order-1@base");
		assertThat(inGray(() -> app.order(1))).isEqualTo("order-1@gray");
		assertThat(app.calls()).isEqualTo(2);
		assertThat(keys()).containsExactlyInAnyOrder("orders::1", "gray:orders::1");
		// clearing the cache in the lane (KEYS orders::* then UNLINK, on a reactive
		// connection) leaves base entries
		// alone
		inGray(() -> {
			app.clear();
			return null;
		});
		assertThat(keys()).containsExactly("orders::1");
		assertThat(context.getBean(CacheManager.class).getCache("orders").get(1L)).isNotNull();
	}

	@Test
	void reactiveTemplatesFollowTheLaneOfTheirSubscription() {
		ReactiveStringRedisTemplate reactive = context.getBean(ReactiveStringRedisTemplate.class);
		this.redis.opsForValue().set("dict:1", "base");
		inGray(() -> {
			assertThat(reactive.opsForValue().set("r:1", "gray").block(Duration.ofSeconds(5))).isTrue();
			assertThat(reactive.opsForValue().get("r:1").block(Duration.ofSeconds(5))).isEqualTo("gray");
			assertThat(reactive.scan(ScanOptions.scanOptions().match("r:*").build()).collectList().block())
				.containsExactly("r:1");
			assertThat(reactive.keys("r:*").collectList().block()).containsExactly("r:1");
			// read-base: the base key until the lane writes its own
			assertThat(reactive.opsForValue().get("dict:1").block(Duration.ofSeconds(5))).isEqualTo("base");
			assertThat(reactive.opsForValue().multiGet(List.of("dict:1", "r:1")).block(Duration.ofSeconds(5)))
				.containsExactly("base", "gray");
			reactive.opsForValue().set("dict:1", "gray").block(Duration.ofSeconds(5));
			assertThat(reactive.opsForValue().get("dict:1").block(Duration.ofSeconds(5))).isEqualTo("gray");
			return null;
		});
		assertThat(reactive.opsForValue().get("r:1").blockOptional(Duration.ofSeconds(5))).isEmpty();
		assertThat(reactive.scan().collectList().block()).containsExactly("dict:1");
		assertThat(keys()).containsExactlyInAnyOrder("gray:r:1", "dict:1", "gray:dict:1");
		assertThat(this.redis.opsForValue().get("dict:1")).isEqualTo("base");
	}

	@Test
	void countsCommandsPerLaneAndOutcomeWithBoundedLaneTags() {
		StringRedisTemplate template = context.getBean(StringRedisTemplate.class);
		inGray(() -> {
			template.opsForValue().set("m:1", "x");
			return null;
		});
		try (LaneContext.Scope scope = LaneContext.open("some-unshadowed-lane")) {
			template.opsForValue().set("m:1", "y");
		}
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		assertThat(registry.get(MicrometerShadowRedisListener.METRIC_NAME)
			.tags("lane", "gray", "outcome", "prefixed")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(registry.get(MicrometerShadowRedisListener.METRIC_NAME)
			.tags("lane", "_other", "outcome", "passed")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(
				registry.find(MicrometerShadowRedisListener.METRIC_NAME).tag("lane", "some-unshadowed-lane").meters())
			.isEmpty();
	}

	private Set<String> keys() {
		Set<String> keys = new HashSet<>();
		try (Cursor<String> cursor = this.redis.scan(ScanOptions.scanOptions().count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

	private static <T> T inGray(java.util.function.Supplier<T> action) {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			return action.get();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableCaching
	static class CachingApp {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		OrderService orderService() {
			return new OrderService();
		}

	}

	static class OrderService {

		private final AtomicInteger calls = new AtomicInteger();

		public int calls() {
			return this.calls.get();
		}

		public void resetCalls() {
			this.calls.set(0);
		}

		@Cacheable("orders")
		public String order(long id) {
			this.calls.incrementAndGet();
			return "order-" + id + "@" + ((LaneContext.current() != null) ? LaneContext.current() : "base");
		}

		@CacheEvict(cacheNames = "orders", allEntries = true, beforeInvocation = true)
		public void clear() {
		}

	}

}
