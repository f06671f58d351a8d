package dev.lanes.loadbalancer.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.lanes.core.LaneContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LaneJobsAutoConfiguration}: {@code @Scheduled} methods of a real
 * scheduler run in the lane {@code lane.jobs.lane} chooses.
 */
class LaneJobsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(TaskSchedulingAutoConfiguration.class, LaneJobsAutoConfiguration.class))
		.withUserConfiguration(ScheduledJob.class);

	@Test
	void scheduledMethodsOfATaggedInstanceRunInItsLane() {
		this.runner.withPropertyValues("lane.instance.tag=Gray").run((context) -> {
			assertThat(context).hasSingleBean(LaneSchedulingConfigurer.class);
			assertThat(context.getBean(LaneJobs.class).lane()).isEqualTo("gray");
			assertThat(runs(context.getBean(ScheduledJob.class), 3)).containsOnly(Optional.of("gray"));
		});
	}

	@Test
	void aLaneAJobLeavesBehindOnTheSchedulerThreadDoesNotReachItsNextRun() {
		this.runner.withPropertyValues("lane.instance.tag=gray").run((context) -> {
			ScheduledJob job = context.getBean(ScheduledJob.class);
			job.leaveBehind = "blue";
			assertThat(runs(job, 3)).containsOnly(Optional.of("gray"));
		});
	}

	@Test
	void scheduledMethodsRunAsBaseTrafficWithJobLaneBase() {
		this.runner.withPropertyValues("lane.instance.tag=gray", "lane.jobs.lane=base").run((context) -> {
			assertThat(context.getBean(LaneJobs.class).lane()).isNull();
			ScheduledJob job = context.getBean(ScheduledJob.class);
			job.leaveBehind = "blue";
			assertThat(runs(job, 3)).containsOnly(Optional.empty());
		});
	}

	@Test
	void scheduledMethodsOfAnUntaggedInstanceRunAsBaseTraffic() {
		this.runner
			.run((context) -> assertThat(runs(context.getBean(ScheduledJob.class), 2)).containsOnly(Optional.empty()));
	}

	@Test
	void wrapsASchedulerTheApplicationChoseInItsOwnConfigurer() {
		this.runner.withUserConfiguration(OwnScheduler.class)
			.withPropertyValues("lane.instance.tag=gray")
			.run((context) -> {
				ScheduledJob job = context.getBean(ScheduledJob.class);
				assertThat(runs(job, 2)).containsOnly(Optional.of("gray"));
				assertThat(job.threads).allSatisfy((thread) -> assertThat(thread).startsWith("own-"));
			});
	}

	@Test
	void leavesSchedulingAloneWhenDisabled() {
		this.runner.withPropertyValues("lane.instance.tag=gray", "lane.jobs.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(LaneSchedulingConfigurer.class);
			assertThat(runs(context.getBean(ScheduledJob.class), 2)).containsOnly(Optional.empty());
		});
	}

	private static List<Optional<String>> runs(ScheduledJob job, int count) throws InterruptedException {
		List<Optional<String>> lanes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Optional<String> lane = job.lanes.poll(10, TimeUnit.SECONDS);
			assertThat(lane).as("run %d of the scheduled method", i).isNotNull();
			lanes.add(lane);
		}
		return lanes;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class ScheduledJob {

		final BlockingQueue<Optional<String>> lanes = new LinkedBlockingQueue<>();

		final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

		volatile String leaveBehind;

		@Scheduled(fixedDelay = 20)
		void run() {
			this.threads.add(Thread.currentThread().getName());
			this.lanes.add(Optional.ofNullable(LaneContext.current()));
			if (this.leaveBehind != null) {
				// a careless job: sets a lane and never restores it
				LaneContext.set(this.leaveBehind);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnScheduler {

		@Bean(destroyMethod = "shutdown")
		ThreadPoolTaskScheduler ownScheduler() {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("own-");
			scheduler.initialize();
			return scheduler;
		}

		@Bean
		SchedulingConfigurer ownConfigurer(ThreadPoolTaskScheduler ownScheduler) {
			return (registrar) -> registrar.setTaskScheduler(ownScheduler);
		}

	}

}
