package dev.lanes.messaging.rabbit;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.util.Assert;

/**
 * Whether a lane queue has a live consumer, read from the broker (a passive declare:
 * {@link AmqpAdmin#getQueueInfo}) and cached between {@link #refresh() refreshes}.
 * <p>
 * Only lane instances consume lane queues (base drains a gone lane's queue with
 * {@code basic.get}, which registers no consumer), so a consumer count above zero means a
 * lane instance is there. A queue that does not exist has no consumer. When the broker
 * cannot be read, the last known state is kept and the failure logged.
 */
public class RabbitLaneLiveness {

	private static final Log logger = LogFactory.getLog(RabbitLaneLiveness.class);

	private final AmqpAdmin admin;

	private final Map<String, QueueState> states = new ConcurrentHashMap<>();

	/**
	 * Creates a liveness cache.
	 * @param admin reads queue information
	 */
	public RabbitLaneLiveness(AmqpAdmin admin) {
		Assert.notNull(admin, "'admin' must not be null");
		this.admin = admin;
	}

	/**
	 * Tells whether a queue has a consumer.
	 * @param queue the queue
	 * @return the cached state, read from the broker the first time
	 */
	public boolean isAlive(String queue) {
		return state(queue).consumers() > 0;
	}

	/**
	 * Returns the cached state of a queue.
	 * @param queue the queue
	 * @return the state, read from the broker the first time
	 */
	public QueueState state(String queue) {
		QueueState state = this.states.get(queue);
		if (state == null) {
			read(queue);
			state = this.states.getOrDefault(queue, QueueState.MISSING);
		}
		return state;
	}

	/**
	 * Reads again every queue asked for so far.
	 */
	public void refresh() {
		for (String queue : new ArrayList<>(this.states.keySet())) {
			read(queue);
		}
	}

	private void read(String queue) {
		try {
			QueueInformation info = this.admin.getQueueInfo(queue);
			QueueState state = (info != null) ? new QueueState(true, info.getConsumerCount(), info.getMessageCount())
					: QueueState.MISSING;
			QueueState previous = this.states.put(queue, state);
			if (previous != null && (previous.consumers() > 0) != (state.consumers() > 0) && logger.isInfoEnabled()) {
				logger.info("Lane queue '" + queue + "' is now " + ((state.consumers() > 0) ? "alive" : "gone"));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read lane queue '" + queue + "'; keeping its last state", ex);
		}
	}

	/**
	 * What the broker said about a queue.
	 *
	 * @param exists whether the queue exists
	 * @param consumers its number of consumers
	 * @param messages its number of ready messages
	 */
	public record QueueState(boolean exists, int consumers, long messages) {

		static final QueueState MISSING = new QueueState(false, 0, 0);

	}

}
