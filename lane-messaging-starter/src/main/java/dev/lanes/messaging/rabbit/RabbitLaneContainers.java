package dev.lanes.messaging.rabbit;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.lanes.core.LaneContext;
import dev.lanes.messaging.LaneRouter;
import dev.lanes.messaging.MessageLaneReader;
import dev.lanes.messaging.MessageLaneSettings;
import dev.lanes.messaging.MessageOutcome;
import dev.lanes.messaging.MessagingLaneMetrics;
import dev.lanes.messaging.MessagingLaneProperties;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Puts the {@code @RabbitListener} containers into lanes and routes each message to the
 * lane whose consumers are alive.
 * <p>
 * Only the base queue is bound to exchanges, so every message reaches base first. A lane
 * instance consumes the lane queue {@code <queue><group-suffix>} ({@code orders-gray})
 * instead of the base queue. The base consumer, for each message, processes it when it is
 * base traffic or its lane (after fallbacks) has no live consumer, and otherwise moves it
 * to the lane queue of the lane that takes it (or to the dead-letter queue for
 * {@code reject}) with a confirmed publish before acknowledging it. A lane consumer
 * processes what reaches its queue and returns base traffic to the base queue. On each
 * liveness refresh, base moves back the messages waiting in the queue of a lane that has
 * no consumer any more, so none is left behind. Listeners run inside the message's lane
 * and the previous lane is restored after.
 */
