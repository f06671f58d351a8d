package dev.lanes.loadbalancer;

import java.util.Locale;

import dev.lanes.core.LaneHeaders;
import dev.lanes.core.LaneTransport;
import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Properties shared by every Lanes starter: how a lane travels between services and which
 * lane this instance belongs to.
 */
@ConfigurationProperties("lane")
public class LaneProperties {

	/**
	 * Name of the header that carries the lane between services.
	 */
	private String header = LaneHeaders.DEFAULT_LANE_HEADER;

	/**
	 * Whether the lane is also read from and written to the W3C "baggage" header as the
	 * entry "lane=&lt;lane&gt;".
	 */
	private boolean baggage = true;

	private volatile LaneTransport transport = LaneTransport.DEFAULT;

	private final Inbound inbound = new Inbound();

	private final Instance instance = new Instance();

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		try {
			this.transport = new LaneTransport(header, this.baggage);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("lane.header", header, ex.getMessage());
		}
		this.header = this.transport.header();
	}

	public boolean isBaggage() {
		return this.baggage;
	}

	public void setBaggage(boolean baggage) {
		this.baggage = baggage;
		this.transport = new LaneTransport(this.header, baggage);
	}

	/**
	 * Returns how the lane travels in headers, from {@code lane.header} and
	 * {@code lane.baggage}.
	 * @return the lane codec
	 */
	public LaneTransport transport() {
		return this.transport;
	}

	public Inbound getInbound() {
		return this.inbound;
	}

	public Instance getInstance() {
		return this.instance;
	}

	/**
	 * Capture of the lane of incoming requests.
	 */
	public static class Inbound {

		/**
		 * Whether the servlet filter or WebFlux filter makes the lane header or baggage
		 * of an incoming request the lane of the work it starts. An edge service that
		 * must not trust lanes sent by clients (a gateway that strips them) turns it off.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Lane of this instance.
	 */
	public static class Instance {

		/**
		 * Lane this instance serves, published as registry metadata "lane". Absent for a
		 * base instance.
		 */
		private @Nullable String tag;

		public @Nullable String getTag() {
			return this.tag;
		}

		public void setTag(@Nullable String tag) {
			String trimmed = StringUtils.hasText(tag) ? tag.trim() : null;
			if (trimmed != null && !Lanes.isValidName(trimmed)) {
				throw new InvalidConfigurationPropertyValueException("lane.instance.tag", tag,
						"A lane name is 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit,"
								+ " and is not 'base'");
			}
			this.tag = (trimmed != null) ? trimmed.toLowerCase(Locale.ROOT) : null;
		}

	}

}
