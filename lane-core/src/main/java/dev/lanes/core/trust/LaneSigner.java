package dev.lanes.core.trust;

import java.time.Clock;

import dev.lanes.core.Lanes;

/**
 * Signs the lanes an edge (the gateway) sets, with one key and the current time.
 */
public final class LaneSigner {

	private final LaneKey key;

	private final Clock clock;

	/**
	 * Creates a signer.
	 * @param key the key to sign with
	 * @param clock the clock giving the signing time
	 */
	public LaneSigner(LaneKey key, Clock clock) {
		this.key = key;
		this.clock = clock;
	}

	/**
	 * Signs a lane with the current time.
	 * @param lane a valid lane name
	 * @return the value of the {@value LaneSignatures#HEADER} header
	 * @throws IllegalArgumentException when {@code lane} is not a valid lane name
	 */
	public String sign(String lane) {
		String canonical = Lanes.canonical(lane);
		if (canonical == null) {
			throw new IllegalArgumentException("'" + lane + "' is not a valid lane name");
		}
		return LaneSignatures.sign(this.key, canonical, this.clock.instant().getEpochSecond());
	}

	/**
	 * Returns the id of the key this signer uses.
	 * @return the key id
	 */
	public String keyId() {
		return this.key.id();
	}

}
