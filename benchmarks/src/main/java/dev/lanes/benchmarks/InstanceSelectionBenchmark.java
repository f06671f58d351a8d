package dev.lanes.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Selects the instances of a lane, and of base, from a service of 10, 100 or 1000
 * instances of which one in ten is gray.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InstanceSelectionBenchmark {

	@Param({ "10", "100", "1000" })
	public int instances;

	private List<ServiceInstance> all;

	private LaneServiceInstanceListSupplier supplier;

	@Setup
	public void setUp() {
		this.all = new ArrayList<>();
		for (int i = 0; i < this.instances; i++) {
			Map<String, String> metadata = (i % 10 == 0) ? Map.of("lane", "gray") : Map.of();
			this.all.add(new DefaultServiceInstance("orders-" + i, "orders", "10.0." + (i / 250) + "." + (i % 250),
					8080, false, metadata));
		}
		ServiceInstanceListSupplier delegate = new ServiceInstanceListSupplier() {

			@Override
			public String getServiceId() {
				return "orders";
			}

			@Override
			public Flux<List<ServiceInstance>> get() {
				return Flux.just(InstanceSelectionBenchmark.this.all);
			}

		};
		this.supplier = new LaneServiceInstanceListSupplier(delegate, new LaneProperties(),
				new LaneLoadBalancerProperties(), null);
	}

	@Benchmark
	public List<ServiceInstance> grayLane() {
		return this.supplier.select("gray", this.all);
	}

	@Benchmark
	public List<ServiceInstance> base() {
		return this.supplier.select(null, this.all);
	}

}
