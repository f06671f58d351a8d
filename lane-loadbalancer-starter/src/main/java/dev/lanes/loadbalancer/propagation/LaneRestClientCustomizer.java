package dev.lanes.loadbalancer.propagation;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

/**
 * A {@link RestClientCustomizer} that puts a {@link LaneClientHttpRequestInterceptor}
 * first, so that the load balancer's interceptor, added later, sees the lane header.
 */
public class LaneRestClientCustomizer implements RestClientCustomizer {

	private final LaneClientHttpRequestInterceptor interceptor;

	/**
	 * Creates a customizer.
	 * @param interceptor the interceptor to add
	 */
	public LaneRestClientCustomizer(LaneClientHttpRequestInterceptor interceptor) {
		Assert.notNull(interceptor, "'interceptor' must not be null");
		this.interceptor = interceptor;
	}

	@Override
	public void customize(RestClient.Builder builder) {
		builder.requestInterceptors((interceptors) -> {
			if (!interceptors.contains(this.interceptor)) {
				interceptors.add(0, this.interceptor);
			}
		});
	}

}
