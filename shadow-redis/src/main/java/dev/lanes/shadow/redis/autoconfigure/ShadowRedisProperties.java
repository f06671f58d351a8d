package dev.lanes.shadow.redis.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.lanes.shadow.redis.KeyPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for shadow Redis keys ({@code lane.shadow.redis.*}), beside
 * the shadow tables of {@code lane.shadow.*}.
 */
@ConfigurationProperties("lane.shadow.redis")
public class ShadowRedisProperties {

	/**
	 * Whether to wrap the application's Redis connection factories.
	 */
	private boolean enabled = true;

	/**
	 * Lanes whose Redis keys live in a shadow key space. When empty, the lanes of
	 * lane.shadow.lanes, so one list shadows both SQL and Redis.
	 */
	private List<String> lanes = new ArrayList<>();

	/**
	 * Prefix that moves a key into a lane's shadow key space; "{lane}" stands for the
	 * lane. Letters, digits, ':', '_', '-', '.', ending with ':'.
	 */
	private String keyPrefix = "{lane}:";

	/**
	 * Policy of keys and channels no pattern in "keys" matches.
	 */
	private KeyPolicy defaultPolicy = KeyPolicy.SHADOW;

	/**
	 * Policies per key pattern, tried in order; the first match decides.
	 */
	private List<KeyRule> keys = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getLanes() {
		return this.lanes;
	}

	public void setLanes(List<String> lanes) {
		this.lanes = lanes;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public KeyPolicy getDefaultPolicy() {
		return this.defaultPolicy;
	}

	public void setDefaultPolicy(KeyPolicy defaultPolicy) {
		this.defaultPolicy = defaultPolicy;
	}

	public List<KeyRule> getKeys() {
		return this.keys;
	}

	public void setKeys(List<KeyRule> keys) {
		this.keys = keys;
	}

	/**
	 * The policy of the keys (and pub/sub channels) matching one pattern.
	 */
	public static class KeyRule {

		/**
		 * Glob over the key: '*' matches any run of characters, '?' one character.
		 */
		private @Nullable String pattern;

		/**
		 * Policy of the matching keys: shadow, read-base, shared or deny.
		 */
		private @Nullable KeyPolicy policy;

		public @Nullable String getPattern() {
			return this.pattern;
		}

		public void setPattern(@Nullable String pattern) {
			this.pattern = pattern;
		}

		public @Nullable KeyPolicy getPolicy() {
			return this.policy;
		}

		public void setPolicy(@Nullable KeyPolicy policy) {
			this.policy = policy;
		}

	}

}
