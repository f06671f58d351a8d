package dev.lanes.gateway;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads a request body for the body and form rules of {@link LaneTaggingGlobalFilter}:
 * only JSON and form content, at most {@code lane.gateway.max-body-size} bytes, and hands
 * on an exchange that replays the body byte for byte to the backend.
 */
final class LaneBodyCapture {

	private static final Log logger = LogFactory.getLog(LaneBodyCapture.class);

	private final int maxBodyBytes;

	/**
	 * Creates a capture.
	 * @param maxBodyBytes the largest body read
	 */
	LaneBodyCapture(int maxBodyBytes) {
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * Tells whether the body of a request is read: JSON or form content whose declared
	 * length is not above the limit and not zero.
	 * @param request the request
	 * @return whether to capture its body
	 */
	boolean isReadable(ServerHttpRequest request) {
		MediaType contentType = request.getHeaders().getContentType();
		if (contentType == null || !(MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)
				|| MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| contentType.getSubtype().endsWith("+json"))) {
			return false;
		}
		long length = request.getHeaders().getContentLength();
		if (length > this.maxBodyBytes) {
			if (logger.isDebugEnabled()) {
				logger.debug("Body of " + length + " bytes exceeds lane.gateway.max-body-size; body rules see no body");
			}
			return false;
		}
		return length != 0;
	}

	/**
	 * Reads the body, then continues with an exchange that replays it and the bytes read.
	 * A chunked body that turns out larger than the limit is refused with 413.
	 * @param exchange the exchange
	 * @param then what to do with the replaying exchange and the body
	 * @return the completion of the exchange
	 */
	Mono<Void> capture(ServerWebExchange exchange, BiFunction<ServerWebExchange, byte[], Mono<Void>> then) {
		return DataBufferUtils.join(exchange.getRequest().getBody(), this.maxBodyBytes)
			.map(LaneBodyCapture::consume)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> then.apply(exchange.mutate().request(replay(exchange, body)).build(), body))
			.onErrorResume(DataBufferLimitException.class, (ex) -> refuse(exchange));
	}

	private Mono<Void> refuse(ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
		byte[] message = ("Request body exceeds lane.gateway.max-body-size (" + this.maxBodyBytes + " bytes)")
			.getBytes(StandardCharsets.UTF_8);
		return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(message)));
	}

	private static ServerHttpRequest replay(ServerWebExchange exchange, byte[] body) {
		return new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
	}

	private static byte[] consume(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
