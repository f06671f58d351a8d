package dev.lanes.core;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Lane names: what a valid name looks like and how base traffic is labelled.
 * <p>
 * Lane names are case-insensitive: every entry point (configuration, rules, headers,
 * instance tags, {@link LaneContext}) turns a name into its {@link #canonical canonical}
 * lower-case form, so {@code GRAY} and {@code gray} are one lane everywhere and a
 * case-variant can never slip past a setting made for the other.
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
	 * Returns the canonical form of a lane name: trimmed and in lower case
	 * ({@link Locale#ROOT}).
	 * @param name the candidate name
	 * @return the canonical name, or {@code null} when {@code name} is not a valid lane
	 * name
	 */
	public static @Nullable String canonical(@Nullable String name) {
		String trimmed = (name != null) ? name.trim() : null;
		return isValidName(trimmed) ? trimmed.toLowerCase(Locale.ROOT) : null;
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
