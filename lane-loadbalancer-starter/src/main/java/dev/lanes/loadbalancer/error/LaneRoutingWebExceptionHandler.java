package dev.lanes.loadbalancer.error;

import dev.lanes.loadbalancer.LaneRoutingException;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * A {@link WebExceptionHandler} that answers a request the lane-aware load balancer
 * refused ({@link LaneRoutingException}, also as a cause) with status 503 and its
 * {@link LaneRoutingProblem problem detail}, before Spring Boot's error handling, so the
 * client learns why whatever the {@code server.error} settings.
 */
public class LaneRoutingWebExceptionHandler implements WebExceptionHandler, Ordered {

	/**
	 * Order of the handler: before Spring Boot's error handler ({@code -1}).
	 */
	public static final int ORDER = -2;

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		LaneRoutingException routing = LaneRoutingProblem.find(ex);
		ServerHttpResponse response = exchange.getResponse();
		if (routing == null || response.isCommitted()) {
			return Mono.error(ex);
		}
		response.setStatusCode(routing.getStatusCode());
		response.getHeaders().setContentType(LaneRoutingProblem.MEDIA_TYPE);
		byte[] body = LaneRoutingProblem.body(routing, exchange.getRequest().getPath().value());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
