package dev.lanes.gateway;

import dev.lanes.core.LaneTransport;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaneProxiedHeadersFilter}, in both orders with Spring Cloud Gateway's
 * hop-by-hop filter.
 */
class LaneProxiedHeadersFilterTests {

	private final LaneProxiedHeadersFilter filter = new LaneProxiedHeadersFilter(LaneTransport.DEFAULT);

	private final RemoveHopByHopHeadersFilter hopByHop = new RemoveHopByHopHeadersFilter();

	@Test
	void runsAfterTheHopByHopFilter() {
		assertThat(this.filter.getOrder()).isGreaterThan(this.hopByHop.getOrder());
		assertThat(this.filter.supports(HttpHeadersFilter.Type.REQUEST)).isTrue();
		assertThat(this.filter.supports(HttpHeadersFilter.Type.RESPONSE)).isFalse();
	}

	@Test
	void laneSurvivesConnectionWhicheverFilterRunsFirst() {
		MockServerWebExchange exchange = exchange("gray");
		HttpHeaders afterHopByHop = this.filter.filter(this.hopByHop.filter(attack(), exchange), exchange);
		HttpHeaders beforeHopByHop = this.hopByHop.filter(this.filter.filter(attack(), exchange), exchange);
		for (HttpHeaders headers : new HttpHeaders[] { afterHopByHop, beforeHopByHop }) {
			assertThat(headers.get("x-lane")).containsExactly("gray");
			assertThat(headers.getFirst("baggage")).endsWith("lane=gray");
			assertThat(headers.containsHeader("x-private")).isFalse();
		}
	}

	@Test
	void withoutALaneAttributeEveryLaneIsRemoved() {
		MockServerWebExchange exchange = exchange(null);
		HttpHeaders headers = this.filter.filter(attack(), exchange);
		assertThat(headers.containsHeader("x-lane")).isFalse();
		assertThat(headers.get("baggage")).containsExactly("k=v");
		assertThat(headers.getFirst(HttpHeaders.CONNECTION)).isEqualTo("x-private");
	}

	@Test
	void theGatewaysSignatureSurvivesConnectionAndAClientsSignatureDoesNot() {
		MockServerWebExchange exchange = exchange("gray");
		exchange.getAttributes().put(LaneSigningGlobalFilter.SIGNATURE_ATTRIBUTE, "v1.k1.1.gateway");
		HttpHeaders attack = attack();
		attack.add(HttpHeaders.CONNECTION, "X-Lane-Signature");
		attack.add("x-lane-signature", "v1.k1.1.client");
		HttpHeaders afterHopByHop = this.filter.filter(this.hopByHop.filter(attack, exchange), exchange);
		HttpHeaders beforeHopByHop = this.hopByHop.filter(this.filter.filter(attack, exchange), exchange);
		for (HttpHeaders headers : new HttpHeaders[] { afterHopByHop, beforeHopByHop }) {
			assertThat(headers.get("x-lane-signature")).containsExactly("v1.k1.1.gateway");
		}
		MockServerWebExchange base = exchange(null);
		assertThat(this.filter.filter(attack, base).containsHeader("x-lane-signature")).isFalse();
	}

	private static HttpHeaders attack() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.CONNECTION, "X-Lane, x-private");
		headers.add(HttpHeaders.CONNECTION, "BAGGAGE");
		headers.add("x-lane", "blue");
		headers.add("x-private", "secret");
		headers.add("baggage", "k=v,lane=blue");
		return headers;
	}

	private static MockServerWebExchange exchange(String lane) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/a"));
		if (lane != null) {
			exchange.getAttributes().put(LaneTaggingGlobalFilter.LANE_ATTRIBUTE, lane);
		}
		return exchange;
	}

}
