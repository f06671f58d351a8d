package dev.lanes.core;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the work of a lane goes when the lane cannot serve it (no live instance, no live
 * consumer): {@value #BASE}, {@value #REJECT}, or another lane; the rules for such a map
 * of fallbacks, kept once for every starter that has one.
 */
public final class LaneFallbacks {

	/**
	 * Fallback to base traffic.
	 */
	public static final String BASE = "base";

	/**
	 * Fallback that refuses the work.
	 */
	public static final String REJECT = "reject";

	private LaneFallbacks() {
	}

	/**
	 * Returns the fallback of a lane, {@value #BASE} when the map has none; lane names
	 * are compared ignoring case.
	 * @param fallbacks lane to fallback
	 * @param lane the lane
	 * @return the fallback
	 */
	public static String fallbackOf(Map<String, String> fallbacks, String lane) {
		return fallbackOf(fallbacks, Function.identity(), lane);
	}

	/**
	 * Returns the fallback of a lane from a map of per-lane settings, {@value #BASE} when
	 * the map has none; lane names are compared ignoring case. Allocates nothing.
	 * @param <T> the type of the settings
	 * @param lanes lane to settings
	 * @param fallback the fallback of one lane's settings
	 * @param lane the lane
	 * @return the fallback
	 */
	public static <T> String fallbackOf(Map<String, T> lanes, Function<T, String> fallback, String lane) {
		for (Map.Entry<String, T> entry : lanes.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(lane)) {
				return fallback.apply(entry.getValue());
			}
		}
		return BASE;
	}

	/**
	 * Checks a map of fallbacks: every lane a valid name, configured once whatever its
	 * case; every fallback {@value #BASE}, {@value #REJECT} or one of the map's lanes (so
	 * that a typo such as {@code rejct} is refused, not taken for a lane), never the lane
	 * itself; no chain of fallbacks loops.
	 * @param fallbacks lane to fallback, as configured
	 * @param prefix the property that holds the lanes, such as
	 * {@code lane.loadbalancer.lanes}
	 * @throws InvalidFallbackException naming the property at fault
	 */
	public static void check(Map<String, String> fallbacks, String prefix) {
		Set<String> canonical = new HashSet<>();
		for (Map.Entry<String, String> entry : fallbacks.entrySet()) {
			String lane = entry.getKey();
			String path = prefix + "." + lane;
			if (!canonical.add(lane.toLowerCase(Locale.ROOT))) {
				throw new InvalidFallbackException(path, lane,
						"Lane names are case-insensitive: this lane is configured twice");
			}
			if (!Lanes.isValidName(lane)) {
				throw new InvalidFallbackException(path, lane,
						"A lane name is 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit,"
								+ " and is not 'base'");
			}
			String fallback = entry.getValue();
			boolean declared = fallbacks.keySet().stream().anyMatch((key) -> key.equalsIgnoreCase(fallback));
			if (!BASE.equals(fallback) && !REJECT.equals(fallback) && (!Lanes.isValidName(fallback) || !declared)) {
				throw new InvalidFallbackException(path + ".fallback", fallback,
						"Use 'base', 'reject' or another lane of " + prefix + " (a lane reached only through a "
								+ "fallback is declared there too, e.g. " + prefix + "." + fallback
								+ ".fallback=base)");
			}
			if (lane.equalsIgnoreCase(fallback)) {
				throw new InvalidFallbackException(path + ".fallback", fallback, "A lane cannot fall back to itself");
			}
			Set<String> seen = new HashSet<>();
			String current = lane.toLowerCase(Locale.ROOT);
			while (Lanes.isValidName(current)) {
				if (!seen.add(current)) {
					throw new InvalidFallbackException(path + ".fallback", fallback,
							"The fallbacks of lanes " + seen + " form a loop");
				}
				current = fallbackOf(fallbacks, current).toLowerCase(Locale.ROOT);
			}
		}
	}

	/**
	 * A map of fallbacks that breaks a rule of {@link #check}, with the property at
	 * fault.
	 */
	public static final class InvalidFallbackException extends IllegalArgumentException {

		private final String property;

		private final Object value;

		/**
		 * Creates an exception.
		 * @param property the property at fault
		 * @param value its value
		 * @param reason why it is invalid
		 */
		public InvalidFallbackException(String property, Object value, String reason) {
			super(reason);
			this.property = property;
			this.value = value;
		}

		/**
		 * Returns the property at fault.
		 * @return the property
		 */
		public String getProperty() {
			return this.property;
		}

		/**
		 * Returns the value of the property at fault.
		 * @return the value
		 */
		public Object getValue() {
			return this.value;
		}

	}

}
