package dev.lanes.core.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;

/**
 * The wire format of lane signatures: {@code v1.<key id>.<epoch seconds>.<mac>}, where
 * {@code mac} is the unpadded base64url HMAC-SHA256 of
 * {@code "v1\n" + keyId + "\n" + epochSeconds + "\n" + lane} under the key.
 */
public final class LaneSignatures {

	/**
	 * Name of the header that carries the signature of the lane next to the lane header.
	 */
	public static final String HEADER = "x-lane-signature";

	/**
	 * Version prefix of the current format.
	 */
	public static final String VERSION = "v1";

	/**
	 * Longest header value parsed; anything longer is malformed.
	 */
	static final int MAX_LENGTH = 128;

	private LaneSignatures() {
	}

	/**
	 * Signs a lane.
	 * @param key the key
	 * @param lane the lane, in its canonical form
	 * @param epochSecond the time of signing
	 * @return the header value
	 */
	public static String sign(LaneKey key, String lane, long epochSecond) {
		return VERSION + "." + key.id() + "." + epochSecond + "." + encode(mac(key, lane, epochSecond));
	}

	static byte[] mac(LaneKey key, String lane, long epochSecond) {
		try {
			Mac mac = Mac.getInstance(LaneKey.ALGORITHM);
			mac.init(key.secret());
			return mac.doFinal(
					(VERSION + "\n" + key.id() + "\n" + epochSecond + "\n" + lane).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	static String encode(byte[] mac) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
	}

}
