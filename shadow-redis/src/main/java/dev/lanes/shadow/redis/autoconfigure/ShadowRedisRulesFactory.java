package dev.lanes.shadow.redis.autoconfigure;

import java.util.List;

import dev.lanes.core.Lanes;
import dev.lanes.shadow.redis.ShadowRedisRules;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Builds {@link ShadowRedisRules} from {@link ShadowRedisProperties}, failing with the
 * name of the offending property.
 */
final class ShadowRedisRulesFactory {

	private ShadowRedisRulesFactory() {
	}

	/**
	 * Builds the rules.
	 * @param properties the properties
	 * @param sharedLanes the lanes of {@code lane.shadow.lanes}, used when
	 * {@code lane.shadow.redis.lanes} is empty
	 */
	static ShadowRedisRules create(ShadowRedisProperties properties, List<String> sharedLanes) {
		ShadowRedisRules.Builder builder = ShadowRedisRules.builder();
		boolean own = !properties.getLanes().isEmpty();
		String lanesProperty = own ? "lane.shadow.redis.lanes" : "lane.shadow.lanes";
		for (String lane : own ? properties.getLanes() : sharedLanes) {
			if (!Lanes.isValidName(lane)) {
				throw new InvalidConfigurationPropertyValueException(lanesProperty, lane,
						"A lane name is 1 to 63 letters, digits, '.', '-' or '_' and not 'base'.");
			}
			builder.lanes(lane);
		}
		try {
			builder.keyPrefix(properties.getKeyPrefix());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("lane.shadow.redis.key-prefix",
					properties.getKeyPrefix(), ex.getMessage());
		}
		List<ShadowRedisProperties.KeyRule> keys = properties.getKeys();
		for (int i = 0; i < keys.size(); i++) {
			ShadowRedisProperties.KeyRule rule = keys.get(i);
			if (rule.getPattern() == null || rule.getPolicy() == null) {
				throw new InvalidConfigurationPropertyValueException("lane.shadow.redis.keys[" + i + "]",
						rule.getPattern(), "Each entry needs a pattern and a policy.");
			}
			try {
				builder.key(rule.getPattern(), rule.getPolicy());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException("lane.shadow.redis.keys[" + i + "].pattern",
						rule.getPattern(), ex.getMessage());
			}
		}
		builder.defaultPolicy(properties.getDefaultPolicy());
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("lane.shadow.redis.key-prefix",
					properties.getKeyPrefix(), ex.getMessage());
		}
	}

}
