package dev.lanes.loadbalancer.propagation;

import dev.lanes.core.LaneContext;
import dev.lanes.core.Lanes;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * A Micrometer context-propagation {@link ThreadLocalAccessor} for {@link LaneContext},
 * so that the lane moves between the Reactor context (key
 * {@link LanePropagation#CONTEXT_KEY}) and the thread that runs an operator. Registered
 * with the global {@code ContextRegistry} through {@code META-INF/services}.
 */
public class LaneThreadLocalAccessor implements ThreadLocalAccessor<String> {

	@Override
	public Object key() {
		return LanePropagation.CONTEXT_KEY;
	}

	@Override
	public @Nullable String getValue() {
		return LaneContext.current();
	}

	/**
	 * Makes the lane of the Reactor context current. A value that is not a valid lane
	 * name (something other code put under the key) makes the work base traffic rather
	 * than fail the operator that restores it.
	 * @param value the lane from the Reactor context
	 */
	@Override
	public void setValue(String value) {
		LaneContext.set(Lanes.canonical(value));
	}

	@Override
	public void setValue() {
		LaneContext.clear();
	}

}
