package dev.lanes.loadbalancer.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of work that starts without an inbound request
 * ({@code lane.jobs.*}).
 */
@ConfigurationProperties("lane.jobs")
public class LaneJobsProperties {

	/**
	 * Whether scheduled tasks run in a lane chosen by "lane.jobs.lane".
	 */
	private boolean enabled = true;

	/**
	 * Lane of scheduled tasks: "instance" runs them in the lane of lane.instance.tag
	 * (base on an untagged instance), "base" always as base traffic.
	 */
	private JobLane lane = JobLane.INSTANCE;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public JobLane getLane() {
		return this.lane;
	}

	public void setLane(JobLane lane) {
		this.lane = lane;
	}

	/**
	 * Which lane jobs run in.
	 */
	public enum JobLane {

		/**
		 * The lane of the instance ({@code lane.instance.tag}); base on an untagged
		 * instance.
		 */
		INSTANCE,

		/**
		 * Base traffic, even on a tagged instance.
		 */
		BASE

	}

}
