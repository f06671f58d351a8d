package dev.lanes.loadbalancer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LaneLoadBalancerPropertiesTests {

	private final LaneLoadBalancerProperties properties = new LaneLoadBalancerProperties();

	@Test
	void unlistedLaneFallsBackToBase() {
		assertThat(this.properties.fallbackOf("gray")).isEqualTo("base");
	}

	@Test
	void acceptsBaseRejectAndAnotherLane() {
		lane("gray", "reject");
		lane("green", "gray");
		lane("blue", "base");
		this.properties.validate();
		assertThat(this.properties.fallbackOf("green")).isEqualTo("gray");
	}

	@Test
	void refusesMalformedFallbackNamingThePropertyPath() {
		lane("gray", "rejekt!");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(this.properties::validate)
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("lane.loadbalancer.lanes.gray.fallback"));
	}

	@Test
	void refusesTypoOfRejectAndUndeclaredLaneNamingThePropertyPath() {
		for (String fallback : new String[] { "rejct", "green" }) {
			LaneLoadBalancerProperties properties = new LaneLoadBalancerProperties();
			LaneLoadBalancerProperties.Lane lane = new LaneLoadBalancerProperties.Lane();
			lane.setFallback(fallback);
			properties.getLanes().put("gray", lane);
			assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(properties::validate)
				.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("lane.loadbalancer.lanes.gray.fallback"))
				.withMessageContaining("another lane of lane.loadbalancer.lanes");
		}
	}

	@Test
	void refusesInvalidLaneName() {
		lane("base", "reject");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(this.properties::validate)
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("lane.loadbalancer.lanes.base"));
	}

	@Test
	void refusesFallbackLoop() {
		lane("gray", "green");
		lane("green", "gray");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(this.properties::validate)
			.withMessageContaining("loop");
	}

	@Test
	void laneSettingsApplyWhateverTheCaseOfTheLane() {
		lane("GRAY", "Reject");
		this.properties.validate();
		assertThat(this.properties.fallbackOf("gray")).isEqualTo("reject");
	}

	@Test
	void refusesTwoSpellingsOfOneLane() {
		lane("gray", "base");
		lane("GRAY", "reject");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(this.properties::validate)
			.withMessageContaining("case-insensitive");
	}

	@Test
	void refusesFallbackToItselfInAnotherCase() {
		lane("gray", "GRAY");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(this.properties::validate)
			.withMessageContaining("itself");
	}

	@Test
	void refusesFallbackToItself() {
		lane("gray", "gray");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(this.properties::validate)
			.withMessageContaining("itself");
	}

	private void lane(String name, String fallback) {
		LaneLoadBalancerProperties.Lane lane = new LaneLoadBalancerProperties.Lane();
		lane.setFallback(fallback);
		this.properties.getLanes().put(name, lane);
	}

}
