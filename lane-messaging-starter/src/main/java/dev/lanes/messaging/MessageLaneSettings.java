package dev.lanes.messaging;

import java.util.Locale;

import dev.lanes.core.LaneHeaders;
import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The shared lane settings the messaging starter reads: the lane header
 * ({@code lane.header}), whether baggage carries the lane ({@code lane.baggage}) and the
 * lane of this instance ({@code lane.instance.tag}).
 * <p>
 * They are the keys of the load balancer starter's {@code LaneProperties}, read here from
 * the environment so that a service that only consumes messages does not need Spring
 * Cloud LoadBalancer, and one setting tags an instance for HTTP and messages alike. They
 * are validated the same way: an invalid tag fails startup naming the property.
 *
 * @param header name of the header that carries the lane
 * @param baggage whether the {@code baggage} header also carries it
 * @param instanceLane lane of this instance, or {@code null} for a base instance
 */
public record MessageLaneSettings(String header, boolean baggage, @Nullable String instanceLane) {

	/**
	 * Reads the settings from an environment.
	 * @param environment the environment
	 * @return the settings
	 * @throws InvalidConfigurationPropertyValueException when {@code lane.header} is
	 * blank or {@code lane.instance.tag} is not a valid lane name
	 */
	public static MessageLaneSettings of(Environment environment) {
		Binder binder = Binder.get(environment);
		String header = binder.bind("lane.header", String.class).orElse(LaneHeaders.DEFAULT_LANE_HEADER);
		if (!StringUtils.hasText(header)) {
			throw new InvalidConfigurationPropertyValueException("lane.header", header,
					"The header name must not be empty");
		}
		boolean baggage = binder.bind("lane.baggage", Boolean.class).orElse(true);
		String tag = binder.bind("lane.instance.tag", String.class).orElse(null);
		String lane = null;
		if (StringUtils.hasText(tag)) {
			lane = Lanes.canonical(tag);
			if (lane == null) {
				throw new InvalidConfigurationPropertyValueException("lane.instance.tag", tag,
						"A lane name is 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit,"
								+ " and is not 'base'");
			}
		}
		return new MessageLaneSettings(header.trim().toLowerCase(Locale.ROOT), baggage, lane);
	}

}
