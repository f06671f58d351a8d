package dev.lanes.loadbalancer.jobs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * A {@link SchedulingConfigurer} that makes the scheduler of {@code @Scheduled} methods a
 * {@link LaneTaskScheduler}, so every run of a scheduled method happens in the
 * {@link LaneJobs} lane. It runs after the application's configurers and wraps the
 * scheduler they chose; without one, the scheduler Spring would pick: the unique
 * {@link TaskScheduler} bean, the one named {@code taskScheduler}, or a single-thread
 * scheduler of its own.
 */
public class LaneSchedulingConfigurer implements SchedulingConfigurer, Ordered, DisposableBean {

	private static final Log logger = LogFactory.getLog(LaneSchedulingConfigurer.class);

	private final LaneJobs jobs;

	private final BeanFactory beanFactory;

	private @Nullable ScheduledExecutorService localExecutor;

	/**
	 * Creates the configurer.
	 * @param jobs the lane scheduled methods run in
	 * @param beanFactory where the application's scheduler is looked up
	 */
	public LaneSchedulingConfigurer(LaneJobs jobs, BeanFactory beanFactory) {
		this.jobs = jobs;
		this.beanFactory = beanFactory;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		TaskScheduler scheduler = registrar.getScheduler();
		if (scheduler instanceof LaneTaskScheduler) {
			return;
		}
		if (scheduler == null) {
			scheduler = applicationScheduler();
		}
		registrar.setTaskScheduler(new LaneTaskScheduler(scheduler, this.jobs));
		logger.info("Scheduled methods run in lane '" + ((this.jobs.lane() != null) ? this.jobs.lane() : "base")
				+ "' (lane.jobs.lane)");
	}

	private TaskScheduler applicationScheduler() {
		TaskScheduler unique = this.beanFactory.getBeanProvider(TaskScheduler.class).getIfUnique();
		if (unique != null) {
			return unique;
		}
		if (this.beanFactory.containsBean("taskScheduler")
				&& this.beanFactory.isTypeMatch("taskScheduler", TaskScheduler.class)) {
			return this.beanFactory.getBean("taskScheduler", TaskScheduler.class);
		}
		ScheduledExecutorService executor = this.beanFactory.getBeanProvider(ScheduledExecutorService.class)
			.getIfUnique();
		if (executor == null) {
			executor = Executors.newSingleThreadScheduledExecutor();
			this.localExecutor = executor;
		}
		return new ConcurrentTaskScheduler(executor);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void destroy() {
		if (this.localExecutor != null) {
			this.localExecutor.shutdownNow();
		}
	}

}
