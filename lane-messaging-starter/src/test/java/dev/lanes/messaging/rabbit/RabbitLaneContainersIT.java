package dev.lanes.messaging.rabbit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanes.core.LaneContext;
import dev.lanes.messaging.MessagingLaneMetrics;
import dev.lanes.messaging.testing.Deliveries;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lane queues, routing and the return of a gone lane's messages by
 * {@link RabbitLaneContainers} against a real RabbitMQ server (127.0.0.1:5672,
 * guest/guest; the build's CI starts one), with base and lane instances started as
 * separate Spring Boot applications.
 */
class RabbitLaneContainersIT {

	private static final int N = 40;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private String queue;

	@BeforeEach
	void queue() {
		this.queue = "orders-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", 5672);
		try {
			RabbitAdmin admin = new RabbitAdmin(connectionFactory);
			for (String name : List.of(this.queue, this.queue + "-gray", this.queue + "-green",
					this.queue + "-lanes-dlt")) {
				admin.deleteQueue(name);
			}
			admin.deleteExchange(this.queue);
		}
		finally {
			connectionFactory.destroy();
		}
	}

	@Test
	void eachLaneProcessesOnlyItsOwnMessagesWhileItsConsumerIsAlive() {
		ConfigurableApplicationContext gray = start("gray", "lane.messaging.lanes.green.fallback=gray",
				"lane.messaging.lanes.gray.fallback=base");
		ConfigurableApplicationContext base = start(null, "lane.messaging.lanes.green.fallback=gray",
				"lane.messaging.lanes.gray.fallback=base");
		send(base, null, "base", N);
		send(base, "gray", "gray", N);
		send(base, "green", "green", N);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(deliveries(base).size() + deliveries(gray).size()).isEqualTo(3 * N));
		assertThat(deliveries(base).countsByLane()).containsOnly(Map.entry("null", (long) N));
		assertThat(deliveries(gray).countsByLane()).containsOnly(Map.entry("gray", (long) N),
				Map.entry("green", (long) N));
		assertThat(deliveries(gray).countsByPayload()).hasSize(2 * N)
			.allSatisfy((payload, count) -> assertThat(count).isOne());
		assertThat(deliveries(base).lanesAfter()).hasSize(3 * N).containsOnly("null");
		assertThat(deliveries(gray).lanesAfter()).hasSize(2 * N).containsOnly("null");
		assertThat(count(base, "base", "processed")).isEqualTo(N);
		assertThat(count(base, "gray", "skipped")).isEqualTo(N);
		assertThat(count(base, "green", "skipped")).isEqualTo(N);
		assertThat(count(gray, "gray", "processed")).isEqualTo(N);
		assertThat(count(gray, "green", "fallback")).isEqualTo(N);
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
	void rejectSendsALaneWithNoLiveConsumerToTheDeadLetterQueue() {
		ConfigurableApplicationContext base = start(null, "lane.messaging.lanes.gray.fallback=reject");
		send(base, null, "base", N);
		send(base, "gray", "gray", N);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(count(base, "gray", "rejected")).isEqualTo(N));
		RabbitTemplate template = base.getBean(RabbitTemplate.class);
		List<String> dead = new ArrayList<>();
		Message message;
		while ((message = template.receive(this.queue + "-lanes-dlt", 1000)) != null) {
			dead.add(new String(message.getBody()));
		}
		assertThat(dead).hasSize(N).allMatch((payload) -> payload.startsWith("gray-"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(base).size()).isEqualTo(N));
		assertThat(deliveries(base).payloads()).allMatch((payload) -> payload.startsWith("base-"));
	}

	@Test
	void invalidOrUnconfiguredLanesAreHandledByBase() {
		ConfigurableApplicationContext base = start(null);
		RabbitTemplate template = base.getBean(RabbitTemplate.class);
		for (String lane : List.of("../etc", "base", "BASE", " ", "x".repeat(64))) {
			MessageProperties properties = new MessageProperties();
			properties.setHeader("x-lane", lane);
			template.send(this.queue, "", new Message(("invalid:" + lane).getBytes(), properties));
		}
		send(base, "pink", "pink", 3);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(base).size()).isEqualTo(8));
		assertThat(deliveries(base).countsByLane()).containsOnly(Map.entry("null", 5L), Map.entry("pink", 3L));
		assertThat(base.getBean(MeterRegistry.class).counter(MessagingLaneMetrics.INVALID_LANES).count())
			.isEqualTo(4.0);
		assertThat(count(base, "_other", "fallback")).isEqualTo(3);
	}

	@Test
	void grayStoppedMidStreamAndRestartedLosesAndDuplicatesNothing() throws Exception {
		ConfigurableApplicationContext base = start(null, "lane.messaging.lanes.gray.fallback=base");
		ConfigurableApplicationContext gray1 = start("gray");
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
		System.out.printf("rabbit stop/restart: base took %d gray messages as fallback, gray1 %d, gray2 %d%n",
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
		List<String> args = new ArrayList<>(List.of("--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=5672",
				"--test.queue=" + this.queue, "--lane.messaging.liveness-refresh=300ms"));
		if (lane != null) {
			args.add("--lane.instance.tag=" + lane);
		}
		for (String property : properties) {
			args.add("--" + property);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RabbitLaneTestApp.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	private void send(ConfigurableApplicationContext context, @Nullable String lane, String prefix, int count) {
		for (int i = 0; i < count; i++) {
			send(context, lane, prefix + "-" + i);
		}
	}

	private void send(ConfigurableApplicationContext context, @Nullable String lane, String payload) {
		try (LaneContext.Scope scope = LaneContext.open(lane)) {
			context.getBean(RabbitTemplate.class).convertAndSend(this.queue, "", payload);
		}
	}

	private static Deliveries deliveries(@Nullable ConfigurableApplicationContext context) {
		return (context != null) ? context.getBean(Deliveries.class) : new Deliveries();
	}

	private static long count(ConfigurableApplicationContext context, String lane, String outcome) {
		return (long) context.getBean(MeterRegistry.class)
			.find(MessagingLaneMetrics.MESSAGES)
			.tag("lane", lane)
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
