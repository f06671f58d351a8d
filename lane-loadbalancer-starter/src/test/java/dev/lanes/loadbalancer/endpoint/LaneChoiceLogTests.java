package dev.lanes.loadbalancer.endpoint;

import java.util.Map;

import dev.lanes.loadbalancer.LaneProperties;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LaneChoiceLogTests {

	private final LaneChoiceLog log = new LaneChoiceLog(new LaneProperties());

	private final ServiceInstance base = new DefaultServiceInstance("b-1", "b", "10.0.0.1", 8080, false);

	private final ServiceInstance gray = new DefaultServiceInstance("b-2", "b", "10.0.0.2", 8080, false,
			Map.of("lane", "gray"));

	@Test
	void keepsTheLatestChoicePerServiceAndLaneWithItsCount() {
		this.log.record("b", "gray", this.gray);
		this.log.record("b", "gray", this.base);
		this.log.record("b", null, this.base);
		assertThat(this.log.choices())
			.extracting(LaneChoiceLog.Choice::lane, LaneChoiceLog.Choice::served, LaneChoiceLog.Choice::instance,
					LaneChoiceLog.Choice::count)
			.containsExactly(tuple("gray", "base", "10.0.0.1:8080", 2L), tuple("base", "base", "10.0.0.1:8080", 1L));
	}

	@Test
	void forgetsTheLeastRecentlyUsedBeyondTheBound() {
		this.log.record("b", "gray", this.gray);
		for (int i = 0; i < LaneChoiceLog.MAX_ENTRIES + 100; i++) {
			this.log.record("b", "junk-" + i, this.base);
			if (i % 10 == 0) {
				this.log.record("b", "gray", this.gray);
			}
		}
		assertThat(this.log.choices()).hasSize(LaneChoiceLog.MAX_ENTRIES)
			.anySatisfy((choice) -> assertThat(choice.lane()).isEqualTo("gray"))
			.noneSatisfy((choice) -> assertThat(choice.lane()).isEqualTo("junk-0"));
	}

}
