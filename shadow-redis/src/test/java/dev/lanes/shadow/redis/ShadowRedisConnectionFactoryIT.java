package dev.lanes.shadow.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.lanes.core.LaneContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.DefaultSortParameters;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStringCommands;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ShadowRedisConnectionFactory} against a real Redis: what each command family
 * does with keys in a shadowed lane, read-base fallback, refusals, pinned connections,
 * pipelines, transactions, pub/sub, streams and a concurrent mixed-lane load.
 */
class ShadowRedisConnectionFactoryIT {

	private LettuceConnectionFactory raw;

	private ShadowRedisConnectionFactory shadow;

	/** What the application sees: templates over the shadow factory. */
	private StringRedisTemplate app;

	/** What is really in Redis. */
	private StringRedisTemplate redis;

	private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

	@BeforeEach
	void setUp() {
		RedisTestServer.assumeAvailable();
		this.raw = RedisTestServer.connectionFactory();
		RedisTestServer.flush(this.raw);
		ShadowRedisRules rules = ShadowRedisRules.builder()
			.lanes("gray")
			.key("dict:*", KeyPolicy.READ_BASE)
			.key("shared:*", KeyPolicy.SHARED)
			.key("secret:*", KeyPolicy.DENY)
			.build();
		this.shadow = new ShadowRedisConnectionFactory(this.raw, rules,
				(lane, outcome) -> this.outcomes.computeIfAbsent(lane + "/" + outcome.tag(), (key) -> new AtomicLong())
					.incrementAndGet());
		this.app = new StringRedisTemplate(this.shadow);
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
	void stringsOfAShadowedLaneUseTheLanesKeys() {
		this.app.opsForValue().set("cart:1", "base");
		gray(() -> {
			this.app.opsForValue().set("cart:1", "gray");
			this.app.opsForValue().multiSet(Map.of("cart:2", "two", "cart:3", "three"));
			this.app.opsForValue().increment("counter");
			assertThat(this.app.opsForValue().get("cart:1")).isEqualTo("gray");
			assertThat(this.app.opsForValue().multiGet(List.of("cart:2", "cart:3", "cart:4"))).containsExactly("two",
					"three", null);
			assertThat(this.app.opsForValue().getAndSet("cart:1", "gray2")).isEqualTo("gray");
		});
		assertThat(this.app.opsForValue().get("cart:1")).isEqualTo("base");
		assertThat(keys()).containsExactlyInAnyOrder("cart:1", "gray:cart:1", "gray:cart:2", "gray:cart:3",
				"gray:counter");
		assertThat(this.redis.opsForValue().get("gray:cart:1")).isEqualTo("gray2");
		assertThat(this.outcomes).containsKey("gray/prefixed").containsKey("base/passed");
	}

	@Test
	void hashesListsSetsSortedSetsAndHyperLogLogsOfAShadowedLaneUseTheLanesKeys() {
		this.app.opsForHash().put("h", "f", "base");
		gray(() -> {
			this.app.opsForHash().put("h", "f", "gray");
			this.app.opsForHash().increment("h", "n", 2);
			this.app.opsForList().rightPushAll("l", "a", "b");
			this.app.opsForSet().add("s", "x", "y");
			this.app.opsForZSet().add("z", "m", 1.5);
			this.app.opsForHyperLogLog().add("hll", "u1", "u2");
			this.app.opsForGeo().add("geo", new org.springframework.data.geo.Point(13.36, 38.11), "palermo");
			assertThat(this.app.opsForHash().entries("h")).containsEntry("f", "gray").containsEntry("n", "2");
			assertThat(this.app.opsForList().range("l", 0, -1)).containsExactly("a", "b");
			assertThat(this.app.opsForSet().members("s")).containsExactlyInAnyOrder("x", "y");
			assertThat(this.app.opsForZSet().score("z", "m")).isEqualTo(1.5);
			assertThat(this.app.opsForHyperLogLog().size("hll")).isEqualTo(2);
			assertThat(this.app.opsForGeo().position("geo", "palermo")).hasSize(1);
			assertThat(this.app.type("l")).isEqualTo(DataType.LIST);
		});
		assertThat(this.app.opsForHash().entries("h")).containsOnly(Map.entry("f", "base"));
		assertThat(keys()).containsExactlyInAnyOrder("h", "gray:h", "gray:l", "gray:s", "gray:z", "gray:hll",
				"gray:geo");
	}

	@Test
	void multiKeyCommandsMapEveryKey() {
		gray(() -> {
			this.app.opsForSet().add("a", "1", "2");
			this.app.opsForSet().add("b", "2", "3");
			this.app.opsForSet().unionAndStore("a", "b", "ab");
			assertThat(this.app.opsForSet().intersect("a", "b")).containsExactly("2");
			this.app.rename("ab", "union");
			this.app.opsForList().rightPushAll("src", "x", "y");
			this.app.opsForList().rightPopAndLeftPush("src", "dst");
			this.app.opsForList()
				.move("src", org.springframework.data.redis.connection.RedisListCommands.Direction.LEFT, "dst",
						org.springframework.data.redis.connection.RedisListCommands.Direction.RIGHT,
						Duration.ofMillis(100));
			this.app.opsForZSet().add("z1", "m", 1);
			this.app.opsForZSet().add("z2", "m", 2);
			this.app.opsForZSet().unionAndStore("z1", "z2", "zsum");
			assertThat(this.app.opsForZSet().score("zsum", "m")).isEqualTo(3);
			this.app.execute((RedisCallback<Long>) (connection) -> connection.stringCommands()
				.bitOp(RedisStringCommands.BitOperation.OR, bytes("bits"), bytes("a1"), bytes("a2")));
			assertThat(this.app.countExistingKeys(List.of("a", "b", "union", "missing"))).isEqualTo(3);
			assertThat(this.app.delete(List.of("a", "b"))).isEqualTo(2);
		});
		assertThat(keys()).containsExactlyInAnyOrder("gray:union", "gray:dst", "gray:z1", "gray:z2", "gray:zsum");
		assertThat(this.redis.opsForSet().members("gray:union")).containsExactlyInAnyOrder("1", "2", "3");
		assertThat(this.redis.opsForList().range("gray:dst", 0, -1)).containsExactly("y", "x");
	}

	@Test
	void keyNamesReadBackLoseTheLanesPrefix() {
		this.app.opsForValue().set("cart:base", "b");
		gray(() -> {
			this.app.opsForValue().set("cart:1", "1");
			this.app.opsForValue().set("cart:2", "2");
			this.app.opsForValue().set("other", "o");
			assertThat(this.app.keys("cart:*")).containsExactlyInAnyOrder("cart:1", "cart:2");
			assertThat(scan("cart:*")).containsExactlyInAnyOrder("cart:1", "cart:2");
			assertThat(scan(null)).containsExactlyInAnyOrder("cart:1", "cart:2", "other");
			this.app.opsForList().leftPush("queue", "job");
			List<byte[]> popped = this.app
				.execute((RedisCallback<List<byte[]>>) (connection) -> connection.listCommands()
					.bLPop(1, bytes("empty"), bytes("queue")));
			assertThat(popped).extracting(ShadowRedisConnectionFactoryIT::string).containsExactly("queue", "job");
		});
		// base traffic does not see the lane's keys either
		assertThat(scan(null)).containsExactly("cart:base");
		assertThat(this.app.keys("*")).containsExactly("cart:base");
	}

	@Test
	void readBaseKeysFallBackToBaseUntilTheLaneWritesThem() {
		this.app.opsForValue().set("dict:region", "base-value");
		this.app.opsForHash().put("dict:h", "f", "base");
		gray(() -> {
			assertThat(this.app.opsForValue().get("dict:region")).isEqualTo("base-value");
			assertThat(this.app.opsForHash().get("dict:h", "f")).isEqualTo("base");
			assertThat(this.app.hasKey("dict:region")).isTrue();
			this.app.opsForValue().set("dict:region", "gray-value");
			assertThat(this.app.opsForValue().get("dict:region")).isEqualTo("gray-value");
			this.app.opsForHash().put("dict:h", "g", "gray");
			// the lane's hash now exists and holds only what the lane wrote: no copy of
			// base
			assertThat(this.app.opsForHash().entries("dict:h")).containsOnly(Map.entry("g", "gray"));
		});
		assertThat(this.app.opsForValue().get("dict:region")).isEqualTo("base-value");
		assertThat(this.redis.opsForValue().get("gray:dict:region")).isEqualTo("gray-value");
		assertThat(this.outcomes.get("gray/fallback")).hasValueGreaterThanOrEqualTo(3);
	}

	@Test
	void sharedKeysAreLeftAloneAndDeniedKeysRefused() {
		gray(() -> this.app.opsForValue().increment("shared:seq"));
		this.app.opsForValue().increment("shared:seq");
		assertThat(this.redis.opsForValue().get("shared:seq")).isEqualTo("2");
		this.redis.opsForValue().set("secret:1", "s");
		gray(() -> assertThatExceptionOfType(ShadowRedisRefusedException.class)
			.isThrownBy(() -> this.app.opsForValue().get("secret:1"))
			.withMessageContaining("'get'")
			.withMessageContaining("lane 'gray'")
			.withMessageContaining("secret:1")
			.satisfies((ex) -> assertThat(ex.getCommand()).isEqualTo("get")));
		// one denied key refuses the whole multi-key command
		gray(() -> assertThatExceptionOfType(ShadowRedisRefusedException.class)
			.isThrownBy(() -> this.app.delete(List.of("cart:1", "secret:1"))));
		assertThat(this.redis.hasKey("secret:1")).isTrue();
	}

	@Test
	void aSharedKeyMayNotReachIntoAnotherLanesShadowKeySpace() {
		ShadowRedisRules rules = ShadowRedisRules.builder().lanes("gray", "blue").key("*", KeyPolicy.SHARED).build();
		StringRedisTemplate shared = new StringRedisTemplate(
				new ShadowRedisConnectionFactory(this.raw, rules, ShadowRedisListener.NONE));
		gray(() -> {
			shared.opsForValue().set("counter", "1");
			assertThatExceptionOfType(ShadowRedisRefusedException.class)
				.isThrownBy(() -> shared.opsForValue().set("blue:counter", "1"))
				.withMessageContaining("policy shared");
		});
		assertThat(keys()).containsExactly("counter");
	}

	@Test
	void commandsThatCannotBeMappedAreRefusedInShadowedLanes() {
		this.app.opsForValue().set("keep", "me");
		List<RedisCallback<?>> refused = List.of((connection) -> {
			connection.serverCommands().flushDb();
			return null;
		}, (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		}, (connection) -> connection.serverCommands().dbSize(),
				(connection) -> connection.scriptingCommands()
					.eval(bytes("return redis.call('del', 'keep')"), ReturnType.INTEGER, 0),
				(connection) -> connection.scriptingCommands().evalSha("abc", ReturnType.INTEGER, 0),
				(connection) -> connection.execute("DEL", bytes("keep")),
				(connection) -> connection.keyCommands().keys(bytes("*")),
				(connection) -> connection.keyCommands().randomKey(), (connection) -> connection.getNativeConnection(),
				(connection) -> {
					connection.select(0);
					return null;
				}, (connection) -> connection.keyCommands().move(bytes("keep"), 0),
				(connection) -> connection.keyCommands()
					.sort(bytes("l"), new DefaultSortParameters().by(bytes("weight_*"))),
				(connection) -> connection.getSubscription(), (connection) -> {
					connection.commands().flushDb();
					return null;
				}, (connection) -> connection.commands().execute("FLUSHDB"),
				(connection) -> connection.getSentinelConnection());
		gray(() -> {
			for (RedisCallback<?> callback : refused) {
				assertThatExceptionOfType(ShadowRedisRefusedException.class)
					.isThrownBy(() -> this.app.execute(callback))
					.withMessageContaining("lane 'gray'");
			}
			// SORT without BY/GET patterns is mapped
			this.app.opsForList().rightPushAll("l", "3", "1", "2");
			assertThat(this.app.execute((RedisCallback<List<byte[]>>) (connection) -> connection.keyCommands()
				.sort(bytes("l"), new DefaultSortParameters().numeric())))
				.extracting(ShadowRedisConnectionFactoryIT::string)
				.containsExactly("1", "2", "3");
		});
		assertThat(this.redis.opsForValue().get("keep")).isEqualTo("me");
		assertThat(this.outcomes.get("gray/rejected")).hasValue(refused.size());
	}

	@Test
	void aConnectionIsUsedOnlyInTheLaneItWasObtainedIn() {
		RedisConnection base = this.shadow.getConnection();
		RedisConnection gray;
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			assertThatExceptionOfType(ShadowRedisRefusedException.class)
				.isThrownBy(() -> base.stringCommands().set(bytes("k"), bytes("v")))
				.withMessageContaining("belongs to lane 'base' but lane 'gray' is current");
			gray = this.shadow.getConnection();
			gray.stringCommands().set(bytes("k"), bytes("gray"));
		}
		assertThatExceptionOfType(ShadowRedisRefusedException.class)
			.isThrownBy(() -> gray.keyCommands().del(bytes("k")))
			.withMessageContaining("belongs to lane 'gray' but lane 'base' is current");
		// a lane that is not shadowed is base data: the base connection serves it
		try (LaneContext.Scope scope = LaneContext.open("blue")) {
			base.stringCommands().set(bytes("k"), bytes("blue"));
		}
		gray.close();
		base.close();
		assertThat(this.redis.opsForValue().get("gray:k")).isEqualTo("gray");
		assertThat(this.redis.opsForValue().get("k")).isEqualTo("blue");
		assertThat(this.outcomes).containsKey("_other/passed");
	}

