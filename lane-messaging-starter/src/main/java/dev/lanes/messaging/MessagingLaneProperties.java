package dev.lanes.messaging;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.lanes.core.LaneFallbacks;
import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Properties of lanes on messages: lane consumer groups and queues, what happens to a
 * lane's messages while the lane has no live consumer, and how often liveness is read
 * from the broker.
 */
@ConfigurationProperties("lane.messaging")
public class MessagingLaneProperties implements InitializingBean {

	/**
	 * Fallback value that lets base consumers process a lane's messages.
	 */
	public static final String FALLBACK_BASE = LaneFallbacks.BASE;

	/**
	 * Fallback value that sends a lane's messages to a dead-letter destination.
	 */
	public static final String FALLBACK_REJECT = LaneFallbacks.REJECT;

	/**
	 * Placeholder of the lane in {@link #getGroupSuffix() group-suffix}.
	 */
	public static final String LANE_PLACEHOLDER = "{lane}";

	/**
	 * Whether producers stamp lanes and consumers run in and route by lanes.
	 */
	private boolean enabled = true;

	/**
	 * Suffix, containing "{lane}", added to a Kafka consumer group or a RabbitMQ queue to
	 * name the group or queue of a lane.
	 */
	private String groupSuffix = "-" + LANE_PLACEHOLDER;

	/**
	 * Suffix added to a Kafka topic or a RabbitMQ queue to name the dead-letter
	 * destination of lanes whose fallback is "reject".
	 */
	private String deadLetterSuffix = "-lanes-dlt";

	/**
	 * How often the liveness of lane consumers is read from the broker. A lane whose last
	 * consumer stopped is seen as gone, and one that started as alive, within this
	 * interval.
	 */
	private Duration livenessRefresh = Duration.ofSeconds(5);

	/**
	 * Per-lane settings, keyed by lane name. Every lane deployed with a consumer should
	 * be listed on every instance, base included; a lane that is not listed falls back to
	 * base.
	 */
	private Map<String, Lane> lanes = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getGroupSuffix() {
		return this.groupSuffix;
	}

	public void setGroupSuffix(String groupSuffix) {
		if (groupSuffix == null || !groupSuffix.contains(LANE_PLACEHOLDER)
				|| !groupSuffix.replace(LANE_PLACEHOLDER, "").matches("[A-Za-z0-9._-]*")) {
			throw new InvalidConfigurationPropertyValueException("lane.messaging.group-suffix", groupSuffix,
					"The suffix must contain '{lane}' and otherwise only letters, digits, '.', '-' or '_'");
		}
		this.groupSuffix = groupSuffix;
	}

	public String getDeadLetterSuffix() {
		return this.deadLetterSuffix;
	}

	public void setDeadLetterSuffix(String deadLetterSuffix) {
		if (deadLetterSuffix == null || !deadLetterSuffix.matches("[A-Za-z0-9._-]+")) {
			throw new InvalidConfigurationPropertyValueException("lane.messaging.dead-letter-suffix", deadLetterSuffix,
					"The suffix must be letters, digits, '.', '-' or '_', and not empty");
		}
		this.deadLetterSuffix = deadLetterSuffix;
	}

	public Duration getLivenessRefresh() {
		return this.livenessRefresh;
	}

	public void setLivenessRefresh(Duration livenessRefresh) {
		if (livenessRefresh == null || livenessRefresh.compareTo(Duration.ofMillis(100)) < 0) {
			throw new InvalidConfigurationPropertyValueException("lane.messaging.liveness-refresh", livenessRefresh,
					"The interval must be at least 100ms");
		}
		this.livenessRefresh = livenessRefresh;
	}

	public Map<String, Lane> getLanes() {
		return this.lanes;
	}

	public void setLanes(Map<String, Lane> lanes) {
		this.lanes = lanes;
	}

	/**
	 * Returns the name of a lane's group or queue.
	 * @param base the base consumer group or queue
	 * @param lane the lane
	 * @return the lane's group or queue
	 */
	public String laneGroup(String base, String lane) {
		return base + this.groupSuffix.replace(LANE_PLACEHOLDER, lane);
	}

	/**
	 * Returns the dead-letter destination of a topic or queue.
	 * @param source the topic or queue
	 * @return the dead-letter topic or queue
	 */
	public String deadLetter(String source) {
		return source + this.deadLetterSuffix;
	}

	/**
	 * Returns the configured lanes in canonical form.
	 * @return the lanes
	 */
	public Set<String> configuredLanes() {
		Set<String> names = new HashSet<>();
		this.lanes.keySet().forEach((lane) -> names.add(lane.toLowerCase(Locale.ROOT)));
		return names;
	}

	/**
	 * Returns the fallback of a lane: {@value #FALLBACK_BASE}, {@value #FALLBACK_REJECT}
	 * or another lane.
	 * @param lane the lane
	 * @return the fallback
	 */
	public String fallbackOf(String lane) {
		return LaneFallbacks.fallbackOf(this.lanes, Lane::getFallback, lane);
	}

	private Map<String, String> fallbacks() {
		Map<String, String> fallbacks = new LinkedHashMap<>();
		this.lanes.forEach((lane, settings) -> fallbacks.put(lane, settings.getFallback()));
		return fallbacks;
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Checks lane names and fallbacks, and that no chain of fallbacks loops.
	 * @throws InvalidConfigurationPropertyValueException naming the property at fault
	 */
	public void validate() {
		try {
			LaneFallbacks.check(fallbacks(), "lane.messaging.lanes");
		}
		catch (LaneFallbacks.InvalidFallbackException ex) {
			throw new InvalidConfigurationPropertyValueException(ex.getProperty(), ex.getValue(), ex.getMessage());
		}
	}

	/**
	 * Settings of one lane.
	 */
	public static class Lane {

		/**
		 * Where the messages of this lane go while the lane has no live consumer: "base"
		 * (base consumers process them), "reject" (the dead-letter destination) or the
		 * name of another lane of lane.messaging.lanes.
		 */
		private String fallback = FALLBACK_BASE;

		public String getFallback() {
			return this.fallback;
		}

		public void setFallback(@Nullable String fallback) {
			this.fallback = (fallback != null) ? fallback.trim().toLowerCase(Locale.ROOT) : FALLBACK_BASE;
		}

	}

}
