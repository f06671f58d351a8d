package dev.lanes.core;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Names of the headers that carry a lane between services, and a codec for the
 * {@code lane} entry of a W3C {@code baggage} header that keeps every other entry as it
 * was.
 */
public final class LaneHeaders {

	/**
	 * Default name of the header that carries the lane.
	 */
	public static final String DEFAULT_LANE_HEADER = "x-lane";

	/**
	 * Name of the W3C baggage header.
	 */
	public static final String BAGGAGE = "baggage";

	/**
	 * Key of the baggage entry that carries the lane.
	 */
	public static final String BAGGAGE_LANE_KEY = "lane";

	private LaneHeaders() {
	}

	/**
	 * Reads the lane from a {@code baggage} header value such as
	 * {@code "userId=7,lane=gray;ttl=1"}.
	 * @param baggage the header value, possibly {@code null}
	 * @return the lane, or {@code null} when there is no non-empty {@code lane} entry
	 */
	public static @Nullable String laneFromBaggage(@Nullable String baggage) {
		if (baggage == null || baggage.isEmpty()) {
			return null;
		}
		for (String member : baggage.split(",")) {
			int eq = member.indexOf('=');
			if (eq > 0 && BAGGAGE_LANE_KEY.equals(member.substring(0, eq).trim())) {
				String value = member.substring(eq + 1);
				int semicolon = value.indexOf(';');
				value = ((semicolon >= 0) ? value.substring(0, semicolon) : value).trim();
				return value.isEmpty() ? null : value;
			}
		}
		return null;
	}

	/**
	 * Reads the lane from every value of the {@code baggage} header, which together form
	 * one comma-separated list: the first non-empty {@code lane} entry wins.
	 * @param baggage the header values
	 * @return the lane, or {@code null} when there is no non-empty {@code lane} entry
	 */
	public static @Nullable String laneFromBaggage(List<String> baggage) {
		for (String value : baggage) {
			String lane = laneFromBaggage(value);
			if (lane != null) {
				return lane;
			}
		}
		return null;
	}

	/**
	 * Returns the entries of every value of the {@code baggage} header, in order, without
	 * any {@code lane} entry.
	 * @param baggage the header values
	 * @return the remaining entries as one header value, or {@code null} when none remain
	 */
	public static @Nullable String withoutBaggageLane(List<String> baggage) {
		List<String> members = new ArrayList<>();
		for (String value : baggage) {
			members.addAll(otherMembers(value));
		}
		return members.isEmpty() ? null : String.join(",", members);
	}

	/**
	 * Returns {@code baggage} with its {@code lane} entry set to {@code lane} (added last
	 * when absent) and every other entry kept in order.
	 * @param baggage the header value, possibly {@code null}
	 * @param lane the lane to carry
	 * @return the new header value
	 */
	public static String withBaggageLane(@Nullable String baggage, String lane) {
		List<String> members = otherMembers(baggage);
		members.add(BAGGAGE_LANE_KEY + "=" + lane);
		return String.join(",", members);
	}

	/**
	 * Returns {@code baggage} without its {@code lane} entry.
	 * @param baggage the header value, possibly {@code null}
	 * @return the remaining entries, or {@code null} when none remain
	 */
	public static @Nullable String withoutBaggageLane(@Nullable String baggage) {
		List<String> members = otherMembers(baggage);
		return members.isEmpty() ? null : String.join(",", members);
	}

	private static List<String> otherMembers(@Nullable String baggage) {
		List<String> members = new ArrayList<>();
		if (baggage == null || baggage.isBlank()) {
			return members;
		}
		for (String member : baggage.split(",")) {
			String trimmed = member.trim();
			int eq = trimmed.indexOf('=');
			String key = (eq > 0) ? trimmed.substring(0, eq).trim() : trimmed;
			if (!trimmed.isEmpty() && !BAGGAGE_LANE_KEY.equals(key)) {
				members.add(trimmed);
			}
		}
		return members;
	}

}
