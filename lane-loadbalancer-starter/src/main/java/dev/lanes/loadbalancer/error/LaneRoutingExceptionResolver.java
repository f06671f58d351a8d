package dev.lanes.loadbalancer.error;

import java.io.IOException;

import dev.lanes.loadbalancer.LaneRoutingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A {@link HandlerExceptionResolver} that answers a request whose handler was refused an
 * instance by the lane-aware load balancer ({@link LaneRoutingException}, also as a
 * cause) with status 503 and its {@link LaneRoutingProblem problem detail}, before Spring
 * MVC's resolvers turn it into an error page that {@code server.error} settings may leave
 * without a reason.
 */
public class LaneRoutingExceptionResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		LaneRoutingException routing = LaneRoutingProblem.find(ex);
		if (routing == null || response.isCommitted()) {
			return null;
		}
		try {
			response.setStatus(routing.getStatusCode().value());
			response.setContentType(LaneRoutingProblem.MEDIA_TYPE.toString());
			response.getOutputStream().write(LaneRoutingProblem.body(routing, request.getRequestURI()));
			response.flushBuffer();
		}
		catch (IOException writeFailure) {
			return null;
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
