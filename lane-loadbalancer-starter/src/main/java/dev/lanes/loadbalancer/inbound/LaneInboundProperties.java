package dev.lanes.loadbalancer.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.lanes.core.rule.CidrBlock;
import dev.lanes.core.trust.LaneKey;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Properties of a service's trust boundary: whom it trusts to set the lane of an incoming
 * request, and the keys the gateway signs lanes with. Checked when bound: a mode without
 * what it needs, a weak key or an invalid network fails startup naming the property.
 */
@ConfigurationProperties(LaneInboundProperties.PREFIX)
public class LaneInboundProperties implements InitializingBean {

	/**
	 * Prefix of the trust boundary's properties.
	 */
	public static final String PREFIX = "lane.inbound";

	/**
	 * Whom the service trusts to set the lane of an incoming request: "signed" (only a
	 * lane signed by the gateway with one of the keys), "cidr" (only a lane from the
	 * trusted networks) or "any" (every caller; logged as a WARN at startup). An
	 * untrusted lane is dropped: the request is base traffic.
	 */
	private InboundMode mode = InboundMode.ANY;

	/**
	 * HMAC-SHA256 keys that lane signatures are checked against, each with an id and a
	 * Base64 secret of at least 32 random bytes. Listing several keys rotates them: add
	 * the new key everywhere, then sign with it, then remove the old one once its last
	 * signature expired. A gateway with keys signs the lanes it sets.
	 */
	private List<Key> keys = new ArrayList<>();

	/**
	 * Id of the key the gateway signs with; the first key when not set.
	 */
	private @Nullable String signingKey;

	/**
	 * How long a signature stays valid after the gateway made it. It bounds the whole
	 * chain of calls behind one gateway request, and how long a replayed signature is
	 * worth.
	 */
	private Duration maxAge = Duration.ofMinutes(5);

	/**
	 * How far the clocks of the gateway and a service may differ.
	 */
	private Duration clockSkew = Duration.ofSeconds(30);

	/**
	 * Networks (CIDR blocks such as 10.0.0.0/8, or single addresses) whose callers may
	 * set the lane in "cidr" mode. The address is the peer of the connection;
	 * forwarded-for headers are never trusted.
	 */
	private List<String> trustedNetworks = new ArrayList<>();

	public InboundMode getMode() {
		return this.mode;
	}

	public void setMode(InboundMode mode) {
		this.mode = mode;
	}

	public List<Key> getKeys() {
		return this.keys;
	}

	public void setKeys(List<Key> keys) {
		this.keys = keys;
	}

	public @Nullable String getSigningKey() {
		return this.signingKey;
	}

	public void setSigningKey(@Nullable String signingKey) {
		this.signingKey = signingKey;
	}

	public Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Duration maxAge) {
		this.maxAge = maxAge;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public List<String> getTrustedNetworks() {
		return this.trustedNetworks;
	}

	public void setTrustedNetworks(List<String> trustedNetworks) {
		this.trustedNetworks = trustedNetworks;
	}

	@Override
	public void afterPropertiesSet() {
		laneKeys();
		networks();
		if (this.maxAge.isNegative() || this.maxAge.isZero()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".max-age", this.maxAge,
					"The maximum age of a signature must be positive");
		}
		if (this.clockSkew.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".clock-skew", this.clockSkew,
					"The clock skew must not be negative");
		}
		if (this.mode == InboundMode.SIGNED && this.keys.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".keys", "[]",
					"lane.inbound.mode=signed needs at least one key to check signatures with");
		}
		if (this.mode == InboundMode.CIDR && this.trustedNetworks.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".trusted-networks", "[]",
					"lane.inbound.mode=cidr needs at least one trusted network");
		}
	}

	/**
	 * Returns the configured keys, checked.
	 * @return the keys, in order
	 * @throws InvalidConfigurationPropertyValueException naming the key at fault
	 */
	public List<LaneKey> laneKeys() {
		List<LaneKey> result = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < this.keys.size(); i++) {
			Key key = this.keys.get(i);
			String path = PREFIX + ".keys[" + i + "]";
			try {
				result.add(LaneKey.of(key.getId(), key.getSecret()));
			}
			catch (IllegalArgumentException ex) {
				boolean badId = ex.getMessage().startsWith("A key id");
				// Never echo a secret in an error message.
				throw new InvalidConfigurationPropertyValueException(path + (badId ? ".id" : ".secret"),
						badId ? key.getId() : "<hidden>", ex.getMessage());
			}
			if (!ids.add(key.getId())) {
				throw new InvalidConfigurationPropertyValueException(path + ".id", key.getId(),
						"Two keys have this id");
			}
		}
		if (this.signingKey != null && !ids.contains(this.signingKey)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".signing-key", this.signingKey,
					"No key of lane.inbound.keys has this id");
		}
		return result;
	}

	/**
	 * Returns the key the gateway signs with.
	 * @return the key, or {@code null} when no key is configured
	 */
	public @Nullable LaneKey signingLaneKey() {
		List<LaneKey> all = laneKeys();
		for (LaneKey key : all) {
			if (key.id().equals(this.signingKey)) {
				return key;
			}
		}
		return all.isEmpty() ? null : all.get(0);
	}

	/**
	 * Returns the trusted networks, parsed.
	 * @return the networks, in order
	 * @throws InvalidConfigurationPropertyValueException naming the network at fault
	 */
	public List<CidrBlock> networks() {
		List<CidrBlock> result = new ArrayList<>();
		for (int i = 0; i < this.trustedNetworks.size(); i++) {
			String text = this.trustedNetworks.get(i);
			CidrBlock block = (text != null) ? CidrBlock.parse(text.trim()) : null;
			if (block == null) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + ".trusted-networks[" + i + "]", text,
						"Use a literal IPv4 or IPv6 address or CIDR block such as 10.0.0.0/8; host names are not"
								+ " resolved");
			}
			result.add(block);
		}
		return result;
	}

	/**
	 * A signing key.
	 */
	public static class Key {

		/**
		 * Id of the key, carried in every signature: 1 to 32 letters, digits, '-' or '_'.
		 */
		private @Nullable String id;

		/**
		 * Secret of the key in Base64, at least 32 random bytes (openssl rand -base64
		 * 32). Keep it out of source control: reference an environment variable or a
		 * secret store.
		 */
		private @Nullable String secret;

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		@Override
		public String toString() {
			return "Key[" + this.id + "]";
		}

	}

}
