package dev.lanes.loadbalancer.propagation;

import java.io.IOException;

import dev.lanes.core.LaneContext;
import dev.lanes.core.LaneTransport;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.SpringHeaders;
import dev.lanes.loadbalancer.inbound.LaneOrigin;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.Assert;

/**
 * A {@link ClientHttpRequestInterceptor} for {@code RestTemplate} and {@code RestClient}
 * that adds the {@link LaneContext} lane to every outgoing request.
 */
public class LaneClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private final LaneProperties properties;

	private final OutboundLaneGuard guard;

	/**
	 * Creates an interceptor.
	 * @param properties the header settings
	 */
	public LaneClientHttpRequestInterceptor(LaneProperties properties) {
		this(properties, new OutboundLaneGuard(properties, null));
	}

	/**
	 * Creates an interceptor.
	 * @param properties the header settings
	 * @param guard forwards the inbound signature and counts lost lanes
	 */
	public LaneClientHttpRequestInterceptor(LaneProperties properties, OutboundLaneGuard guard) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(guard, "'guard' must not be null");
		this.properties = properties;
		this.guard = guard;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String lane = LanePropagation.currentLane();
		LaneTransport.Headers headers = SpringHeaders.of(request.getHeaders());
		LanePropagation.write(this.properties, lane, headers);
		this.guard.guard(OutboundLaneGuard.REST, lane, LaneOrigin.current(), headers);
		return execution.execute(request, body);
	}

}