	@Test
	void baseTrafficMayNotNameKeysOfTheShadowKeySpace() {
		gray(() -> this.app.opsForValue().set("cart:1", "gray"));
		assertThatExceptionOfType(ShadowRedisRefusedException.class)
			.isThrownBy(() -> this.app.opsForValue().get("gray:cart:1"))
			.withMessageContaining("lane 'base'")
			.withMessageContaining("shadow key space");
		assertThatExceptionOfType(ShadowRedisRefusedException.class)
			.isThrownBy(() -> this.app.delete(List.of("cart:1", "gray:cart:1")));
		assertThat(this.redis.opsForValue().get("gray:cart:1")).isEqualTo("gray");
	}

	@Test
	void pipelinesKeepTheMapping() {
		List<Object> results = grayResult(() -> this.app.executePipelined((RedisCallback<Object>) (connection) -> {
			connection.stringCommands().set(bytes("p:1"), bytes("one"));
			connection.stringCommands().incr(bytes("p:n"));
			connection.stringCommands().get(bytes("p:1"));
			return null;
		}));
		assertThat(results).containsExactly(true, 1L, "one");
		assertThat(keys()).containsExactlyInAnyOrder("gray:p:1", "gray:p:n");
		gray(() -> {
			assertThatExceptionOfType(ShadowRedisRefusedException.class)
				.isThrownBy(() -> this.app.executePipelined((RedisCallback<Object>) (connection) -> {
					connection.keyCommands().keys(bytes("p:*"));
					return null;
				}))
				.withMessageContaining("pipeline");
			assertThatExceptionOfType(ShadowRedisRefusedException.class)
				.isThrownBy(() -> this.app.executePipelined((RedisCallback<Object>) (connection) -> {
					connection.stringCommands().get(bytes("dict:1"));
					return null;
				}))
				.withMessageContaining("read-base");
		});
	}

