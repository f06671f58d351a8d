package dev.lanes.core;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Lane names: what a valid name looks like and how base traffic is labelled.
 */
public final class Lanes {

	/**
	 * Label used for untagged (base) traffic in metrics and endpoints. It is not a lane
	 * name: base traffic carries no lane at all.
	 */
	public static final String BASE = "base";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

	private Lanes() {
	}

	/**
	 * Tells whether {@code name} can be used as a lane: 1 to 63 letters, digits, dots,
	 * dashes or underscores, starting with a letter or digit, and not {@value #BASE}.
	 * @param name the candidate name
	 * @return whether it is a valid lane name
	 */
	public static boolean isValidName(@Nullable String name) {
		return name != null && NAME.matcher(name).matches() && !BASE.equalsIgnoreCase(name);
	}

	/**
	 * Returns the label for a lane in metrics: the lane itself, or {@value #BASE}.
	 * @param lane the lane, or {@code null} for base traffic
	 * @return the label
	 */
	public static String label(@Nullable String lane) {
		return (lane == null || lane.isEmpty()) ? BASE : lane;
	}

}
