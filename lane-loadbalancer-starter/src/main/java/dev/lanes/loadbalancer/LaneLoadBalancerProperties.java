package dev.lanes.loadbalancer;

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
 * Properties of the lane-aware load balancer: what a lane request does when its lane has
 * no instance, and what base requests may use.
 */
@ConfigurationProperties("lane.loadbalancer")
public class LaneLoadBalancerProperties implements InitializingBean {

	/**
	 * Fallback value that sends a lane request to base instances.
	 */
	public static final String FALLBACK_BASE = LaneFallbacks.BASE;

	/**
	 * Fallback value that refuses a lane request whose lane has no instance.
	 */
	public static final String FALLBACK_REJECT = LaneFallbacks.REJECT;

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
		this.configuredLanes = null;
		try {
			LaneFallbacks.check(fallbacks(), "lane.loadbalancer.lanes");
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
