package dev.lanes.loadbalancer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Thrown when a request cannot be routed within the rules of its lane: strict fallback or
 * base traffic for a service that has only lane instances. It carries status 503 so web
 * frameworks and the gateway answer "Service Unavailable" with the reason.
 */
public class LaneRoutingException extends ResponseStatusException {

	private final @Nullable String serviceId;

	private final @Nullable String lane;

	/**
	 * Creates an exception.
	 * @param serviceId the service that was asked for
	 * @param lane the lane of the request, or {@code null} for base traffic
	 * @param reason a message naming the service and the lane
	 */
	public LaneRoutingException(@Nullable String serviceId, @Nullable String lane, String reason) {
		super(HttpStatus.SERVICE_UNAVAILABLE, reason);
		this.serviceId = serviceId;
		this.lane = lane;
	}

	/**
	 * Returns the service that was asked for.
	 * @return the service id
	 */
	public @Nullable String getServiceId() {
		return this.serviceId;
	}

	/**
	 * Returns the lane of the refused request.
	 * @return the lane, or {@code null} for base traffic
	 */
	public @Nullable String getLane() {
		return this.lane;
	}

}
