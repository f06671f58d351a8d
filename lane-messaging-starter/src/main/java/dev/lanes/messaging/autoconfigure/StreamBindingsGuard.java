package dev.lanes.messaging.autoconfigure;

import org.springframework.beans.factory.InitializingBean;

/**
 * Fails startup when Spring Cloud Stream is on the class path: its binders build their
 * own producers and listener containers, which lanes do not stamp or route yet, so a
 * stream binding would publish gray messages without their lane and consume the messages
 * of every lane. Failing is the safe answer until bindings are supported; set
 * {@code lane.messaging.enabled=false} to run such a service without lanes on messages.
 */
final class StreamBindingsGuard implements InitializingBean {

	static final String STREAM_BINDER = "org.springframework.cloud.stream.binder.Binder";

	private final boolean streamPresent;

	StreamBindingsGuard(boolean streamPresent) {
		this.streamPresent = streamPresent;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.streamPresent) {
			throw new IllegalStateException("Spring Cloud Stream is on the class path but lanes do not stamp or route"
					+ " its bindings yet: they would carry and consume messages of every lane. Remove it, or set"
					+ " lane.messaging.enabled=false to run without lanes on messages");
		}
	}

}
