package dev.lanes.shadow.redis.autoconfigure;

import dev.lanes.shadow.redis.RedisCommandOutcome;
import dev.lanes.shadow.redis.ShadowRedisListener;
import dev.lanes.shadow.redis.metrics.MicrometerShadowRedisListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * A {@link ShadowRedisListener} that resolves the {@link MeterRegistry} on first use,
 * since connection factories are often created before the registry.
 */
final class LazyMicrometerRedisListener implements ShadowRedisListener {

	private final ObjectProvider<MeterRegistry> registry;

	private volatile @Nullable ShadowRedisListener delegate;

	LazyMicrometerRedisListener(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void onCommand(String lane, RedisCommandOutcome outcome) {
		ShadowRedisListener listener = this.delegate;
		if (listener == null) {
			MeterRegistry meterRegistry = this.registry.getIfUnique();
			if (meterRegistry == null) {
				return;
			}
			listener = new MicrometerShadowRedisListener(meterRegistry);
			this.delegate = listener;
		}
		listener.onCommand(lane, outcome);
	}

}
