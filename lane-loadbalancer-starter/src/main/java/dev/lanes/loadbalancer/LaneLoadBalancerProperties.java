package dev.lanes.loadbalancer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Properties of the lane-aware load balancer: what a lane request does when its lane has
 * no instance, and what base requests may use.
 */
@ConfigurationProperties("lane.loadbalancer")
public class LaneLoadBalancerProperties implements InitializingBean {

	/**
	 * Fallback value that sends a lane request to base instances.
	 */
	public static final String FALLBACK_BASE = "base";

	/**
	 * Fallback value that refuses a lane request whose lane has no instance.
	 */
	public static final String FALLBACK_REJECT = "reject";

	/**
	 * Whether instance selection is lane-aware.
	 */
	private boolean enabled = true;

	/**
	 * What base (untagged) requests may use when a service has no base instance: "none"
	 * refuses them, "any" lets them use lane instances.
	 */
	private BaseFallback baseFallback = BaseFallback.NONE;

	/**
	 * Per-lane settings, keyed by lane name. A lane that is not listed falls back to
	 * base.
	 */
	private Map<String, Lane> lanes = new LinkedHashMap<>();

	private volatile @Nullable Set<String> configuredLanes;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public BaseFallback getBaseFallback() {
		return this.baseFallback;
	}

	public void setBaseFallback(BaseFallback baseFallback) {
		this.baseFallback = baseFallback;
	}

	public Map<String, Lane> getLanes() {
		return this.lanes;
	}

	public void setLanes(Map<String, Lane> lanes) {
		this.lanes = lanes;
		this.configuredLanes = null;
	}

	/**
	 * Returns the lanes named in {@code lane.loadbalancer.lanes}, in canonical form.
	 * @return the lanes
	 */
	public Set<String> configuredLanes() {
		Set<String> lanes = this.configuredLanes;
		if (lanes == null) {
			Set<String> canonical = new HashSet<>();
			this.lanes.keySet().forEach((lane) -> canonical.add(lane.toLowerCase(Locale.ROOT)));
			lanes = Set.copyOf(canonical);
			this.configuredLanes = lanes;
		}
		return lanes;
	}

	/**
	 * Returns the fallback of a lane: {@value #FALLBACK_BASE}, {@value #FALLBACK_REJECT}
	 * or another lane.
	 * @param lane the lane
	 * @return the fallback
	 */
	public String fallbackOf(String lane) {
		for (Map.Entry<String, Lane> entry : this.lanes.entrySet()) {
			// lane names are case-insensitive; validate() refuses two spellings of one
			// lane
			if (entry.getKey().equalsIgnoreCase(lane)) {
				return entry.getValue().getFallback();
			}
		}
		return FALLBACK_BASE;
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
		this.configuredLanes = null;
		Set<String> canonical = new HashSet<>();
		for (Map.Entry<String, Lane> entry : this.lanes.entrySet()) {
			String lane = entry.getKey();
			String path = "lane.loadbalancer.lanes." + lane;
			if (!canonical.add(lane.toLowerCase(Locale.ROOT))) {
				throw new InvalidConfigurationPropertyValueException(path, lane,
						"Lane names are case-insensitive: this lane is configured twice");
			}
			if (!Lanes.isValidName(lane)) {
				throw new InvalidConfigurationPropertyValueException(path, lane,
						"A lane name is 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit,"
								+ " and is not 'base'");
			}
			String fallback = entry.getValue().getFallback();
			if (!FALLBACK_BASE.equals(fallback) && !FALLBACK_REJECT.equals(fallback)
					&& (!Lanes.isValidName(fallback) || !isConfigured(fallback))) {
				throw new InvalidConfigurationPropertyValueException(path + ".fallback", fallback,
						"Use 'base', 'reject' or another lane of lane.loadbalancer.lanes (a lane reached only"
								+ " through a fallback is declared there too, e.g. lane.loadbalancer.lanes." + fallback
								+ ".fallback=base)");
			}
			if (lane.equalsIgnoreCase(fallback)) {
				throw new InvalidConfigurationPropertyValueException(path + ".fallback", fallback,
						"A lane cannot fall back to itself");
			}
			checkNoLoop(lane, path);
		}
	}

	private boolean isConfigured(String lane) {
		return this.lanes.keySet().stream().anyMatch((key) -> key.equalsIgnoreCase(lane));
	}

	private void checkNoLoop(String lane, String path) {
		Set<String> seen = new HashSet<>();
		String current = lane;
		while (Lanes.isValidName(current)) {
			if (!seen.add(current)) {
				throw new InvalidConfigurationPropertyValueException(path + ".fallback", fallbackOf(lane),
						"The fallbacks of lanes " + seen + " form a loop");
			}
			current = fallbackOf(current);
		}
	}

	/**
	 * Settings of one lane.
	 */
	public static class Lane {

		/**
		 * Where a request of this lane goes when the service has no instance of the lane:
		 * "base", "reject" (refused with a 503-style error) or the name of another lane.
		 */
		private String fallback = FALLBACK_BASE;

		public String getFallback() {
			return this.fallback;
		}

		public void setFallback(@Nullable String fallback) {
			this.fallback = (fallback != null) ? fallback.trim().toLowerCase(Locale.ROOT) : FALLBACK_BASE;
		}

	}

	/**
	 * What base requests may use when a service has no base instance.
	 */
	public enum BaseFallback {

		/**
		 * Refuse base requests: base traffic never reaches a lane instance.
		 */
		NONE,

		/**
		 * Let base requests use any instance, lane instances included.
		 */
		ANY

	}

}