public class RabbitLaneContainers implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(RabbitLaneContainers.class);

	private static final int MOVE_BATCH = 1000;

	private final ObjectProvider<RabbitListenerEndpointRegistry> registry;

	private final MessagingLaneProperties properties;

	private final @Nullable String ownLane;

	private final MessageLaneReader reader;

	private final MessagingLaneMetrics metrics;

	private final LaneRouter router;

	private final RabbitLaneLiveness liveness;

	private final RabbitLaneForwarder forwarder;

	private final Set<MessageListenerContainer> customized = Collections.newSetFromMap(new IdentityHashMap<>());

	/** Lanes this base instance forwarded to, configured or not. */
	private final Set<String> forwardedLanes = ConcurrentHashMap.newKeySet();

	/** Base queue of each queue consumed here. */
	private final Map<String, String> baseQueues = new ConcurrentHashMap<>();

	private @Nullable ScheduledExecutorService scheduler;

	private volatile boolean running;

	/**
	 * Creates the lanes of the listener containers.
	 * @param registry the listener containers, looked up when this lifecycle starts (a
	 * constructor dependency would make the context start the registry, and so the
	 * containers, before this lifecycle's checks)
	 * @param properties the lanes and their fallbacks
	 * @param settings this instance's lane
	 * @param reader reads the lanes of messages
	 * @param metrics counts outcomes
	 * @param router follows fallbacks
	 * @param liveness reads the lane queues' consumers
	 * @param forwarder moves messages between queues
	 */
	public RabbitLaneContainers(ObjectProvider<RabbitListenerEndpointRegistry> registry,
			MessagingLaneProperties properties, MessageLaneSettings settings, MessageLaneReader reader,
			MessagingLaneMetrics metrics, LaneRouter router, RabbitLaneLiveness liveness,
			RabbitLaneForwarder forwarder) {
		this.registry = registry;
		this.properties = properties;
		this.ownLane = settings.instanceLane();
		this.reader = reader;
		this.metrics = metrics;
		this.router = router;
		this.liveness = liveness;
		this.forwarder = forwarder;
	}

	/**
	 * Puts a container created by a listener container factory into its lane: a lane
	 * instance consumes the lane queues instead of the base queues. Called by the
	 * factory's container customizer, before the container starts.
	 * @param container the container
	 */
	public synchronized void configure(AbstractMessageListenerContainer container) {
		if (container instanceof SimpleMessageListenerContainer simple && simple.isConsumerBatchEnabled()) {
			throw new IllegalStateException("Rabbit listener '" + container.getListenerId()
					+ "' receives batches: lanes route messages one by one; turn consumer batching off or set"
					+ " lane.messaging.enabled=false");
		}
		String[] queues = container.getQueueNames();
		if (this.ownLane != null) {
			String[] laneQueues = new String[queues.length];
			for (int i = 0; i < queues.length; i++) {
				laneQueues[i] = this.properties.laneGroup(queues[i], this.ownLane);
				this.forwarder.declare(laneQueues[i]);
				this.baseQueues.put(laneQueues[i], queues[i]);
			}
			container.setQueueNames(laneQueues);
		}
		else {
			for (String queue : queues) {
				this.baseQueues.put(queue, queue);
			}
		}
		this.customized.add(container);
	}

	/**
	 * Returns the advice that routes each message and runs the listener in its lane; the
	 * listener container factories get it in their advice chain.
	 * @return the advice
	 */
	public MethodInterceptor advice() {
		return this::invoke;
	}

	private @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object[] arguments = invocation.getArguments();
		if (arguments.length < 2 || !(arguments[1] instanceof Message message)) {
			return invocation.proceed();
		}
		String consumerQueue = message.getMessageProperties().getConsumerQueue();
		String baseQueue = (consumerQueue != null) ? this.baseQueues.get(consumerQueue) : null;
		if (baseQueue == null) {
			throw new IllegalStateException("A message from queue '" + consumerQueue
					+ "' reached a listener whose container lanes did not configure");
		}
		String lane = this.reader.read(new RabbitLaneHeaders(message.getMessageProperties()));
		if (this.ownLane != null) {
			if (this.ownLane.equals(lane)) {
				return process(invocation, lane, MessageOutcome.PROCESSED);
			}
			if (lane == null) {
				// base traffic never runs on a lane instance: back to base
				this.forwarder.forward(message, baseQueue);
				this.metrics.count(null, MessageOutcome.SKIPPED);
				return null;
			}
			// base sent it here: its lane falls back to this one
			return process(invocation, lane, MessageOutcome.FALLBACK);
		}
		if (lane == null) {
			return process(invocation, null, MessageOutcome.PROCESSED);
		}
		LaneRouter.Target target = this.router.route(lane,
				(candidate) -> this.liveness.isAlive(this.properties.laneGroup(baseQueue, candidate)));
		if (target.reject()) {
			this.forwarder.forward(message, this.properties.deadLetter(baseQueue));
			this.metrics.count(lane, MessageOutcome.REJECTED);
			return null;
		}
		if (target.lane() == null) {
			return process(invocation, lane, MessageOutcome.FALLBACK);
		}
		this.forwardedLanes.add(target.lane());
		this.forwarder.forward(message, this.properties.laneGroup(baseQueue, target.lane()));
		this.metrics.count(lane, MessageOutcome.SKIPPED);
		return null;
	}

	private @Nullable Object process(MethodInvocation invocation, @Nullable String lane, MessageOutcome outcome)
			throws Throwable {
		this.metrics.count(lane, outcome);
		try (LaneContext.Scope scope = LaneContext.open(lane)) {
			return invocation.proceed();
		}
	}

	@Override
	public synchronized void start() {
		for (MessageListenerContainer container : this.registry.getObject().getListenerContainers()) {
			if (!this.customized.contains(container)) {
				// fail closed: a container lanes did not configure would read every lane
				String id = (container instanceof AbstractMessageListenerContainer listener) ? listener.getListenerId()
						: container.toString();
				throw new IllegalStateException("Rabbit listener '" + id
						+ "' was not created by a listener container factory that applies the lanes customizer"
						+ " (Boot's rabbitListenerContainerFactory does) or set lane.messaging.enabled=false");
			}
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "lanes-rabbit-liveness");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.getLivenessRefresh().toMillis();
		executor.scheduleWithFixedDelay(this::refresh, 0, interval, TimeUnit.MILLISECONDS);
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
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void refresh() {
		try {
			this.liveness.refresh();
			if (this.ownLane == null) {
				returnMessagesOfGoneLanes();
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not refresh the lane queues", ex);
		}
	}

	/**
	 * Moves the messages waiting in the queue of a lane that has no consumer back to the
	 * base queue, where they are routed again.
	 */
	private void returnMessagesOfGoneLanes() {
		for (String baseQueue : Set.copyOf(this.baseQueues.values())) {
			Set<String> lanes = this.properties.configuredLanes();
			lanes.addAll(this.forwardedLanes);
			for (String lane : lanes) {
				String laneQueue = this.properties.laneGroup(baseQueue, lane);
				RabbitLaneLiveness.QueueState state = this.liveness.state(laneQueue);
				if (state.exists() && state.consumers() == 0 && state.messages() > 0 && this.running) {
					int moved = this.forwarder.move(laneQueue, baseQueue, MOVE_BATCH);
					if (moved > 0) {
						logger.info("Lane queue '" + laneQueue + "' has no consumer: moved " + moved
								+ " message(s) back to '" + baseQueue + "'");
					}
				}
			}
		}
	}

	@Override
	public int getPhase() {
		// before the registry starts the containers (phase Integer.MAX_VALUE by default),
		// and stopped after them
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

}
