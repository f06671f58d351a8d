package dev.lanes.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lanes.loadbalancer.LaneLoadBalancerProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Selects the instances of a lane, and of base, from a service of 10, 100 or 1000
 * instances of which one in ten is gray.
 */
public class InstanceSelectionBenchmark extends NanosecondBenchmark {

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
