package dev.lanes.core.trust;

import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * A named HMAC-SHA256 key for lane signatures. Keys are given in Base64 and must hold at
 * least {@value #MIN_BYTES} random bytes: {@link #of} refuses shorter keys, keys of few
 * distinct bytes and keys that decode to printable text (a password, not a key), so a
 * guessable secret can never protect a lane.
 */
public final class LaneKey {

	/**
	 * Fewest bytes a secret must decode to (256 bits).
	 */
	public static final int MIN_BYTES = 32;

	static final String ALGORITHM = "HmacSHA256";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private static final int MIN_DISTINCT_BYTES = 16;

	private final String id;

	private final SecretKeySpec secret;

	private LaneKey(String id, byte[] secret) {
		this.id = id;
		this.secret = new SecretKeySpec(secret, ALGORITHM);
	}

	/**
	 * Creates a key from its id and Base64 (standard or URL-safe) secret, such as the
	 * output of {@code openssl rand -base64 32}.
	 * @param id the key id carried in signatures: 1 to 32 letters, digits, '-' or '_'
	 * @param base64Secret the secret
	 * @return the key
	 * @throws IllegalArgumentException naming what is wrong with the id or the secret
	 */
	public static LaneKey of(@Nullable String id, @Nullable String base64Secret) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("A key id is 1 to 32 letters, digits, '-' or '_'");
		}
		if (base64Secret == null || base64Secret.isBlank()) {
			throw new IllegalArgumentException("The secret of key '" + id + "' is empty");
		}
		byte[] secret = decode(base64Secret.trim());
		if (secret == null) {
			throw new IllegalArgumentException("The secret of key '" + id + "' is not Base64");
		}
		if (secret.length < MIN_BYTES) {
			throw new IllegalArgumentException("The secret of key '" + id + "' has " + secret.length
					+ " bytes; at least " + MIN_BYTES + " random bytes are needed (openssl rand -base64 32)");
		}
		if (distinctBytes(secret) < MIN_DISTINCT_BYTES || isPrintableText(secret)) {
			throw new IllegalArgumentException("The secret of key '" + id
					+ "' has too little entropy (it looks like text or a repeated pattern); use random bytes"
					+ " (openssl rand -base64 32)");
		}
		return new LaneKey(id, secret);
	}

	/**
	 * Returns the id of the key, carried in every signature it makes.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	SecretKeySpec secret() {
		return this.secret;
	}

	@Override
	public String toString() {
		return "LaneKey[" + this.id + "]";
	}

	private static byte @Nullable [] decode(String text) {
		try {
			return (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(text)
					: Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static int distinctBytes(byte[] bytes) {
		boolean[] seen = new boolean[256];
		int distinct = 0;
		for (byte b : bytes) {
			if (!seen[b & 0xff]) {
				seen[b & 0xff] = true;
				distinct++;
			}
		}
		return distinct;
	}

	private static boolean isPrintableText(byte[] bytes) {
		// 32 random bytes are all printable ASCII with a probability below 1e-13.
		for (byte b : bytes) {
			if (b < 0x20 || b > 0x7e) {
				return false;
			}
		}
		return true;
	}

}
