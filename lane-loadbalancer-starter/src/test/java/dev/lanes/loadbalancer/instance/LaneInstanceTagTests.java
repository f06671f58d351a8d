package dev.lanes.loadbalancer.instance;

import com.alibaba.cloud.nacos.NacosDiscoveryProperties;
import com.alibaba.cloud.nacos.NacosServiceAutoConfiguration;
import com.alibaba.cloud.nacos.discovery.NacosDiscoveryAutoConfiguration;
import com.alibaba.cloud.nacos.util.UtilIPv6AutoConfiguration;
import dev.lanes.loadbalancer.autoconfigure.LaneInstanceAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LaneInstanceTagTests {

	private final ApplicationContextRunner nacosRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UtilAutoConfiguration.class, UtilIPv6AutoConfiguration.class,
				NacosServiceAutoConfiguration.class, NacosDiscoveryAutoConfiguration.class,
				LaneInstanceAutoConfiguration.class));

	private final LaneInstanceTagEnvironmentPostProcessor postProcessor = new LaneInstanceTagEnvironmentPostProcessor();

	@Test
	void instanceTagLandsInNacosMetadata() {
		this.nacosRunner.withPropertyValues("lane.instance.tag=gray")
			.run((context) -> assertThat(context.getBean(NacosDiscoveryProperties.class).getMetadata())
				.containsEntry("lane", "gray"));
	}

	@Test
	void explicitNacosMetadataWins() {
		this.nacosRunner.withPropertyValues("lane.instance.tag=gray", "spring.cloud.nacos.discovery.metadata.lane=blue")
			.run((context) -> assertThat(context.getBean(NacosDiscoveryProperties.class).getMetadata())
				.containsEntry("lane", "blue"));
	}

	@Test
	void untaggedInstanceHasNoLaneMetadata() {
		this.nacosRunner.run((context) -> assertThat(context.getBean(NacosDiscoveryProperties.class).getMetadata())
			.doesNotContainKey("lane"));
	}

	@Test
	void environmentPostProcessorPublishesTagToEveryRegistry() {
		MockEnvironment environment = new MockEnvironment().withProperty("lane.instance.tag", "gray");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.cloud.nacos.discovery.metadata.lane")).isEqualTo("gray");
		assertThat(environment.getProperty("eureka.instance.metadata-map.lane")).isEqualTo("gray");
		assertThat(environment.getProperty("spring.cloud.consul.discovery.metadata.lane")).isEqualTo("gray");
	}

	@Test
	void environmentPostProcessorPublishesTheTagInLowerCase() {
		MockEnvironment environment = new MockEnvironment().withProperty("lane.instance.tag", "GRAY");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.cloud.nacos.discovery.metadata.lane")).isEqualTo("gray");
	}

	@Test
	void acceptsMseAlias() {
		MockEnvironment environment = new MockEnvironment().withProperty("alicloud.service.tag", "gray");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("lane.instance.tag")).isEqualTo("gray");
		assertThat(environment.getProperty("spring.cloud.nacos.discovery.metadata.lane")).isEqualTo("gray");
	}

	@Test
	void acceptsOpenSergoAliasFromEnvironmentVariableName() {
		MockEnvironment environment = new MockEnvironment().withProperty("TRAFFIC_OPENSERGO_IO_LABEL", "v2");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("lane.instance.tag")).isEqualTo("v2");
	}

	@Test
	void laneInstanceTagWinsOverAliases() {
		MockEnvironment environment = new MockEnvironment().withProperty("lane.instance.tag", "gray")
			.withProperty("traffic.opensergo.io/label", "v2");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("eureka.instance.metadata-map.lane")).isEqualTo("gray");
	}

	@Test
	void untaggedEnvironmentIsLeftAlone() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(
				environment.getPropertySources().contains(LaneInstanceTagEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void invalidAliasFailsNamingTheAlias() {
		MockEnvironment environment = new MockEnvironment().withProperty("alicloud.service.tag", "gray lane");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, new SpringApplication()))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("alicloud.service.tag"));
	}

}
