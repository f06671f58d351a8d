package dev.lanes.loadbalancer.propagation;

import dev.lanes.core.LaneContext;

import org.springframework.core.task.TaskDecorator;

/**
 * A {@link TaskDecorator} that runs a task in the lane of the thread that submitted it.
 * The worker's lane is set for the task (cleared for base work, whatever a previous task
 * left behind) and restored when the task ends.
 */
public class LaneTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable runnable) {
		String lane = LaneContext.current();
		return () -> {
			try (LaneContext.Scope scope = LaneContext.open(lane)) {
				runnable.run();
			}
		};
	}

}
