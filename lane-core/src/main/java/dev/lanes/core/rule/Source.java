package dev.lanes.core.rule;

import java.util.Locale;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * Where a condition reads its value, named in configuration by {@link #id()}.
 */
public enum Source {

	/**
	 * A request header; {@code name} is the header name.
	 */
	HEADER("header", true, LaneRequest::header),

	/**
	 * A query parameter; {@code name} is the parameter name.
	 */
	QUERY("query", true, LaneRequest::queryParam),

	/**
	 * A cookie; {@code name} is the cookie name.
	 */
	COOKIE("cookie", true, LaneRequest::cookie),

	/**
	 * The request path; takes no {@code name}.
	 */
	PATH("path", false, (request, name) -> request.path()),

	/**
	 * The host, compared case-insensitively; takes no {@code name}.
	 */
	HOST("host", false, (request, name) -> lowerCase(request.host())),

	/**
	 * The HTTP method, compared case-insensitively; takes no {@code name}.
	 */
	METHOD("method", false, (request, name) -> request.method().toUpperCase(Locale.ROOT)),

	/**
	 * The client's IP address; {@code ==}, {@code !=}, {@code in} and {@code not-in} take
	 * addresses or CIDR blocks such as {@code 10.0.0.0/8}. Takes no {@code name}.
	 */
	REMOTE_ADDRESS("remote-address", false, (request, name) -> request.remoteAddress()),

	/**
	 * A field of a JSON body; {@code name} is a JSON pointer such as
	 * {@code /order/channel}.
	 */
	BODY("body", true, LaneRequest::bodyField),

	/**
	 * A field of a form-encoded body; {@code name} is the field name.
	 */
	FORM("form", true, LaneRequest::formField);

	private final String id;

	private final boolean named;

	private final BiFunction<LaneRequest, String, @Nullable String> reader;

	Source(String id, boolean named, BiFunction<LaneRequest, String, @Nullable String> reader) {
		this.id = id;
		this.named = named;
		this.reader = reader;
	}

	/**
	 * Returns the name of this source in configuration.
	 * @return the configuration name
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Tells whether conditions on this source need a {@code name}.
	 * @return whether a name is required
	 */
	public boolean isNamed() {
		return this.named;
	}

	/**
	 * Tells whether reading this source needs the request body.
	 * @return whether the body is read
	 */
	public boolean readsBody() {
		return this == BODY || this == FORM;
	}

	@Nullable String read(LaneRequest request, String name) {
		return this.reader.apply(request, name);
	}

	/**
	 * Finds the source with the given configuration name.
	 * @param id the configuration name, e.g. {@code header}
	 * @return the source, or {@code null} when there is none
	 */
	public static @Nullable Source fromId(@Nullable String id) {
		for (Source source : values()) {
			if (source.id.equals(id)) {
				return source;
			}
		}
		return null;
	}

	private static @Nullable String lowerCase(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

}
