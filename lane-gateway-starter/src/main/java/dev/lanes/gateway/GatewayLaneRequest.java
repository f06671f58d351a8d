package dev.lanes.gateway;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import dev.lanes.core.rule.LaneRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A {@link LaneRequest} over a gateway request and, when a rule needs it, its buffered
 * body. The body is parsed lazily, at most once, and only as JSON or form data.
 * <p>
 * A JSON body in which an object repeats a key is not read at all (every body field is
 * missing): parsers disagree on which of the values counts, so a rule must not see one
 * value while the backend acts on another. Headers, query parameters and form fields that
 * repeat a name give a rule their first value.
 */
final class GatewayLaneRequest implements LaneRequest {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final ServerHttpRequest request;

	private final byte @Nullable [] body;

	private @Nullable JsonNode json;

	private @Nullable MultiValueMap<String, String> form;

	GatewayLaneRequest(ServerHttpRequest request, byte @Nullable [] body) {
		this.request = request;
		this.body = body;
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeaders().getFirst(name);
	}

	@Override
	public @Nullable String queryParam(String name) {
		return this.request.getQueryParams().getFirst(name);
	}

	@Override
	public @Nullable String cookie(String name) {
		HttpCookie cookie = this.request.getCookies().getFirst(name);
		return (cookie != null) ? cookie.getValue() : null;
	}

	@Override
	public String path() {
		return this.request.getPath().value();
	}

	@Override
	public @Nullable String host() {
		return this.request.getURI().getHost();
	}

	@Override
	public String method() {
		return this.request.getMethod().name();
	}

	@Override
	public @Nullable String remoteAddress() {
		InetSocketAddress address = this.request.getRemoteAddress();
		return (address != null && address.getAddress() != null) ? address.getAddress().getHostAddress() : null;
	}

	@Override
	public @Nullable String bodyField(String jsonPointer) {
		JsonNode root = json();
		if (root == null) {
			return null;
		}
		JsonNode node = root.at(jsonPointer);
		if (node.isMissingNode() || node.isNull()) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	@Override
	public @Nullable String formField(String name) {
		if (this.body == null) {
			return null;
		}
		if (this.form == null) {
			this.form = parseForm(new String(this.body, StandardCharsets.UTF_8));
		}
		return this.form.getFirst(name);
	}

	private @Nullable JsonNode json() {
		if (this.json == null && this.body != null && this.body.length > 0) {
			try {
				this.json = JSON.readTree(this.body);
			}
			catch (JacksonException ex) {
				// Not JSON after all, or a repeated key: every body field is missing.
				this.json = JSON.missingNode();
			}
		}
		return this.json;
	}

	private static MultiValueMap<String, String> parseForm(String text) {
		MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = (eq >= 0) ? pair.substring(0, eq) : pair;
			String value = (eq >= 0) ? pair.substring(eq + 1) : "";
			try {
				fields.add(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				// A malformed escape makes that field missing, not the request fail.
			}
		}
		return fields;
	}

}
