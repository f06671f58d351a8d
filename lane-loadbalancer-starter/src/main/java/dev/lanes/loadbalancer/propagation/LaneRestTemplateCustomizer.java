package dev.lanes.loadbalancer.propagation;

import java.util.List;

import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.Assert;
import org.springframework.web.client.RestTemplate;

/**
 * A {@link RestTemplateCustomizer} that puts a {@link LaneClientHttpRequestInterceptor}
 * first, so that the load balancer's interceptor, added later, sees the lane header.
 */
public class LaneRestTemplateCustomizer implements RestTemplateCustomizer {

	private final LaneClientHttpRequestInterceptor interceptor;

	/**
	 * Creates a customizer.
	 * @param interceptor the interceptor to add
	 */
	public LaneRestTemplateCustomizer(LaneClientHttpRequestInterceptor interceptor) {
		Assert.notNull(interceptor, "'interceptor' must not be null");
		this.interceptor = interceptor;
	}

	@Override
	public void customize(RestTemplate restTemplate) {
		List<ClientHttpRequestInterceptor> interceptors = restTemplate.getInterceptors();
		if (!interceptors.contains(this.interceptor)) {
			interceptors.add(0, this.interceptor);
		}
	}

}
