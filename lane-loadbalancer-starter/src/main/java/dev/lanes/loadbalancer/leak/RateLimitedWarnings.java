package dev.lanes.loadbalancer.leak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;

/**
 * Logs a WARN at most once a minute per key, so a flood of bad requests cannot flood the
 * log. Keys must come from a bounded set.
 */
public final class RateLimitedWarnings {

	private static final long INTERVAL_NANOS = 60_000_000_000L;

	private static final int MAX_KEYS = 1000;

	private final Log logger;

	private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

	/**
	 * Creates a limiter.
	 * @param logger the logger to write to
	 */
	public RateLimitedWarnings(Log logger) {
		this.logger = logger;
	}

	/**
	 * Logs {@code message} unless a warning of the same key was logged less than a minute
	 * ago.
	 * @param key what the warning is about
	 * @param message the message, built only when logged
	 */
	public void warn(String key, Supplier<String> message) {
		if (!this.logger.isWarnEnabled()) {
			return;
		}
		long now = System.nanoTime();
		Long last = this.lastLogged.get(key);
		if (last != null && now - last < INTERVAL_NANOS) {
			return;
		}
		if (this.lastLogged.size() >= MAX_KEYS) {
			this.lastLogged.clear();
		}
		if (last == null ? this.lastLogged.putIfAbsent(key, now) == null : this.lastLogged.replace(key, last, now)) {
			this.logger.warn(message.get());
		}
	}

}
