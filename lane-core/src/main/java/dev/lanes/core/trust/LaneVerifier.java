package dev.lanes.core.trust;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

/**
 * Verifies lane signatures against a list of keys (so keys can be rotated: a new key is
 * accepted before the edge signs with it, an old one until its last signature expired), a
 * maximum age and a clock skew. The MAC is compared in constant time.
 */
public final class LaneVerifier {

	private static final int MAC_CHARS = 43;

	private final Map<String, LaneKey> keys = new LinkedHashMap<>();

	private final long maxAgeSeconds;

	private final long skewSeconds;

	private final Clock clock;

	/**
	 * Creates a verifier.
	 * @param keys the accepted keys, with distinct ids
	 * @param maxAge how long a signature stays valid after it was made
	 * @param clockSkew how far the clocks of the edge and this service may differ
	 * @param clock the clock giving the current time
	 * @throws IllegalArgumentException when there is no key, two keys share an id, or a
	 * duration is negative
	 */
	public LaneVerifier(List<LaneKey> keys, Duration maxAge, Duration clockSkew, Clock clock) {
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("At least one key is needed");
		}
		for (LaneKey key : keys) {
			if (this.keys.putIfAbsent(key.id(), key) != null) {
				throw new IllegalArgumentException("Key id '" + key.id() + "' is used twice");
			}
		}
		if (maxAge.isNegative() || maxAge.isZero() || clockSkew.isNegative()) {
			throw new IllegalArgumentException("The maximum age must be positive and the clock skew not negative");
		}
		this.maxAgeSeconds = maxAge.toSeconds();
		this.skewSeconds = clockSkew.toSeconds();
		this.clock = clock;
	}

	/**
	 * Checks that {@code signature} signs {@code lane} with a known key and is neither
	 * expired nor dated in the future.
	 * @param lane the lane the request carries, in its canonical form
	 * @param signature the value of the {@value LaneSignatures#HEADER} header, possibly
	 * {@code null}
	 * @return {@link LaneVerdict#TRUSTED} or why the lane is not trusted
	 */
	public LaneVerdict verify(String lane, @Nullable String signature) {
		if (signature == null || signature.isEmpty()) {
			return LaneVerdict.MISSING_SIGNATURE;
		}
		String canonical = Lanes.canonical(lane);
		if (canonical == null || !canonical.equals(lane) || signature.length() > LaneSignatures.MAX_LENGTH) {
			return LaneVerdict.MALFORMED_SIGNATURE;
		}
		String[] parts = signature.split("\\.", -1);
		if (parts.length != 4 || !LaneSignatures.VERSION.equals(parts[0]) || parts[3].length() != MAC_CHARS) {
			return LaneVerdict.MALFORMED_SIGNATURE;
		}
		long epochSecond = parseSeconds(parts[2]);
		byte[] mac = decode(parts[3]);
		if (epochSecond < 0 || mac == null) {
			return LaneVerdict.MALFORMED_SIGNATURE;
		}
		LaneKey key = this.keys.get(parts[1]);
		if (key == null) {
			return LaneVerdict.UNKNOWN_KEY;
		}
		// The MAC is checked before the time, so an expired or future verdict is only
		// ever given for a signature the edge really made.
		if (!MessageDigest.isEqual(LaneSignatures.mac(key, lane, epochSecond), mac)) {
			return LaneVerdict.BAD_SIGNATURE;
		}
		long now = this.clock.instant().getEpochSecond();
		if (epochSecond > now + this.skewSeconds) {
			return LaneVerdict.NOT_YET_VALID;
		}
		if (now - epochSecond > this.maxAgeSeconds + this.skewSeconds) {
			return LaneVerdict.EXPIRED;
		}
		return LaneVerdict.TRUSTED;
	}

	/**
	 * Returns the ids of the accepted keys, in order.
	 * @return the key ids
	 */
	public List<String> keyIds() {
		return List.copyOf(this.keys.keySet());
	}

	private static long parseSeconds(String text) {
		if (text.isEmpty() || text.length() > 12) {
			return -1;
		}
		long value = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static byte @Nullable [] decode(String text) {
		try {
			return Base64.getUrlDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
