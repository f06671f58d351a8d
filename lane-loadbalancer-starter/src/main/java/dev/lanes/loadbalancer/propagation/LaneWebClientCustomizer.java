package dev.lanes.loadbalancer.propagation;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A {@link WebClientCustomizer} that puts a {@link LaneExchangeFilterFunction} first, so
 * that the load balancer's filter, added later, sees the lane header.
 */
public class LaneWebClientCustomizer implements WebClientCustomizer {

	private final LaneExchangeFilterFunction filter;

	/**
	 * Creates a customizer.
	 * @param filter the filter function to add
	 */
	public LaneWebClientCustomizer(LaneExchangeFilterFunction filter) {
		Assert.notNull(filter, "'filter' must not be null");
		this.filter = filter;
	}

	@Override
	public void customize(WebClient.Builder builder) {
		builder.filters((filters) -> {
			if (!filters.contains(this.filter)) {
				filters.add(0, this.filter);
			}
		});
	}

}
