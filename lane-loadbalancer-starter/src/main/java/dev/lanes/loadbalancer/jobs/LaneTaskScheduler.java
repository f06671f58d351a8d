package dev.lanes.loadbalancer.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * A {@link TaskScheduler} that runs every task it schedules in the {@link LaneJobs} lane,
 * over the application's scheduler.
 */
public class LaneTaskScheduler implements TaskScheduler {

	private final TaskScheduler delegate;

	private final LaneJobs jobs;

	/**
	 * Creates a scheduler over {@code delegate}.
	 * @param delegate the scheduler that runs the tasks
	 * @param jobs the lane the tasks run in
	 */
	public LaneTaskScheduler(TaskScheduler delegate, LaneJobs jobs) {
		this.delegate = delegate;
		this.jobs = jobs;
	}

	/**
	 * Returns the scheduler that runs the tasks.
	 * @return the wrapped scheduler
	 */
	public TaskScheduler getDelegate() {
		return this.delegate;
	}

	@Override
	public Clock getClock() {
		return this.delegate.getClock();
	}

	@Override
	public @Nullable ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
		return this.delegate.schedule(this.jobs.wrap(task), trigger);
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
		return this.delegate.schedule(this.jobs.wrap(task), startTime);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
		return this.delegate.scheduleAtFixedRate(this.jobs.wrap(task), startTime, period);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
		return this.delegate.scheduleAtFixedRate(this.jobs.wrap(task), period);
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
		return this.delegate.scheduleWithFixedDelay(this.jobs.wrap(task), startTime, delay);
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
		return this.delegate.scheduleWithFixedDelay(this.jobs.wrap(task), delay);
	}

}
