package dev.lanes.shadow.autoconfigure;

import java.util.Set;

import dev.lanes.shadow.ShadowOutcome;
import dev.lanes.shadow.ShadowStatementListener;
import dev.lanes.shadow.metrics.MicrometerShadowStatementListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * A {@link ShadowStatementListener} that resolves the {@link MeterRegistry} on first use,
 * since data sources are often created before the registry.
 */
final class LazyMicrometerListener implements ShadowStatementListener {

	private final ObjectProvider<MeterRegistry> registry;

	private final Set<String> lanes;

	private volatile @Nullable ShadowStatementListener delegate;

	LazyMicrometerListener(ObjectProvider<MeterRegistry> registry, Set<String> lanes) {
		this.registry = registry;
		this.lanes = lanes;
	}

	@Override
	public void onStatement(@Nullable String lane, ShadowOutcome outcome) {
		ShadowStatementListener listener = this.delegate;
		if (listener == null) {
			MeterRegistry meterRegistry = this.registry.getIfUnique();
			if (meterRegistry == null) {
				return;
			}
			listener = new MicrometerShadowStatementListener(meterRegistry, this.lanes);
			this.delegate = listener;
		}
		listener.onStatement(lane, outcome);
	}

}
