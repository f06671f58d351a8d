package dev.lanes.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.lanes.core.trust.LaneSignatures;
import org.jspecify.annotations.Nullable;

/**
 * How a lane travels in request headers: the lane header and, when enabled, the
 * {@code lane} entry of the W3C {@code baggage} header. It is the one codec that every
 * inbound filter, outbound client, load balancer and the gateway use, so they all read
 * and write a lane the same way.
 * <p>
 * Reading: the first non-blank value of the lane header wins; otherwise the first
 * {@code lane} entry among every {@code baggage} header (several {@code baggage} headers
 * are one comma-separated list, RFC 9110 section 5.3). A value that is not a valid lane
 * name (including {@value Lanes#BASE}) means base traffic, so a malformed header can
 * never select a tagged instance. Lanes are returned in canonical lower case.
 */
public final class LaneTransport {

	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	/**
	 * The lane header {@value LaneHeaders#DEFAULT_LANE_HEADER} and baggage.
	 */
	public static final LaneTransport DEFAULT = new LaneTransport(LaneHeaders.DEFAULT_LANE_HEADER, true);

	private final String header;

	private final boolean baggage;

	/**
	 * Creates a transport.
	 * @param header name of the header that carries the lane
	 * @param baggage whether the lane is also read from and written to {@code baggage}
	 * @throws IllegalArgumentException when {@code header} is not an HTTP header name or
	 * is {@code baggage}
	 */
	public LaneTransport(String header, boolean baggage) {
		if (header == null || !TOKEN.matcher(header.trim()).matches()) {
			throw new IllegalArgumentException("'" + header + "' is not an HTTP header name");
		}
		if (LaneHeaders.BAGGAGE.equalsIgnoreCase(header.trim())) {
			throw new IllegalArgumentException("The lane header cannot be the baggage header");
		}
		this.header = header.trim().toLowerCase(Locale.ROOT);
		this.baggage = baggage;
	}

	/**
	 * Returns the name of the lane header, in lower case.
	 * @return the header name
	 */
	public String header() {
		return this.header;
	}

	/**
	 * Tells whether the lane is also carried in {@code baggage}.
	 * @return whether baggage carries the lane
	 */
	public boolean baggage() {
		return this.baggage;
	}

	/**
	 * Reads the lane carried by a request's headers.
	 * @param headers the request's headers
	 * @return the lane, or {@code null} for base traffic
	 */
	public @Nullable String read(Headers headers) {
		for (String value : headers.values(this.header)) {
			if (value != null && !value.isBlank()) {
				return Lanes.canonical(value);
			}
		}
		return this.baggage ? Lanes.canonical(LaneHeaders.laneFromBaggage(headers.values(LaneHeaders.BAGGAGE))) : null;
	}

	/**
	 * Tells whether the headers carry anything that names a lane, valid or not: a lane
	 * header or a {@code lane} entry in any {@code baggage} header.
	 * @param headers the request's headers
	 * @return whether a lane is present
	 */
	public boolean isPresent(Headers headers) {
		return !headers.values(this.header).isEmpty()
				|| LaneHeaders.laneFromBaggage(headers.values(LaneHeaders.BAGGAGE)) != null;
	}

	/**
	 * Makes the headers carry exactly {@code lane}: every lane header value and every
	 * {@code lane} entry of every {@code baggage} header is removed (whether baggage is
	 * enabled or not), the other baggage entries are kept, in order, in one header; then
	 * the lane header (and the baggage entry, when enabled) is set to {@code lane}.
	 * @param headers the headers to change
	 * @param lane the lane, or {@code null} for base traffic (no lane at all)
	 * @throws IllegalArgumentException when {@code lane} is not a valid lane name
	 */
	public void write(Headers headers, @Nullable String lane) {
		String canonical = null;
		if (lane != null) {
			canonical = Lanes.canonical(lane);
			if (canonical == null) {
				throw new IllegalArgumentException("'" + lane + "' is not a valid lane name");
			}
		}
		headers.set(this.header, canonical);
		List<String> baggageValues = headers.values(LaneHeaders.BAGGAGE);
		String others = LaneHeaders.withoutBaggageLane(baggageValues);
		if (canonical != null && this.baggage) {
			headers.set(LaneHeaders.BAGGAGE, LaneHeaders.withBaggageLane(others, canonical));
		}
		else if (!baggageValues.isEmpty()) {
			headers.set(LaneHeaders.BAGGAGE, others);
		}
	}

	/**
	 * Tells whether a header of this name carries the lane: the lane header,
	 * {@code baggage} (which holds the lane entry under any setting), or the lane's
	 * signature ({@value dev.lanes.core.trust.LaneSignatures#HEADER}).
	 * @param name a header name, in any case
	 * @return whether the header carries the lane
	 */
	public boolean carries(String name) {
		String trimmed = name.trim();
		return this.header.equalsIgnoreCase(trimmed) || LaneHeaders.BAGGAGE.equalsIgnoreCase(trimmed)
				|| LaneSignatures.HEADER.equalsIgnoreCase(trimmed);
	}

	/**
	 * Returns the options of {@code Connection} header values without the headers that
	 * carry the lane, so that no hop-by-hop handling can remove the lane because a client
	 * named it in {@code Connection}.
	 * @param connection the values of the {@code Connection} header
	 * @return the options to keep, or {@code null} when none remain
	 */
	public @Nullable String connectionWithoutLane(List<String> connection) {
		List<String> kept = new ArrayList<>();
		for (String value : connection) {
			for (String option : value.split(",")) {
				String trimmed = option.trim();
				if (!trimmed.isEmpty() && !carries(trimmed)) {
					kept.add(trimmed);
				}
			}
		}
		return kept.isEmpty() ? null : String.join(", ", kept);
	}

	@Override
	public String toString() {
		return "LaneTransport[header=" + this.header + ", baggage=" + this.baggage + "]";
	}

	/**
	 * Access to the headers of one request, whatever its HTTP library: read-only as a
	 * lambda over {@link #values}, writable through {@link #of}.
	 */
	@FunctionalInterface
	public interface Headers {

		/**
		 * Returns every value of a header, matching its name in any case.
		 * @param name the header name
		 * @return the values, empty when the header is absent
		 */
		List<String> values(String name);

		/**
		 * Replaces every value of a header, or removes it.
		 * @param name the header name
		 * @param value the only value, or {@code null} to remove the header
		 * @throws UnsupportedOperationException when the headers are read-only
		 */
		default void set(String name, @Nullable String value) {
			throw new UnsupportedOperationException("These headers are read-only");
		}

		/**
		 * Adapts a header map's methods.
		 * @param values returns every value of a header, empty when absent
		 * @param set replaces the values of a header with one value
		 * @param remove removes a header
		 * @return the adapter
		 */
		static Headers of(Function<String, List<String>> values, BiConsumer<String, String> set,
				Consumer<String> remove) {
			return new Headers() {

				@Override
				public List<String> values(String name) {
					return values.apply(name);
				}

				@Override
				public void set(String name, @Nullable String value) {
					if (value != null) {
						set.accept(name, value);
					}
					else {
						remove.accept(name);
					}
				}

			};
		}

	}

}
