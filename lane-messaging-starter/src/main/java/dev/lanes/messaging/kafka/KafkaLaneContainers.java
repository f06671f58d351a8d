package dev.lanes.messaging.kafka;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lanes.messaging.LaneRouter;
import dev.lanes.messaging.MessageLaneReader;
import dev.lanes.messaging.MessageLaneSettings;
import dev.lanes.messaging.MessageOutcome;
import dev.lanes.messaging.MessagingLaneMetrics;
import dev.lanes.messaging.MessagingLaneProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.ReflectionUtils;

/**
 * Puts the {@code @KafkaListener} containers into lanes before they start (as the
 * {@link ContainerCustomizer} of the listener container factory), and runs the standby
 * consumers that take a lane's records while the lane has no live consumer.
 * <p>
 * On an instance tagged with a lane, each container's consumer group becomes the lane's
 * group ({@code <group><group-suffix>}, {@code orders-gray}) and its listener sees only
 * the lane's records. On a base instance the group stays and the listener sees base
 * records. Every record of a configured lane is read by that lane's group: by the lane's
 * instances while one is alive, otherwise by a standby container that the instances of
 * the lane's fallback (base, or another lane) run in the lane's group, so the group's
 * committed offsets pass from one to the other and no record is lost or read twice. The
 * standby is started and stopped on each liveness refresh.
 * <p>
 * A container in the registry that the customizer did not configure fails startup, and so
 * do batch listeners (one call would mix lanes) and containers with explicit partitions
 * (no group membership to read liveness from).
 */
