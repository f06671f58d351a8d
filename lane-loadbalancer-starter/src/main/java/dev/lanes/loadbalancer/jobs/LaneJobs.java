package dev.lanes.loadbalancer.jobs;

import dev.lanes.core.LaneContext;
import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

/**
 * The lane of work that starts without an inbound request on this instance: scheduled
 * jobs, and any entry point the application wraps itself (a startup runner, a Quartz job,
 * a polling loop). On an instance tagged {@code gray} with
 * {@code lane.jobs.lane: instance}, such work runs in lane {@code gray}, so its SQL goes
 * to shadow tables, its Redis keys to the shadow key space and its calls to gray
 * instances.
 */
public final class LaneJobs {

	private final @Nullable String lane;

	/**
	 * Creates the job lane.
	 * @param lane the lane jobs run in, or {@code null} for base traffic
	 */
	public LaneJobs(@Nullable String lane) {
		this.lane = Lanes.canonical(lane);
	}

	/**
	 * Returns the lane jobs run in.
	 * @return the lane, or {@code null} for base traffic
	 */
	public @Nullable String lane() {
		return this.lane;
	}

	/**
	 * Makes the job lane current until the returned scope is closed; for entry points the
	 * application starts itself.
	 * @return the scope to close when the work ends
	 */
	public LaneContext.Scope open() {
		return LaneContext.open(this.lane);
	}

	/**
	 * Returns a task that runs {@code task} in the job lane, whatever lane the thread
	 * that runs it had, and restores that lane after.
	 * @param task the task
	 * @return the task in the job lane
	 */
	public Runnable wrap(Runnable task) {
		return () -> {
			try (LaneContext.Scope scope = open()) {
				task.run();
			}
		};
	}

	@Override
	public String toString() {
		return "LaneJobs in lane " + Lanes.label(this.lane);
	}

}
