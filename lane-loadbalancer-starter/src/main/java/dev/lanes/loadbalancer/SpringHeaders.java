package dev.lanes.loadbalancer;

import dev.lanes.core.LaneTransport;

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

}
