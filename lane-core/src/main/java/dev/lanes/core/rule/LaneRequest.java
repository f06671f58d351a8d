package dev.lanes.core.rule;

import org.jspecify.annotations.Nullable;

/**
 * The parts of an incoming request that rules can read. Each method returns {@code null}
 * when the request has no such value; a condition on a missing value is false, whatever
 * its operator, except {@code exists}.
 */
public interface LaneRequest {

	/**
	 * Returns the first value of a header, matched case-insensitively by name.
	 * @param name the header name
	 * @return the value, or {@code null}
	 */
	@Nullable String header(String name);

	/**
	 * Returns the first value of a query parameter.
	 * @param name the parameter name
	 * @return the decoded value, or {@code null}
	 */
	@Nullable String queryParam(String name);

	/**
	 * Returns the value of a cookie.
	 * @param name the cookie name
	 * @return the value, or {@code null}
	 */
	@Nullable String cookie(String name);

	/**
	 * Returns the request path, without the query string.
	 * @return the path
	 */
	String path();

	/**
	 * Returns the host the request was sent to, without the port.
	 * @return the host, or {@code null}
	 */
	@Nullable String host();

	/**
	 * Returns the HTTP method, upper case.
	 * @return the method
	 */
	String method();

	/**
	 * Returns the client's IP address in its textual form.
	 * @return the address, or {@code null}
	 */
	@Nullable String remoteAddress();

	/**
	 * Returns a field of the JSON body as text: a string as is, a number or boolean as
	 * written, an object or array as JSON.
	 * @param jsonPointer an RFC 6901 JSON pointer such as {@code /order/channel}
	 * @return the value, or {@code null} when there is no JSON body or no such field
	 */
	@Nullable String bodyField(String jsonPointer);

	/**
	 * Returns the first value of a field of an {@code application/x-www-form-urlencoded}
	 * body.
	 * @param name the field name
	 * @return the decoded value, or {@code null}
	 */
	@Nullable String formField(String name);

}
