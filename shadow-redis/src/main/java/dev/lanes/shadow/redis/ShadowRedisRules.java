package dev.lanes.shadow.redis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

/**
 * Immutable shadow settings for Redis: which lanes are shadowed, the prefix of their
 * shadow key space and the policy of each key pattern. Built once from configuration with
 * {@link #builder()}.
 */
public final class ShadowRedisRules {

	/**
	 * Placeholder for the lane in {@link Builder#keyPrefix(String)}.
	 */
	public static final String LANE_PLACEHOLDER = "{lane}";

	private final Set<String> lanes;

	private final String keyPrefix;

	private final KeyPolicy defaultPolicy;

	private final List<KeyPattern> patterns;

	private final List<KeyPolicy> policies;

	private final Map<String, byte[]> prefixes;

	private final byte[][] allPrefixes;

	private ShadowRedisRules(Builder builder) {
		this.lanes = Collections.unmodifiableSet(new LinkedHashSet<>(builder.lanes));
		this.keyPrefix = builder.keyPrefix;
		this.defaultPolicy = builder.defaultPolicy;
		this.patterns = List.copyOf(builder.patterns);
		this.policies = List.copyOf(builder.policies);
		Map<String, byte[]> prefixes = new LinkedHashMap<>();
		for (String lane : this.lanes) {
			prefixes.put(lane, Bytes.utf8(this.keyPrefix.replace(LANE_PLACEHOLDER, lane)));
		}
		this.prefixes = Collections.unmodifiableMap(prefixes);
		this.allPrefixes = prefixes.values().stream().distinct().toArray(byte[][]::new);
	}

	/**
	 * Starts building rules.
	 * @return a builder with the defaults: no lane, prefix {@code {lane}:}, default
	 * policy {@link KeyPolicy#SHADOW}
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Tells whether the commands of {@code lane} must use the shadow key space. Lane
	 * names are compared ignoring case.
	 * @param lane the lane, or {@code null} for base traffic
	 * @return whether the lane is shadowed
	 */
	public boolean isShadowed(@Nullable String lane) {
		return shadowedLane(lane) != null;
	}

	/**
	 * Returns the canonical name of {@code lane} when it is shadowed.
	 * @param lane the lane, or {@code null} for base traffic
	 * @return the shadowed lane, or {@code null} when its keys are base keys
	 */
	public @Nullable String shadowedLane(@Nullable String lane) {
		if (lane == null || this.lanes.isEmpty()) {
			return null;
		}
		if (this.lanes.contains(lane)) {
			return lane;
		}
		String canonical = Lanes.canonical(lane);
		return (canonical != null && this.lanes.contains(canonical)) ? canonical : null;
	}

	/**
	 * Returns the shadowed lanes, in lower case.
	 * @return the lanes
	 */
	public Set<String> lanes() {
		return this.lanes;
	}

	/**
	 * Returns the prefix of a shadowed lane's keys.
	 * @param lane a shadowed lane, in canonical form
	 * @return the prefix bytes (UTF-8), for example {@code gray:}
	 * @throws IllegalArgumentException when the lane is not shadowed
	 */
	public byte[] prefix(String lane) {
		byte[] prefix = this.prefixes.get(lane);
		if (prefix == null) {
			throw new IllegalArgumentException("Lane '" + lane + "' is not shadowed");
		}
		return prefix;
	}

