package dev.lanes.loadbalancer.propagation;

import java.util.List;

import dev.lanes.core.LaneTransport;
import dev.lanes.core.Lanes;
import dev.lanes.core.trust.LaneSignatures;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.inbound.InboundLane;
import dev.lanes.loadbalancer.leak.LaneLeakMetrics;
import org.jspecify.annotations.Nullable;

/**
 * Guards the lane of an outbound call after the lane headers were written: forwards the
 * signature the inbound request came with, unchanged, when the call carries that
 * request's lane, and counts a call that lost the lane of the request that caused it.
 * <p>
 * A signature is never attached to another lane than the one it signs (the next service
 * would drop it anyway), and a signature header the caller set itself is left alone.
 */
public class OutboundLaneGuard {

	/**
	 * Client kind of {@code RestTemplate} and {@code RestClient} calls.
	 */
	public static final String REST = "rest";

	/**
	 * Client kind of {@code WebClient} calls.
	 */
	public static final String WEBCLIENT = "webclient";

	/**
	 * Client kind of OpenFeign calls.
	 */
	public static final String FEIGN = "feign";

	private final LaneProperties properties;

	private final @Nullable LaneLeakMetrics leaks;

	/**
	 * Creates a guard.
	 * @param properties the header settings
	 * @param leaks where lost lanes are counted, or {@code null}
	 */
	public OutboundLaneGuard(LaneProperties properties, @Nullable LaneLeakMetrics leaks) {
		this.properties = properties;
		this.leaks = leaks;
	}

	/**
	 * Guards one outbound call.
	 * @param client the client kind
	 * @param lane the lane of the work making the call, or {@code null} for base
	 * @param origin the inbound lane of that work, or {@code null} when it was not
	 * started by a request
	 * @param headers the outgoing request's headers
	 */
	public void guard(String client, @Nullable String lane, @Nullable InboundLane origin,
			LaneTransport.Headers headers) {
		if (origin == null || origin.lane() == null) {
			return;
		}
		if (lane == null && this.leaks != null) {
			this.leaks.lost(origin.lane(), client);
		}
		String signature = origin.signature();
		if (signature == null || !headers.values(LaneSignatures.HEADER).isEmpty()) {
			return;
		}
		List<String> header = headers.values(this.properties.getHeader());
		if (header.size() == 1 && origin.lane().equals(Lanes.canonical(header.get(0)))) {
			headers.set(LaneSignatures.HEADER, signature);
		}
	}

}
