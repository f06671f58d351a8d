package dev.lanes.core.trust;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LaneSignerTests {

	private final LaneSigner signer = new LaneSigner(LaneKey.of("k1", TestKeys.SECRET_1),
			Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));

	@Test
	void signsTheCanonicalLaneWithTheCurrentTime() {
		assertThat(this.signer.sign("GRAY")).isEqualTo("v1.k1.1700000000.X-8LAheDFUXJrAx2damucXOUQJ0JgPIdTuQ9YMqoKms");
		assertThat(this.signer.keyId()).isEqualTo("k1");
	}

	@Test
	void refusesToSignBaseOrInvalidNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign("base"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign("gray lane"));
	}

}
