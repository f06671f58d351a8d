package dev.lanes.messaging.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import org.springframework.util.Assert;

/**
 * Whether a lane's Kafka consumer group has a live consumer, read from the broker's group
 * membership ({@code Admin.describeConsumerGroups}) and cached between {@link #refresh()
 * refreshes}.
 * <p>
 * A group is alive when it has a member that is not a standby consumer (whose client id
 * starts with {@value #STANDBY_CLIENT_PREFIX}): the standby consumers that base runs in a
 * lane's group while the lane is gone must not keep the lane alive. A group is read from
 * the broker the first time it is asked for; when the broker cannot be read, the last
 * known state is kept and the failure logged.
 */
public class KafkaLaneLiveness implements AutoCloseable {

	/**
	 * Prefix of the client id of standby consumers.
	 */
	public static final String STANDBY_CLIENT_PREFIX = "lanes-standby.";

	private static final Log logger = LogFactory.getLog(KafkaLaneLiveness.class);

	private final Admin admin;

	private final Duration timeout;

	private final Map<String, Boolean> alive = new ConcurrentHashMap<>();

	/**
	 * Creates a liveness cache.
	 * @param admin the admin client, closed with this object
	 * @param timeout how long one read of the broker may take
	 */
	public KafkaLaneLiveness(Admin admin, Duration timeout) {
		Assert.notNull(admin, "'admin' must not be null");
		this.admin = admin;
		this.timeout = timeout;
	}

	/**
	 * Tells whether a consumer group has a live consumer that is not a standby.
	 * @param group the group
	 * @return the cached state, read from the broker the first time
	 */
	public boolean isAlive(String group) {
		Boolean state = this.alive.get(group);
		if (state == null) {
			read(List.of(group));
			state = this.alive.getOrDefault(group, Boolean.FALSE);
		}
		return state;
	}

	/**
	 * Reads again every group asked for so far.
	 */
	public void refresh() {
		List<String> groups = new ArrayList<>(this.alive.keySet());
		if (!groups.isEmpty()) {
			read(groups);
		}
	}

	/**
	 * Makes a group known, so the next {@link #refresh()} reads it.
	 * @param group the group
	 */
	public void track(String group) {
		if (!this.alive.containsKey(group)) {
			read(List.of(group));
		}
	}

	private void read(List<String> groups) {
		Map<String, KafkaFuture<ConsumerGroupDescription>> futures = this.admin.describeConsumerGroups(groups)
			.describedGroups();
		for (String group : groups) {
			try {
				ConsumerGroupDescription description = futures.get(group)
					.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
				update(group, description.members().stream().anyMatch(this::isLaneMember));
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof GroupIdNotFoundException) {
					// no consumer ever joined the group, or it expired
					update(group, false);
				}
				else {
					logger.warn("Could not read the members of consumer group '" + group + "'; keeping its last state",
							ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (TimeoutException ex) {
				logger.warn("Could not read the members of consumer group '" + group + "' within " + this.timeout
						+ "; keeping its last state");
			}
		}
	}

	private void update(String group, boolean live) {
		Boolean previous = this.alive.put(group, live);
		if (previous != null && previous != live && logger.isInfoEnabled()) {
			logger.info("Consumer group '" + group + "' is now " + (live ? "alive" : "gone"));
		}
	}

	private boolean isLaneMember(MemberDescription member) {
		return !member.clientId().startsWith(STANDBY_CLIENT_PREFIX);
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
