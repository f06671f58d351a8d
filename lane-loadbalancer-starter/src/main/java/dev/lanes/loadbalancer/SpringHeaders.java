package dev.lanes.loadbalancer;

import dev.lanes.core.LaneTransport;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Adapts Spring's {@link HttpHeaders} to the lane codec of {@link LaneTransport}.
 */
public final class SpringHeaders {

	private SpringHeaders() {
	}

	/**
	 * Returns a view of {@code headers} that the lane codec reads and writes.
	 * @param headers the headers, writable when the codec writes
	 * @return the view
	 */
	public static LaneTransport.Headers of(HttpHeaders headers) {
		return LaneTransport.Headers.of(headers::getOrEmpty, headers::set, headers::remove);
	}

	/**
	 * Reads the lane carried by a request's headers with the lane codec: the lane header
	 * first, then the {@code lane} entry of every baggage header when baggage is enabled.
	 * @param transport the lane codec
	 * @param headers the request headers, possibly {@code null}
	 * @return the lane, or {@code null} when the headers carry none (base traffic)
	 */
	public static @Nullable String lane(LaneTransport transport, @Nullable HttpHeaders headers) {
		return (headers != null) ? transport.read(of(headers)) : null;
	}

}