	@Test
	void transactionsKeepTheMapping() {
		List<Object> results = grayResult(() -> this.app.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings({ "unchecked", "rawtypes" })
			public List<Object> execute(RedisOperations operations) throws DataAccessException {
				operations.watch("tx:1");
				operations.multi();
				operations.opsForValue().set("tx:1", "a");
				operations.opsForValue().append("tx:1", "b");
				operations.opsForSet().add("tx:s", "m");
				return operations.exec();
			}
		}));
		assertThat(results).containsExactly(true, 2L, 1L);
		assertThat(keys()).containsExactlyInAnyOrder("gray:tx:1", "gray:tx:s");
		assertThat(this.redis.opsForValue().get("gray:tx:1")).isEqualTo("ab");
	}

	@Test
	void pubSubChannelsOfAShadowedLaneAreTheLanes() throws Exception {
		BlockingQueue<String> grayMessages = new LinkedBlockingQueue<>();
		BlockingQueue<String> baseMessages = new LinkedBlockingQueue<>();
		RedisConnection graySubscriber;
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			graySubscriber = this.shadow.getConnection();
			graySubscriber.subscribe((message, pattern) -> grayMessages
				.add(string(message.getChannel()) + "=" + string(message.getBody()) + "@" + LaneContext.current()),
					bytes("news"));
		}
		RedisConnection baseSubscriber = this.shadow.getConnection();
		baseSubscriber.pSubscribe(
				(message, pattern) -> baseMessages
					.add(string(message.getChannel()) + "=" + string(message.getBody()) + "@" + LaneContext.current()),
				bytes("*"));
		Thread.sleep(200);
		gray(() -> this.app.convertAndSend("news", "from-gray"));
		this.app.convertAndSend("news", "from-base");
		assertThat(grayMessages.poll(5, TimeUnit.SECONDS)).isEqualTo("news=from-gray@gray");
		assertThat(baseMessages.poll(5, TimeUnit.SECONDS)).isEqualTo("news=from-base@null");
		Thread.sleep(200);
		assertThat(grayMessages).isEmpty();
		assertThat(baseMessages).isEmpty();
		graySubscriber.close();
		baseSubscriber.close();
	}

	@Test
	void aSharedPatternSubscriptionOfALaneDoesNotSeeAnotherLanesChannels() throws Exception {
		// channels with a ':' are shared; blue's "alerts" has none, so it becomes
		// "blue:alerts", which gray's shared pattern "*:*" matches on the server
		ShadowRedisRules rules = ShadowRedisRules.builder().lanes("gray", "blue").key("*:*", KeyPolicy.SHARED).build();
		ShadowRedisConnectionFactory twoLanes = new ShadowRedisConnectionFactory(this.raw, rules,
				ShadowRedisListener.NONE);
		BlockingQueue<String> grayMessages = new LinkedBlockingQueue<>();
		RedisConnection graySubscriber;
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			graySubscriber = twoLanes.getConnection();
			graySubscriber.pSubscribe((message, pattern) -> grayMessages.add(string(message.getChannel())),
					bytes("*:*"));
		}
		RedisConnection rawSubscriber = this.raw.getConnection();
		BlockingQueue<String> everything = new LinkedBlockingQueue<>();
		rawSubscriber.pSubscribe((message, pattern) -> everything.add(string(message.getChannel())), bytes("*"));
		Thread.sleep(200);
		StringRedisTemplate app = new StringRedisTemplate(twoLanes);
		try (LaneContext.Scope scope = LaneContext.open("blue")) {
			app.convertAndSend("alerts", "blue-message");
		}
		app.convertAndSend("news:today", "shared-message");
		assertThat(everything.poll(5, TimeUnit.SECONDS)).isEqualTo("blue:alerts");
		assertThat(grayMessages.poll(5, TimeUnit.SECONDS)).isEqualTo("news:today");
		Thread.sleep(200);
		assertThat(grayMessages).isEmpty();
		graySubscriber.close();
		rawSubscriber.close();
	}

	@Test
	void streamRecordsNameTheStreamAsTheApplicationDoes() {
		gray(() -> {
			this.app.opsForStream().add(MapRecord.create("events", Map.of("type", "created")));
			this.app.opsForStream().add("events", Map.of("type", "paid"));
			List<MapRecord<String, Object, Object>> range = this.app.opsForStream().range("events", Range.unbounded());
			assertThat(range).hasSize(2).allSatisfy((record) -> assertThat(record.getStream()).isEqualTo("events"));
			List<MapRecord<String, Object, Object>> read = this.app.opsForStream()
				.read(StreamOffset.fromStart("events"));
			assertThat(read).hasSize(2).allSatisfy((record) -> assertThat(record.getStream()).isEqualTo("events"));
			assertThat(this.app.opsForStream().size("events")).isEqualTo(2);
		});
		assertThat(keys()).containsExactly("gray:events");
	}

	@Test
	void concurrentMixedLaneLoadKeepsEveryKeyInItsLane() throws Exception {
		int threads = 8;
		int perThread = 250;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				futures.add(executor.submit(() -> {
					for (int i = 0; i < perThread; i++) {
						String lane = switch (i % 3) {
							case 0 -> "gray";
							case 1 -> null;
							default -> "blue";
						};
						try (LaneContext.Scope scope = LaneContext.open(lane)) {
							String suffix = (lane != null) ? lane : "base";
							this.app.opsForValue().set("load:" + thread + ":" + i, suffix);
							this.app.opsForValue().increment("count:" + suffix);
							this.app.opsForSet().add("members", suffix + ":" + thread + ":" + i);
						}
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		long grayOps = (long) threads * ((perThread + 2) / 3);
		long otherOps = (long) threads * perThread - grayOps;
		Set<String> keys = keys();
		assertThat(keys.stream().filter((key) -> key.startsWith("gray:load:"))).hasSize((int) grayOps);
		assertThat(keys.stream().filter((key) -> key.startsWith("load:"))).hasSize((int) otherOps);
		assertThat(this.redis.opsForValue().get("gray:count:gray")).isEqualTo(String.valueOf(grayOps));
		assertThat(this.redis.hasKey("count:gray")).isFalse();
		assertThat(this.redis.hasKey("gray:count:base")).isFalse();
		assertThat(Long.parseLong(this.redis.opsForValue().get("count:base"))
				+ Long.parseLong(this.redis.opsForValue().get("count:blue")))
			.isEqualTo(otherOps);
		assertThat(this.redis.opsForSet().members("gray:members")).hasSize((int) grayOps)
			.allSatisfy((member) -> assertThat(member).startsWith("gray:"));
		assertThat(this.redis.opsForSet().members("members")).hasSize((int) otherOps)
			.noneSatisfy((member) -> assertThat(member).startsWith("gray:"));
		for (String key : keys.stream().filter((key) -> key.startsWith("gray:load:")).toList()) {
			assertThat(this.redis.opsForValue().get(key)).isEqualTo("gray");
		}
	}

	private Set<String> scan(String pattern) {
		Set<String> found = new HashSet<>();
		ScanOptions.ScanOptionsBuilder options = ScanOptions.scanOptions().count(10);
		if (pattern != null) {
			options.match(pattern);
		}
		try (Cursor<String> cursor = this.app.scan(options.build())) {
			cursor.forEachRemaining(found::add);
		}
		return found;
	}

	private Set<String> keys() {
		Set<String> keys = new HashSet<>();
		try (Cursor<String> cursor = this.redis.scan(ScanOptions.scanOptions().count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

	private static void gray(Runnable action) {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			action.run();
		}
	}

	private static <T> T grayResult(Supplier<T> action) {
		try (LaneContext.Scope scope = LaneContext.open("gray")) {
			return action.get();
		}
	}

	static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	static String string(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}

}
