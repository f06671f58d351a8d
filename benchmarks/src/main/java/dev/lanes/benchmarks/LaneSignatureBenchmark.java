package dev.lanes.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.lanes.core.trust.LaneKey;
import dev.lanes.core.trust.LaneSigner;
import dev.lanes.core.trust.LaneVerdict;
import dev.lanes.core.trust.LaneVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * What the signed trust boundary costs per request: the gateway signing a lane, and a
 * service verifying a valid signature (two keys listed, the second one used, as during a
 * rotation) or refusing a forged one.
 */
public class LaneSignatureBenchmark extends NanosecondBenchmark {

	private static final LaneKey NEW_KEY = LaneKey.of("k2", "sxcu3kIhSiwQJQ3OQJMx5IeHWxV1Oe5/nrcrYDy7Qkw=");

	private static final LaneKey OLD_KEY = LaneKey.of("k1", "4G2FOrMGwklNkr/OETTJfjoAHYTU3LpNEUTo7DPR684=");

	private final LaneSigner signer = new LaneSigner(OLD_KEY, Clock.systemUTC());

	private final LaneVerifier verifier = new LaneVerifier(List.of(NEW_KEY, OLD_KEY), Duration.ofMinutes(5),
			Duration.ofSeconds(30), Clock.systemUTC());

	private String valid;

	private String forged;

	@Setup
	public void sign() {
		this.valid = this.signer.sign("gray");
		LaneKey attacker = LaneKey.of("k1", "S9vnTDS5OD5RdiMccZxq3eajSbP+HOaOnNplcjir4yY=");
		this.forged = new LaneSigner(attacker, Clock.systemUTC()).sign("gray");
		if (!this.verifier.verify("gray", this.valid).trusted()
				|| this.verifier.verify("gray", this.forged).trusted()) {
			throw new IllegalStateException("benchmark signatures are wrong");
		}
	}

	@Benchmark
	public String signAtTheGateway() {
		return this.signer.sign("gray");
	}

	@Benchmark
	public LaneVerdict verifyValid() {
		return this.verifier.verify("gray", this.valid);
	}

	@Benchmark
	public LaneVerdict refuseForged() {
		return this.verifier.verify("gray", this.forged);
	}

}
