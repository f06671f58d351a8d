package dev.lanes.loadbalancer.propagation;

import dev.lanes.core.LaneContext;
import dev.lanes.loadbalancer.inbound.InboundLane;
import dev.lanes.loadbalancer.inbound.LaneOrigin;

import org.springframework.core.task.TaskDecorator;

/**
 * A {@link TaskDecorator} that runs a task in the lane of the thread that submitted it.
 * The worker's lane is set for the task (cleared for base work, whatever a previous task
 * left behind) and restored when the task ends; so is the inbound lane it came from
 * ({@link LaneOrigin}), with the signature to forward.
 */
public class LaneTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable runnable) {
		String lane = LaneContext.current();
		InboundLane origin = LaneOrigin.current();
		return () -> {
			try (LaneContext.Scope scope = LaneContext.open(lane); LaneOrigin.Scope from = LaneOrigin.open(origin)) {
				runnable.run();
			}
		};
	}

}
