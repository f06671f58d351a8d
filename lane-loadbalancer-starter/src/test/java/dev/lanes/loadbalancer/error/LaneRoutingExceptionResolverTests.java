package dev.lanes.loadbalancer.error;

import dev.lanes.loadbalancer.LaneRoutingException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaneRoutingExceptionResolver}.
 */
class LaneRoutingExceptionResolverTests {

	private final LaneRoutingExceptionResolver resolver = new LaneRoutingExceptionResolver();

	@Test
	void refusalAlsoAsACauseIsAProblemDetail() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		LaneRoutingException refusal = new LaneRoutingException("c", "gray",
				"Service 'c' has no instance of lane \"gray\"");
		ModelAndView handled = this.resolver.resolveException(new MockHttpServletRequest("GET", "/orders"), response,
				null, new IllegalStateException("wrapped", refusal));
		assertThat(handled).isNotNull();
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString())
			.isEqualTo("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
					+ "\"status\":503,\"detail\":\"Service 'c' has no instance of lane \\\"gray\\\"\","
					+ "\"instance\":\"/orders\",\"service\":\"c\",\"lane\":\"gray\"}");
	}

	@Test
	void otherExceptionsAreLeftToTheOtherResolvers() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.resolver.resolveException(new MockHttpServletRequest(), response, null,
				new IllegalStateException("other")))
			.isNull();
		assertThat(response.getStatus()).isEqualTo(200);
	}

}
