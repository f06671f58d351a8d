package dev.lanes.loadbalancer.autoconfigure;

import dev.lanes.loadbalancer.inbound.InboundMode;
import dev.lanes.loadbalancer.inbound.LaneTrustBoundary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LaneTrustConfigurationTests {

	private static final String SECRET = "4G2FOrMGwklNkr/OETTJfjoAHYTU3LpNEUTo7DPR684=";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LanePropagationAutoConfiguration.class));

	@Test
	void signedModeWithAStrongKeyStarts() {
		this.runner
			.withPropertyValues("lane.inbound.mode=signed", "lane.inbound.keys[0].id=k1",
					"lane.inbound.keys[0].secret=" + SECRET)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(LaneTrustBoundary.class)
				.extracting(LaneTrustBoundary::mode)
				.isEqualTo(InboundMode.SIGNED));
	}

	@Test
	void signedModeWithoutKeysFailsNamingTheProperty() {
		this.runner.withPropertyValues("lane.inbound.mode=signed")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("lane.inbound.keys"));
	}

	@Test
	void weakKeyFailsNamingThePropertyWithoutEchoingTheSecret() {
		// "changeme-changeme-changeme-change" in Base64: a password, not a key
		String weak = "Y2hhbmdlbWUtY2hhbmdlbWUtY2hhbmdlbWUtY2hhbmdl";
		this.runner
			.withPropertyValues("lane.inbound.mode=signed", "lane.inbound.keys[0].id=k1",
					"lane.inbound.keys[0].secret=" + weak)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("lane.inbound.keys[0].secret")
				.hasMessageContaining("too little entropy")
				.hasMessageNotContaining(weak));
	}

	@Test
	void shortKeyFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("lane.inbound.mode=signed", "lane.inbound.keys[0].id=k1",
					"lane.inbound.keys[0].secret=AQIDBAUGBwgJCgsMDQ4PEA==")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lane.inbound.keys[0].secret")
				.hasMessageContaining("at least 32"));
	}

	@Test
	void duplicateKeyIdAndUnknownSigningKeyFail() {
		this.runner
			.withPropertyValues("lane.inbound.keys[0].id=k1", "lane.inbound.keys[0].secret=" + SECRET,
					"lane.inbound.keys[1].id=k1", "lane.inbound.keys[1].secret=" + SECRET)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lane.inbound.keys[1].id"));
		this.runner
			.withPropertyValues("lane.inbound.keys[0].id=k1", "lane.inbound.keys[0].secret=" + SECRET,
					"lane.inbound.signing-key=k2")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lane.inbound.signing-key"));
	}

	@Test
	void cidrModeNeedsValidNetworks() {
		this.runner.withPropertyValues("lane.inbound.mode=cidr")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lane.inbound.trusted-networks"));
		this.runner.withPropertyValues("lane.inbound.mode=cidr", "lane.inbound.trusted-networks=10.0.0.0/8,gateway")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lane.inbound.trusted-networks[1]"));
	}

	@Test
	void cidrModeRefusesForwardedHeaders() {
		this.runner
			.withPropertyValues("lane.inbound.mode=cidr", "lane.inbound.trusted-networks=10.0.0.0/8",
					"server.forward-headers-strategy=framework")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("server.forward-headers-strategy"));
		this.runner
			.withPropertyValues("lane.inbound.mode=cidr", "lane.inbound.trusted-networks=10.0.0.0/8",
					"spring.main.cloud-platform=kubernetes")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("server.forward-headers-strategy"));
		this.runner
			.withPropertyValues("lane.inbound.mode=cidr", "lane.inbound.trusted-networks=10.0.0.0/8",
					"spring.main.cloud-platform=kubernetes", "server.forward-headers-strategy=none")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void invalidDurationsFail() {
		this.runner.withPropertyValues("lane.inbound.max-age=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("lane.inbound.max-age"));
	}

	@Test
	void anyModeWarnsAtStartup(CapturedOutput output) {
		this.runner.withPropertyValues("spring.application.name=orders")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("lane.inbound.mode=any: service 'orders' trusts the lane of every caller");
	}

	@Test
	void noWarningWithABoundary(CapturedOutput output) {
		this.runner.withPropertyValues("lane.inbound.mode=cidr", "lane.inbound.trusted-networks=10.0.0.0/8")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("lane.inbound.mode=any");
	}

}
