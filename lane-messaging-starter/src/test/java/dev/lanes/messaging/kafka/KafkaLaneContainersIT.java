package dev.lanes.messaging.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.lanes.core.LaneContext;
import dev.lanes.messaging.MessagingLaneMetrics;
import dev.lanes.messaging.testing.Deliveries;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lane groups, routing and standby consumers of {@link KafkaLaneContainers} against a
 * real Kafka broker (spring-kafka-test's embedded KRaft broker, one for the class), with
 * base and lane instances started as separate Spring Boot applications.
 */
@EmbeddedKafka(partitions = 2, brokerProperties = { "group.initial.rebalance.delay.ms=0" })
class KafkaLaneContainersIT {

	private static final int N = 40;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private EmbeddedKafkaBroker broker;

	private String topic;

	private String group;

	private String offsetReset = "earliest";

	@BeforeEach
	void topic(EmbeddedKafkaBroker broker) {
		this.broker = broker;
		String id = UUID.randomUUID().toString().substring(0, 8);
		this.topic = "orders-" + id;
		this.group = "orders-" + id;
		broker.addTopics(new NewTopic(this.topic, 2, (short) 1), new NewTopic(this.topic + "-lanes-dlt", 1, (short) 1));
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void eachLaneProcessesOnlyItsOwnMessagesWhileItsConsumerIsAlive() {
		ConfigurableApplicationContext gray = start("gray", "lane.messaging.lanes.green.fallback=gray",
				"lane.messaging.lanes.gray.fallback=base");
		ConfigurableApplicationContext base = start(null, "lane.messaging.lanes.green.fallback=gray",
				"lane.messaging.lanes.gray.fallback=base");
		awaitStandbys("gray", 0);
		awaitStandbys("green", 1);
		send(base, null, "base", N);
		send(base, "gray", "gray", N);
		send(base, "green", "green", N);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(base).size() + deliveries(gray).size()).isEqualTo(3 * N));
		assertThat(deliveries(base).countsByLane()).containsOnly(Map.entry("null", (long) N));
		assertThat(deliveries(base).payloads()).allMatch((payload) -> payload.startsWith("base-"));
		assertThat(deliveries(gray).countsByLane()).containsOnly(Map.entry("gray", (long) N),
				Map.entry("green", (long) N));
		assertThat(deliveries(gray).countsByPayload()).hasSize(2 * N).allSatisfy((payload, count) -> {
			assertThat(count).isOne();
		});
		assertThat(deliveries(base).lanesAfter()).isNotEmpty().containsOnly("null");
		assertThat(deliveries(gray).lanesAfter()).isNotEmpty().containsOnly("null");
		assertThat(count(base, "base", "processed")).isEqualTo(N);
		assertThat(count(base, "gray", "skipped")).isEqualTo(N);
		assertThat(count(gray, "gray", "processed")).isEqualTo(N);
		assertThat(count(gray, "green", "fallback")).isEqualTo(N);
		// two groups on the gray instance read the topic: gray's own and green's standby
		assertThat(count(gray, "base", "skipped")).isEqualTo(2 * N);
		assertThat(count(gray, "gray", "skipped")).isEqualTo(N);
	}

	@Test
	void baseProcessesALaneWithNoLiveConsumerInTheLane() {
		ConfigurableApplicationContext base = start(null, "lane.messaging.lanes.gray.fallback=base");
		send(base, null, "base", N);
		send(base, "gray", "gray", N);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(base).size()).isEqualTo(2 * N));
		assertThat(deliveries(base).countsByLane()).containsOnly(Map.entry("null", (long) N),
				Map.entry("gray", (long) N));
		assertThat(deliveries(base).all()).allMatch((delivery) -> delivery.payload().startsWith("gray-")
				? "gray".equals(delivery.lane()) : delivery.lane() == null);
		assertThat(deliveries(base).lanesAfter()).containsOnly("null");
		assertThat(count(base, "gray", "fallback")).isEqualTo(N);
	}

	@Test
	void aNewLaneGroupStartsWhereBaseStandsNotAtTheEnd() throws Exception {
		// Kafka's default: a group without offsets starts at the end of each partition
		this.offsetReset = "latest";
		ConfigurableApplicationContext before = start(null);
		Deliveries first = deliveries(before);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			send(before, null, "warm-up");
			assertThat(first.payloads()).contains("warm-up");
		});
		before.close();
		// a backlog of gray records while base is down; then gray is listed for the first
		// time: base skips the backlog from its committed offsets on, so the new group
		// orders-gray must start there too, not at the end
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < N; i++) {
				ProducerRecord<String, String> record = new ProducerRecord<>(this.topic, "gray-" + i);
				record.headers().add("x-lane", "gray".getBytes(StandardCharsets.UTF_8));
				producer.send(record).get();
			}
		}
		ConfigurableApplicationContext base = start(null, "lane.messaging.lanes.gray.fallback=base");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(base).countsByLane()).containsEntry("gray", (long) N));
		// the warm-up was sent until the first base saw it: a late copy may reach this
		// one
		assertThat(deliveries(base).all()).allMatch((delivery) -> (delivery.lane() == null)
				? delivery.payload().equals("warm-up") : delivery.payload().startsWith("gray-"));
		assertThat(deliveries(base).payloads().stream().filter((payload) -> payload.startsWith("gray-")).distinct())
			.hasSize(N);
	}

	@Test
	void theConsumerThreadLeavesTheLaneWhenTheListenerFails() {
		ConfigurableApplicationContext base = start(null, "lane.messaging.lanes.gray.fallback=base",
				"spring.kafka.listener.concurrency=1");
		send(base, "gray", "boom-gray");
		send(base, null, "base-after");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(base).payloads()).contains("base-after"));
		assertThat(deliveries(base).all()).allMatch((delivery) -> delivery.payload().startsWith("boom")
				? "gray".equals(delivery.lane()) : delivery.lane() == null);
		assertThat(deliveries(base).lanesAfter()).isNotEmpty().containsOnly("null");
	}

	@Test
	void rejectSendsALaneWithNoLiveConsumerToTheDeadLetterTopic() {
		ConfigurableApplicationContext base = start(null, "lane.messaging.lanes.gray.fallback=reject");
		send(base, null, "base", N);
		send(base, "gray", "gray", N);
		List<String> dead = readAll(this.topic + "-lanes-dlt", N);
		assertThat(dead).hasSize(N).allMatch((payload) -> payload.startsWith("gray-"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(base).size()).isEqualTo(N));
		assertThat(deliveries(base).payloads()).allMatch((payload) -> payload.startsWith("base-"));
		assertThat(count(base, "gray", "rejected")).isEqualTo(N);
	}

	@Test
	void invalidOrUnconfiguredLanesAreHandledByBase() {
		ConfigurableApplicationContext base = start(null);
		KafkaTemplate<String, String> template = template(base);
		for (String lane : List.of("../etc", "base", "BASE", " ", "x".repeat(64))) {
			ProducerRecord<String, String> record = new ProducerRecord<>(this.topic, "invalid:" + lane);
			record.headers().add("x-lane", lane.getBytes(StandardCharsets.UTF_8));
			template.send(record).join();
		}
		send(base, "pink", "pink", 3);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(base).size()).isEqualTo(8));
		assertThat(deliveries(base).countsByLane()).containsOnly(Map.entry("null", 5L), Map.entry("pink", 3L));
		assertThat(base.getBean(MeterRegistry.class).counter(MessagingLaneMetrics.INVALID_LANES).count())
			.isEqualTo(4.0);
		// an unconfigured lane has no series of its own
		assertThat(count(base, "_other", "fallback")).isEqualTo(3);
	}

	@Test
	void grayStoppedMidStreamAndRestartedLosesAndDuplicatesNothing() throws Exception {
		ConfigurableApplicationContext base = start(null, "lane.messaging.lanes.gray.fallback=base");
		ConfigurableApplicationContext gray1 = start("gray");
		awaitStandbys("gray", 0);
		Deliveries first = deliveries(gray1);
		int total = 300;
		ConfigurableApplicationContext gray2 = null;
		for (int i = 0; i < total; i++) {
			if (i == 100) {
				gray1.close();
			}
			if (i == 200) {
				gray2 = start("gray");
			}
			send(base, "gray", "gray-" + i);
			send(base, null, "base-" + i);
			Thread.sleep(10);
		}
		Deliveries second = deliveries(gray2);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(deliveries(base).size() + first.size() + second.size())
				.isGreaterThanOrEqualTo(2 * total));
		// late duplicates would arrive within a liveness refresh or two
		Thread.sleep(2000);
		Deliveries.Tally tally = Deliveries.tally(total, List.of("gray", "base"),
				List.of(deliveries(base), first, second));
		System.out.printf("kafka stop/restart: base took %d gray messages as fallback, gray1 %d, gray2 %d%n",
				deliveries(base).countsByLane().getOrDefault("gray", 0L), first.countsByLane().getOrDefault("gray", 0L),
				second.countsByLane().getOrDefault("gray", 0L));
		assertThat(tally.lost()).as("lost").isEmpty();
		assertThat(tally.duplicated()).as("duplicated").isEmpty();
		assertThat(deliveries(base).all()).allMatch((delivery) -> delivery.payload().startsWith("gray-")
				? "gray".equals(delivery.lane()) : delivery.lane() == null);
		assertThat(deliveries(base).countsByLane().get("gray")).as("gray messages base took while gray was gone")
			.isPositive();
		assertThat(second.countsByLane().get("gray")).isPositive();
		assertThat(first.countsByLane()).containsOnlyKeys("gray");
		assertThat(second.countsByLane()).containsOnlyKeys("gray");
	}

	private ConfigurableApplicationContext start(@Nullable String lane, String... properties) {
		List<String> args = new ArrayList<>(
				List.of("--spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(),
						"--spring.kafka.consumer.auto-offset-reset=" + this.offsetReset, "--test.topic=" + this.topic,
						"--test.group=" + this.group, "--lane.messaging.liveness-refresh=300ms",
						"--spring.kafka.consumer.properties.session.timeout.ms=6000",
						"--spring.kafka.consumer.properties.heartbeat.interval.ms=500"));
		if (lane != null) {
			args.add("--lane.instance.tag=" + lane);
		}
		for (String property : properties) {
			args.add("--" + property);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(KafkaLaneTestApp.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	/**
	 * Waits until a lane's group has the given number of standby members: the instances
	 * have seen each other's liveness.
	 */
	private void awaitStandbys(String lane, int expected) {
		String laneGroup = this.group + "-" + lane;
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
				long standbys = admin.describeConsumerGroups(List.of(laneGroup))
					.all()
					.get(10, TimeUnit.SECONDS)
					.get(laneGroup)
					.members()
					.stream()
					.filter((member) -> member.clientId().startsWith(KafkaLaneLiveness.STANDBY_CLIENT_PREFIX))
					.count();
				assertThat(standbys).isEqualTo(expected);
			}
		});
	}

	private void send(ConfigurableApplicationContext context, @Nullable String lane, String prefix, int count) {
		for (int i = 0; i < count; i++) {
			send(context, lane, prefix + "-" + i);
		}
	}

	private void send(ConfigurableApplicationContext context, @Nullable String lane, String payload) {
		try (LaneContext.Scope scope = LaneContext.open(lane)) {
			template(context).send(this.topic, payload).join();
		}
	}

	@SuppressWarnings("unchecked")
	private static KafkaTemplate<String, String> template(ConfigurableApplicationContext context) {
		return context.getBean(KafkaTemplate.class);
	}

	private static Deliveries deliveries(@Nullable ConfigurableApplicationContext context) {
		return (context != null) ? context.getBean(Deliveries.class) : new Deliveries();
	}

	private static long count(ConfigurableApplicationContext context, String lane, String outcome) {
		return (long) context.getBean(MeterRegistry.class)
			.get(MessagingLaneMetrics.MESSAGES)
			.tag("lane", lane)
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private List<String> readAll(String topic, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (values.size() < expected && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
			}
		}
		return values;
	}

}
