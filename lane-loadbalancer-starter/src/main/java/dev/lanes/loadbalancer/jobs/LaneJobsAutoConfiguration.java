package dev.lanes.loadbalancer.jobs;

import dev.lanes.loadbalancer.LaneProperties;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that runs {@code @Scheduled} methods in the lane of the instance
 * ({@code lane.jobs.lane: instance}, the default) or as base traffic
 * ({@code lane.jobs.lane: base}), and offers the {@link LaneJobs} bean to other entry
 * points with no inbound request.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "lane.jobs.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ LaneProperties.class, LaneJobsProperties.class })
public final class LaneJobsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LaneJobs laneJobs(LaneProperties lanes, LaneJobsProperties jobs) {
		return new LaneJobs(
				(jobs.getLane() == LaneJobsProperties.JobLane.INSTANCE) ? lanes.getInstance().getTag() : null);
	}

	@Bean
	LaneSchedulingConfigurer laneSchedulingConfigurer(LaneJobs jobs, BeanFactory beanFactory) {
		return new LaneSchedulingConfigurer(jobs, beanFactory);
	}

}
