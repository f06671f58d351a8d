package dev.lanes.shadow.redis.autoconfigure;

import java.time.Duration;
import java.time.Instant;

import dev.lanes.shadow.redis.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @Scheduled} job of an instance tagged {@code gray} writes Redis keys through
 * the shadow factory: with {@code lane.jobs.lane: instance} they land in the lane's
 * shadow key space, with {@code base} in the base key space.
 */
class ScheduledJobShadowKeysIT {

	private LettuceConnectionFactory raw;

	private StringRedisTemplate redis;

	@BeforeEach
	void setUp() {
		RedisTestServer.assumeAvailable();
		this.raw = RedisTestServer.connectionFactory();
		RedisTestServer.flush(this.raw);
		this.redis = new StringRedisTemplate(this.raw);
	}

	@AfterEach
	void tearDown() {
		if (this.raw != null) {
			RedisTestServer.flush(this.raw);
			this.raw.destroy();
		}
	}

	@Test
	void jobsOfAGrayInstanceWriteTheShadowKeySpace() throws InterruptedException {
		try (ConfigurableApplicationContext context = start("lane.jobs.lane=instance")) {
			awaitKey("gray:job:runs");
		}
		assertThat(Long.parseLong(this.redis.opsForValue().get("gray:job:runs"))).isGreaterThanOrEqualTo(2);
		assertThat(this.redis.hasKey("job:runs")).isFalse();
	}

	@Test
	void jobsRunAsBaseTrafficWithJobLaneBase() throws InterruptedException {
		try (ConfigurableApplicationContext context = start("lane.jobs.lane=base")) {
			awaitKey("job:runs");
		}
		assertThat(this.redis.hasKey("gray:job:runs")).isFalse();
	}

	private ConfigurableApplicationContext start(String jobLane) {
		return new SpringApplicationBuilder(JobApp.class).web(WebApplicationType.NONE)
			.properties("spring.data.redis.host=" + RedisTestServer.host(),
					"spring.data.redis.port=" + RedisTestServer.port(),
					"spring.data.redis.database=" + RedisTestServer.DATABASE, "lane.instance.tag=gray",
					"lane.shadow.lanes=gray", "lane.shadow.enabled=false", jobLane)
			.run();
	}

	private void awaitKey(String key) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			String runs = this.redis.opsForValue().get(key);
			if (runs != null && Long.parseLong(runs) >= 2) {
				return;
			}
			Thread.sleep(50);
		}
		assertThat(this.redis.opsForValue().get(key)).as("runs of the job counted in %s", key).isNotNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableScheduling
	static class JobApp {

		@Bean
		CountingJob countingJob(StringRedisTemplate redis) {
			return new CountingJob(redis);
		}

	}

	static class CountingJob {

		private final StringRedisTemplate redis;

		CountingJob(StringRedisTemplate redis) {
			this.redis = redis;
		}

		@Scheduled(fixedDelay = 50)
		void count() {
			this.redis.opsForValue().increment("job:runs");
		}

	}

}
