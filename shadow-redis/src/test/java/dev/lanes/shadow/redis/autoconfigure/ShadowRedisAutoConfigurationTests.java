package dev.lanes.shadow.redis.autoconfigure;

import dev.lanes.shadow.redis.KeyPolicy;
import dev.lanes.shadow.redis.ShadowReactiveRedisConnectionFactory;
import dev.lanes.shadow.redis.ShadowRedisConnectionFactory;
import dev.lanes.shadow.redis.ShadowRedisRules;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ShadowRedisAutoConfiguration}: what it wraps, and that invalid
 * configuration fails startup naming the property.
 */
class ShadowRedisAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, ShadowRedisAutoConfiguration.class));

	@Test
	void wrapsLettucesFactoryForImperativeAndReactiveUse() {
		this.runner
			.withPropertyValues("lane.shadow.redis.lanes=Gray", "lane.shadow.redis.key-prefix=shadow:{lane}:",
					"lane.shadow.redis.default-policy=shared", "lane.shadow.redis.keys[0].pattern=cart:*",
					"lane.shadow.redis.keys[0].policy=shadow")
			.run((context) -> {
				assertThat(context).getBean(RedisConnectionFactory.class)
					.isInstanceOf(ShadowReactiveRedisConnectionFactory.class);
				ShadowRedisRules rules = context.getBean(ShadowRedisRules.class);
				assertThat(rules.lanes()).containsExactly("gray");
				assertThat(new String(rules.prefix("gray"))).isEqualTo("shadow:gray:");
				assertThat(rules.defaultPolicy()).isEqualTo(KeyPolicy.SHARED);
				assertThat(rules.keys()).containsExactly(java.util.Map.entry("cart:*", KeyPolicy.SHADOW));
			});
	}

	@Test
	void takesTheLanesOfTheSharedShadowLaneListWhenItHasNoneOfItsOwn() {
		this.runner.withPropertyValues("lane.shadow.lanes=gray,blue")
			.run((context) -> assertThat(context.getBean(ShadowRedisRules.class).lanes()).containsExactly("gray",
					"blue"));
	}

	@Test
	void wrapsNothingWhenDisabled() {
		this.runner.withPropertyValues("lane.shadow.redis.enabled=false", "lane.shadow.lanes=gray")
			.run((context) -> assertThat(context).getBean(RedisConnectionFactory.class)
				.isNotInstanceOf(ShadowRedisConnectionFactory.class));
	}

	@Test
	void invalidKeyPrefixFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("lane.shadow.lanes=gray", "lane.shadow.redis.key-prefix=gray*")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.shadow.redis.key-prefix")
				.hasMessageContaining("end it with ':'"));
	}

	@Test
	void invalidLaneNameFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("lane.shadow.redis.lanes=base")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.shadow.redis.lanes"));
		this.runner.withPropertyValues("lane.shadow.lanes=gr ay")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.shadow.lanes"));
	}

	@Test
	void incompleteOrInvalidKeyRulesFailStartupNamingTheEntry() {
		this.runner.withPropertyValues("lane.shadow.lanes=gray", "lane.shadow.redis.keys[0].pattern=cart:*")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.shadow.redis.keys[0]"));
		this.runner
			.withPropertyValues("lane.shadow.lanes=gray", "lane.shadow.redis.keys[0].pattern=user:[ab]",
					"lane.shadow.redis.keys[0].policy=deny")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.shadow.redis.keys[0].pattern"));
		this.runner
			.withPropertyValues("lane.shadow.lanes=gray", "lane.shadow.redis.keys[0].pattern=cart:*",
					"lane.shadow.redis.keys[0].policy=copy")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("lane.shadow.redis.keys[0].policy"));
	}

	@Test
	void severalLanesSharingOnePrefixFailStartup() {
		this.runner.withPropertyValues("lane.shadow.lanes=gray,blue", "lane.shadow.redis.key-prefix=shadow:")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("lane.shadow.redis.key-prefix")
				.hasMessageContaining("share one shadow key space"));
	}

}
