package dev.lanes.shadow.redis.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.lanes.shadow.redis.RedisCommandOutcome;
import dev.lanes.shadow.redis.ShadowRedisListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A {@link ShadowRedisListener} that counts commands in the {@value #METRIC_NAME}
 * counter, tagged {@code lane} (a shadowed lane, {@code base}, or {@code _other} for the
 * lanes that are not shadowed, so the configuration bounds the tag values) and
 * {@code outcome} ({@code prefixed}, {@code fallback}, {@code passed}, {@code rejected}).
 */
public final class MicrometerShadowRedisListener implements ShadowRedisListener {

	/**
	 * Name of the counter.
	 */
	public static final String METRIC_NAME = "lanes.shadow.redis.commands";

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Creates a listener that registers its counters in {@code registry}.
	 * @param registry the meter registry
	 */
	public MicrometerShadowRedisListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onCommand(String lane, RedisCommandOutcome outcome) {
		Counter counter = this.counters.get(lane + '\u0000' + outcome.tag());
		if (counter == null) {
			counter = this.counters.computeIfAbsent(lane + '\u0000' + outcome.tag(),
					(key) -> Counter.builder(METRIC_NAME)
						.description("Redis commands seen by the shadow connection factory, by lane and outcome")
						.tag("lane", lane)
						.tag("outcome", outcome.tag())
						.register(this.registry));
		}
		counter.increment();
	}

}