public class KafkaLaneContainers implements
		ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(KafkaLaneContainers.class);

	private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

	private final MessagingLaneProperties properties;

	private final @Nullable String ownLane;

	private final MessageLaneReader reader;

	private final MessagingLaneMetrics metrics;

	private final LaneRouter router;

	private final KafkaLaneLiveness liveness;

	private final KafkaLaneDeadLetters deadLetters;

	private final KafkaLaneGroupOffsets groupOffsets;

	private final List<Standby> standbys = new ArrayList<>();

	private final Set<String> unconfigured = ConcurrentHashMap.newKeySet();

	private final Set<MessageListenerContainer> customized = Collections.newSetFromMap(new IdentityHashMap<>());

	private @Nullable ScheduledExecutorService scheduler;

	private volatile boolean running;

	/**
	 * Creates the lifecycle.
	 * @param registry the listener containers, looked up when this lifecycle starts (a
	 * constructor dependency would make the context start the registry, and so the
	 * containers, before this lifecycle's checks)
	 * @param properties the lanes and their fallbacks
	 * @param settings this instance's lane
	 * @param reader reads the lanes of records
	 * @param metrics counts outcomes
	 * @param router follows fallbacks
	 * @param liveness reads the groups' liveness
	 * @param deadLetters writes rejected records
	 * @param groupOffsets gives new lane groups their first offsets
	 */
	public KafkaLaneContainers(ObjectProvider<KafkaListenerEndpointRegistry> registry,
			MessagingLaneProperties properties, MessageLaneSettings settings, MessageLaneReader reader,
			MessagingLaneMetrics metrics, LaneRouter router, KafkaLaneLiveness liveness,
			KafkaLaneDeadLetters deadLetters, KafkaLaneGroupOffsets groupOffsets) {
		this.registry = registry;
		this.properties = properties;
		this.ownLane = settings.instanceLane();
		this.reader = reader;
		this.metrics = metrics;
		this.router = router;
		this.liveness = liveness;
		this.deadLetters = deadLetters;
		this.groupOffsets = groupOffsets;
		for (String lane : standbyLanes()) {
			if (MessagingLaneProperties.FALLBACK_REJECT.equals(properties.fallbackOf(lane))
					&& !deadLetters.isAvailable()) {
				throw new IllegalStateException("lane.messaging.lanes." + lane
						+ ".fallback is 'reject' but there is no KafkaTemplate to write the dead letters with");
			}
		}
	}

	@Override
	public int getPhase() {
		// before the registry starts the containers, and stopped after them
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
	}

	/**
	 * Puts a container created by a listener container factory into its lane: called by
	 * the factory before the container starts.
	 * @param container the container
	 */
	@Override
	public synchronized void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
		AbstractMessageListenerContainer<Object, Object> main = check(container);
		String group = main.getGroupId();
		RecordInterceptor<Object, Object> existing = main.getRecordInterceptor();
		List<String> topics = List.of(main.getContainerProperties().getTopics());
		if (this.ownLane != null) {
			String laneGroup = this.properties.laneGroup(group, this.ownLane);
			this.groupOffsets.seed(group, laneGroup, topics);
			main.getContainerProperties().setGroupId(laneGroup);
		}
		main.setRecordInterceptor(compose(interceptor(mainDecision(group)), existing));
		for (String lane : standbyLanes()) {
			this.groupOffsets.seed(group, this.properties.laneGroup(group, lane), topics);
			this.standbys.add(new Standby(main, group, lane, existing));
		}
		this.customized.add(container);
	}

	@Override
	public synchronized void start() {
		for (MessageListenerContainer container : this.registry.getObject().getListenerContainers()) {
			if (!this.customized.contains(container)) {
				// fail closed: a container lanes did not configure would read every lane
				throw new IllegalStateException("Kafka listener '" + container.getListenerId()
						+ "' was not created by a listener container factory that applies the lanes customizer"
						+ " (Boot's kafkaListenerContainerFactory does); set it with factory.setContainerCustomizer("
						+ "kafkaLaneContainers) or set lane.messaging.enabled=false");
			}
		}
		reconcile();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "lanes-kafka-liveness");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.getLivenessRefresh().toMillis();
		executor.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.MILLISECONDS);
		this.scheduler = executor;
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
		// kept: a restarted context starts them again from the next reconcile
		this.standbys.forEach(Standby::stop);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private synchronized void refresh() {
		try {
			this.liveness.refresh();
			reconcile();
		}
		catch (RuntimeException ex) {
			logger.error("Could not refresh the lane consumers", ex);
		}
	}

	private void reconcile() {
		for (Standby standby : this.standbys) {
			LaneRouter.Target target = this.router.route(standby.lane, (lane) -> lane.equals(this.ownLane)
					|| this.liveness.isAlive(this.properties.laneGroup(standby.group, lane)));
			standby.reject = target.reject();
			if (target.isServedBy(this.ownLane) || (target.reject() && this.ownLane == null)) {
				standby.start();
			}
			else {
				standby.stop();
			}
		}
	}

	private Set<String> standbyLanes() {
		Set<String> lanes = this.properties.configuredLanes();
		if (this.ownLane != null) {
			lanes.remove(this.ownLane);
		}
		return lanes;
	}

	private Function<@Nullable String, MessageOutcome> mainDecision(String group) {
		String own = this.ownLane;
		if (own != null) {
			return (lane) -> own.equals(lane) ? MessageOutcome.PROCESSED : MessageOutcome.SKIPPED;
		}
		Set<String> configured = this.properties.configuredLanes();
		return (lane) -> {
			if (lane == null) {
				return MessageOutcome.PROCESSED;
			}
			if (configured.contains(lane)) {
				// the lane's group reads it: its instances or a standby
				return MessageOutcome.SKIPPED;
			}
			// a lane not configured here has no standby: base takes it while it has no
			// live consumer, and its group's own offsets do not know it
			if (this.unconfigured.add(lane)) {
				logger.warn("Records of lane '" + lane + "' reach listener group '" + group
						+ "' but the lane is not in lane.messaging.lanes: base processes them while the lane has no"
						+ " consumer, and a lane consumer that starts later may process them again; list the lane on"
						+ " every instance");
			}
			return this.liveness.isAlive(this.properties.laneGroup(group, lane)) ? MessageOutcome.SKIPPED
					: MessageOutcome.FALLBACK;
		};
	}

	private KafkaLaneRecordInterceptor interceptor(Function<@Nullable String, MessageOutcome> decision) {
		return new KafkaLaneRecordInterceptor(this.reader, this.metrics, decision, this.deadLetters);
	}

	private static RecordInterceptor<Object, Object> compose(RecordInterceptor<Object, Object> lane,
			@Nullable RecordInterceptor<Object, Object> existing) {
		return (existing != null) ? new CompositeRecordInterceptor<>(lane, existing) : lane;
	}

	@SuppressWarnings("unchecked")
	private static AbstractMessageListenerContainer<Object, Object> check(MessageListenerContainer container) {
		String id = container.getListenerId();
		if (!(container instanceof AbstractMessageListenerContainer<?, ?> main)) {
			throw new IllegalStateException("Kafka listener '" + id + "' has a container of type "
					+ container.getClass().getName() + " that lanes cannot route; set lane.messaging.enabled=false");
		}
		if (main.getContainerProperties().getTopicPartitions() != null) {
			throw new IllegalStateException("Kafka listener '" + id
					+ "' is assigned explicit partitions: a lane needs a consumer group to be isolated; subscribe to"
					+ " topics or set lane.messaging.enabled=false");
		}
		if (main.getContainerProperties().getTopicPattern() != null) {
			throw new IllegalStateException("Kafka listener '" + id
					+ "' subscribes to a topic pattern: lanes give each lane group its first offsets per topic; name"
					+ " the topics or set lane.messaging.enabled=false");
		}
		if (main.getContainerProperties().getMessageListener() instanceof BatchMessageListener<?, ?>) {
			throw new IllegalStateException("Kafka listener '" + id
					+ "' is a batch listener: lanes route records one by one; use a record listener or set"
					+ " lane.messaging.enabled=false");
		}
		if (main.getGroupId() == null) {
			throw new IllegalStateException("Kafka listener '" + id + "' has no consumer group (spring.kafka."
					+ "consumer.group-id or @KafkaListener(groupId)); lanes need one to name the lane groups");
		}
		return (AbstractMessageListenerContainer<Object, Object>) main;
	}

	/**
	 * A container in a lane's group that this instance runs while the lane's messages
	 * fall back to this instance's lane.
	 */
	private final class Standby {

		private final AbstractMessageListenerContainer<Object, Object> main;

		private final String group;

		private final String lane;

		private final @Nullable RecordInterceptor<Object, Object> existing;

		private volatile boolean reject;

		private @Nullable ConcurrentMessageListenerContainer<Object, Object> container;

		Standby(AbstractMessageListenerContainer<Object, Object> main, String group, String lane,
				@Nullable RecordInterceptor<Object, Object> existing) {
			this.main = main;
			this.group = group;
			this.lane = lane;
			this.existing = existing;
		}

		void start() {
			if (this.container == null) {
				this.container = create();
			}
			if (!this.container.isRunning()) {
				logger.info("Lane '" + this.lane + "' has no live consumer: " + (this.reject ? "rejecting" : "taking")
						+ " its records in group '" + this.container.getGroupId() + "'");
				this.container.start();
			}
		}

		void stop() {
			if (this.container != null && this.container.isRunning()) {
				logger.info("Lane '" + this.lane + "' is alive: leaving group '" + this.container.getGroupId() + "'");
				this.container.stop();
			}
		}

		private ConcurrentMessageListenerContainer<Object, Object> create() {
			ConcurrentMessageListenerContainer<Object, Object> standby = new ConcurrentMessageListenerContainer<>(
					consumerFactory(this.main), KafkaLaneContainerProperties.copy(this.main.getContainerProperties()));
			standby.getContainerProperties()
				.setGroupId(KafkaLaneContainers.this.properties.laneGroup(this.group, this.lane));
			standby.getContainerProperties()
				.setClientId(KafkaLaneLiveness.STANDBY_CLIENT_PREFIX + this.lane + "." + this.main.getListenerId());
			if (this.main instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
				standby.setConcurrency(concurrent.getConcurrency());
			}
			standby.setCommonErrorHandler(this.main.getCommonErrorHandler());
			standby.setApplicationEventPublisher(this.main.getApplicationEventPublisher());
			standby.setBeanName(KafkaLaneLiveness.STANDBY_CLIENT_PREFIX + this.lane + "." + this.main.getBeanName());
			standby.setRecordInterceptor(compose(interceptor((lane) -> this.lane.equals(lane)
					? (this.reject ? MessageOutcome.REJECTED : MessageOutcome.FALLBACK) : MessageOutcome.SKIPPED),
					this.existing));
			return standby;
		}

		@SuppressWarnings("unchecked")
		private static ConsumerFactory<Object, Object> consumerFactory(AbstractMessageListenerContainer<?, ?> main) {
			// the container keeps its factory in a protected field with no getter
			Field field = ReflectionUtils.findField(AbstractMessageListenerContainer.class, "consumerFactory");
			if (field == null) {
				throw new IllegalStateException("Cannot read the consumer factory of Kafka listener '"
						+ main.getListenerId() + "' to start its lane standby");
			}
			ReflectionUtils.makeAccessible(field);
			return (ConsumerFactory<Object, Object>) ReflectionUtils.getField(field, main);
		}

	}

}
