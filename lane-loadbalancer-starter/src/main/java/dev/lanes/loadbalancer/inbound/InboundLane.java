package dev.lanes.loadbalancer.inbound;

import org.jspecify.annotations.Nullable;

/**
 * The lane a unit of work came in with, after the trust boundary: the trusted lane (or
 * {@code null} for base traffic) and the signature that proved it, forwarded unchanged on
 * outbound calls.
 *
 * @param lane the trusted lane, or {@code null} for base traffic
 * @param signature the value of the signature header that came with the lane, or
 * {@code null}
 */
public record InboundLane(@Nullable String lane, @Nullable String signature) {

	/**
	 * A base request.
	 */
	public static final InboundLane BASE = new InboundLane(null, null);

	/**
	 * Creates an inbound lane; a signature without a lane is dropped.
	 * @param lane the trusted lane, or {@code null} for base traffic
	 * @param signature the signature that came with it, or {@code null}
	 */
	public InboundLane {
		if (lane == null) {
			signature = null;
		}
	}

	@Override
	public String toString() {
		// The signature is a bearer proof until it expires: keep it out of logs.
		return "InboundLane[" + ((this.lane != null) ? this.lane : "base")
				+ ((this.signature != null) ? ", signed" : "") + "]";
	}

}