	/**
	 * Tells whether a key lies in the shadow key space of any shadowed lane, that is
	 * starts with one of their prefixes.
	 * @param key the key as the application names it
	 * @return whether base traffic must stay away from it
	 */
	public boolean inShadowKeySpace(byte[] key) {
		for (byte[] prefix : this.allPrefixes) {
			if (Bytes.startsWith(key, prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the policy of a key (or pub/sub channel): that of the first listed pattern
	 * it matches, else the default policy.
	 * @param key the key as the application names it
	 * @return the policy
	 */
	public KeyPolicy policyOf(byte[] key) {
		for (int i = 0; i < this.patterns.size(); i++) {
			if (this.patterns.get(i).matches(key)) {
				return this.policies.get(i);
			}
		}
		return this.defaultPolicy;
	}

	/**
	 * Returns the default policy.
	 * @return the policy of keys no pattern matches
	 */
	public KeyPolicy defaultPolicy() {
		return this.defaultPolicy;
	}

	/**
	 * Returns the key patterns and their policies, in the order they are tried.
	 * @return the policies by pattern
	 */
	public Map<String, KeyPolicy> keys() {
		Map<String, KeyPolicy> keys = new LinkedHashMap<>();
		for (int i = 0; i < this.patterns.size(); i++) {
			keys.putIfAbsent(this.patterns.get(i).glob(), this.policies.get(i));
		}
		return Collections.unmodifiableMap(keys);
	}

	/**
	 * Builds {@link ShadowRedisRules}.
	 */
	public static final class Builder {

		private final Set<String> lanes = new LinkedHashSet<>();

		private String keyPrefix = LANE_PLACEHOLDER + ":";

		private KeyPolicy defaultPolicy = KeyPolicy.SHADOW;

		private final List<KeyPattern> patterns = new ArrayList<>();

		private final List<KeyPolicy> policies = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Adds shadowed lanes.
		 * @param lanes valid lane names, in any case; held in lower case
		 * @return this builder
		 */
		public Builder lanes(String... lanes) {
			for (String lane : lanes) {
				String canonical = Lanes.canonical(lane);
				if (canonical == null) {
					throw new IllegalArgumentException("Invalid lane name '" + lane + "'");
				}
				this.lanes.add(canonical);
			}
			return this;
		}

		/**
		 * Sets the prefix of the shadow key space; {@value #LANE_PLACEHOLDER} stands for
		 * the lane. It ends with {@code :} and may hold letters, digits, {@code : _ - .}
		 * and the placeholder: no glob characters (it is put in front of SCAN and KEYS
		 * patterns) and no braces (they would change the Redis Cluster hash slot).
		 * @param keyPrefix the prefix, for example {@code {lane}:} or {@code shadow:}
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			String withoutPlaceholder = keyPrefix.replace(LANE_PLACEHOLDER, "");
			if (!keyPrefix.endsWith(":") || !withoutPlaceholder.matches("[A-Za-z0-9:_.\\-]*")) {
				throw new IllegalArgumentException("Invalid key prefix '" + keyPrefix
						+ "': use letters, digits, ':', '_', '-', '.' and " + LANE_PLACEHOLDER
						+ ", and end it with ':' (no lane name holds one, so no lane's keys start with another's prefix)");
			}
			this.keyPrefix = keyPrefix;
			return this;
		}

		/**
		 * Sets the policy of keys that no pattern matches.
		 * @param defaultPolicy the policy
		 * @return this builder
		 */
		public Builder defaultPolicy(KeyPolicy defaultPolicy) {
			this.defaultPolicy = defaultPolicy;
			return this;
		}

		/**
		 * Adds the policy of the keys matching a pattern; patterns are tried in the order
		 * they are added and the first match decides.
		 * @param pattern a glob over the key, {@code *} and {@code ?} as wildcards, for
		 * example {@code dict:*}
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder key(String pattern, KeyPolicy policy) {
			this.patterns.add(KeyPattern.compile(pattern));
			this.policies.add(policy);
			return this;
		}

		/**
		 * Builds the rules.
		 * @return the rules
		 * @throws IllegalArgumentException when the prefix would be the same for every
		 * lane while several are shadowed and none of their keys could be told apart
		 */
		public ShadowRedisRules build() {
			if (this.lanes.size() > 1 && !this.keyPrefix.contains(LANE_PLACEHOLDER)) {
				throw new IllegalArgumentException("Key prefix '" + this.keyPrefix + "' has no " + LANE_PLACEHOLDER
						+ ": the lanes " + this.lanes + " would share one shadow key space");
			}
			return new ShadowRedisRules(this);
		}

	}

}
