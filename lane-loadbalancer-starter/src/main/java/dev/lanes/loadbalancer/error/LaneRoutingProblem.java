package dev.lanes.loadbalancer.error;

import java.nio.charset.StandardCharsets;

import dev.lanes.core.Lanes;
import dev.lanes.loadbalancer.LaneRoutingException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * The RFC 9457 problem detail of a {@link LaneRoutingException}: status 503, the reason
 * as {@code detail}, and the {@code service} and {@code lane} ({@code base} for base
 * traffic) as extension members.
 */
public final class LaneRoutingProblem {

	/**
	 * Media type of the body.
	 */
	public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

	private LaneRoutingProblem() {
	}

	/**
	 * Finds the {@link LaneRoutingException} in an exception or its causes.
	 * @param ex the exception
	 * @return the routing exception, or {@code null}
	 */
	public static @Nullable LaneRoutingException find(@Nullable Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof LaneRoutingException routing) {
				return routing;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	/**
	 * Returns the body of the problem detail.
	 * @param ex the refusal
	 * @param instance the path of the refused request, or {@code null}
	 * @return the JSON body, in UTF-8
	 */
	public static byte[] body(LaneRoutingException ex, @Nullable String instance) {
		StringBuilder json = new StringBuilder("{");
		member(json, "type", "about:blank").append(',');
		member(json, "title", "Service Unavailable").append(',');
		json.append("\"status\":").append(ex.getStatusCode().value()).append(',');
		member(json, "detail", String.valueOf(ex.getReason())).append(',');
		if (instance != null) {
			member(json, "instance", instance).append(',');
		}
		member(json, "service", String.valueOf(ex.getServiceId())).append(',');
		member(json, "lane", Lanes.label(ex.getLane()));
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static StringBuilder member(StringBuilder json, String name, String value) {
		json.append('"').append(name).append("\":\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"');
	}

}
