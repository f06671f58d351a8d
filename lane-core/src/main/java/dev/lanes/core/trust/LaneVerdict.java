package dev.lanes.core.trust;

/**
 * Outcome of checking whether a lane may be trusted.
 */
public enum LaneVerdict {

	/**
	 * The lane is trusted.
	 */
	TRUSTED("trusted"),

	/**
	 * The lane came without a signature.
	 */
	MISSING_SIGNATURE("missing-signature"),

	/**
	 * The signature is not in the expected format.
	 */
	MALFORMED_SIGNATURE("malformed-signature"),

	/**
	 * The signature names a key this service does not know.
	 */
	UNKNOWN_KEY("unknown-key"),

	/**
	 * The signature does not match the lane under the named key.
	 */
	BAD_SIGNATURE("bad-signature"),

	/**
	 * The signature is older than its maximum age (and the allowed clock skew).
	 */
	EXPIRED("expired"),

	/**
	 * The signature is dated later than now plus the allowed clock skew.
	 */
	NOT_YET_VALID("not-yet-valid"),

	/**
	 * The lane came from an address outside the trusted networks.
	 */
	UNTRUSTED_NETWORK("untrusted-network");

	private final String tag;

	LaneVerdict(String tag) {
		this.tag = tag;
	}

	/**
	 * Returns the value used for this verdict in metric tags and logs.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Tells whether the lane is trusted.
	 * @return whether the verdict is {@link #TRUSTED}
	 */
	public boolean trusted() {
		return this == TRUSTED;
	}

}
