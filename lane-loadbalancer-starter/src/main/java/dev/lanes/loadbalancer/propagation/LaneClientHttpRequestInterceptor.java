package dev.lanes.loadbalancer.propagation;

import java.io.IOException;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.SpringHeaders;

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

	/**
	 * Creates an interceptor.
	 * @param properties the header settings
	 */
	public LaneClientHttpRequestInterceptor(LaneProperties properties) {
		Assert.notNull(properties, "'properties' must not be null");
		this.properties = properties;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		LanePropagation.write(this.properties, LanePropagation.currentLane(), SpringHeaders.of(request.getHeaders()));
		return execution.execute(request, body);
	}

}
