package dev.lanes.loadbalancer.inbound;

import java.time.Clock;
import java.util.List;

import dev.lanes.core.rule.CidrBlock;
import dev.lanes.core.trust.LaneVerdict;
import dev.lanes.core.trust.LaneVerifier;
import dev.lanes.loadbalancer.leak.LaneLeakMetrics;
import dev.lanes.loadbalancer.leak.RateLimitedWarnings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether the lane an incoming request claims is trusted, by the service's
 * {@link InboundMode}. An untrusted lane is dropped (the request is base traffic),
 * counted in {@value #UNTRUSTED} with the {@code service} and the {@code reason}
 * ({@link LaneVerdict#tag()}), and logged as a WARN at most once a minute per reason. The
 * inbound filters call it for every request, WebSocket handshakes included.
 */
public class LaneTrustBoundary {

	/**
	 * Name of the counter of dropped lanes.
	 */
	public static final String UNTRUSTED = "lanes.inbound.untrusted";

	private static final Log logger = LogFactory.getLog(LaneTrustBoundary.class);

	private final InboundMode mode;

	private final @Nullable LaneVerifier verifier;

	private final List<CidrBlock> networks;

	private final String service;

	private final @Nullable MeterRegistry registry;

	private final @Nullable LaneLeakMetrics leaks;

	private final RateLimitedWarnings warnings = new RateLimitedWarnings(logger);

	/**
	 * Creates a boundary.
	 * @param properties the boundary's settings, already checked
	 * @param service the service name, for the {@code service} tag
	 * @param registry the registry, or {@code null}
	 * @param leaks where requests served in another lane are counted, or {@code null}
	 */
	public LaneTrustBoundary(LaneInboundProperties properties, String service, @Nullable MeterRegistry registry,
			@Nullable LaneLeakMetrics leaks) {
		this.mode = properties.getMode();
		this.verifier = (this.mode == InboundMode.SIGNED) ? new LaneVerifier(properties.laneKeys(),
				properties.getMaxAge(), properties.getClockSkew(), Clock.systemUTC()) : null;
		this.networks = (this.mode == InboundMode.CIDR) ? properties.networks() : List.of();
		this.service = service;
		this.registry = registry;
		this.leaks = leaks;
	}

	/**
	 * A boundary of mode {@link InboundMode#ANY} that counts nothing, for filters created
	 * without one.
	 * @return the boundary
	 */
	public static LaneTrustBoundary trustAny() {
		return new LaneTrustBoundary(new LaneInboundProperties(), "unknown", null, null);
	}

	/**
	 * Returns the lane an incoming request is served in.
	 * @param lane the lane its headers carry, in canonical form, or {@code null}
	 * @param signature the value of its signature header, or {@code null}
	 * @param remoteAddress the address of its peer, or {@code null} when unknown
	 * @return the trusted lane with the signature to forward, or {@link InboundLane#BASE}
	 */
	public InboundLane resolve(@Nullable String lane, @Nullable String signature, @Nullable String remoteAddress) {
		InboundLane inbound = InboundLane.BASE;
		if (lane != null) {
			LaneVerdict verdict = verdict(lane, signature, remoteAddress);
			if (verdict.trusted()) {
				inbound = new InboundLane(lane, signature);
			}
			else {
				dropped(verdict, remoteAddress);
			}
		}
		if (this.leaks != null) {
			this.leaks.served(inbound.lane());
		}
		return inbound;
	}

	/**
	 * Returns the mode of this boundary.
	 * @return the mode
	 */
	public InboundMode mode() {
		return this.mode;
	}

	private LaneVerdict verdict(String lane, @Nullable String signature, @Nullable String remoteAddress) {
		return switch (this.mode) {
			case ANY -> LaneVerdict.TRUSTED;
			case SIGNED -> this.verifier.verify(lane, signature);
			case CIDR -> isTrustedNetwork(remoteAddress) ? LaneVerdict.TRUSTED : LaneVerdict.UNTRUSTED_NETWORK;
		};
	}

	private boolean isTrustedNetwork(@Nullable String remoteAddress) {
		if (remoteAddress == null) {
			return false;
		}
		int zone = remoteAddress.indexOf('%');
		String address = (zone >= 0) ? remoteAddress.substring(0, zone) : remoteAddress;
		for (CidrBlock network : this.networks) {
			if (network.contains(address)) {
				return true;
			}
		}
		return false;
	}

	private void dropped(LaneVerdict verdict, @Nullable String remoteAddress) {
		if (this.registry != null) {
			Counter.builder(UNTRUSTED)
				.description("Lanes of incoming requests dropped by the trust boundary")
				.tags("service", this.service, "reason", verdict.tag())
				.register(this.registry)
				.increment();
		}
		this.warnings.warn(verdict.tag(),
				() -> "Dropped the lane of a request to service '" + this.service + "' from " + remoteAddress + " ("
						+ verdict.tag() + ", lane.inbound.mode=" + this.mode.name().toLowerCase() + "); it is served as"
						+ " base traffic");
	}

}
