package dev.lanes.messaging.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import dev.lanes.core.LaneContext;
import org.jspecify.annotations.Nullable;

/**
 * What the listeners of one test application received: each payload with the lane that
 * was current while the listener ran, and the lane current on the consumer thread after
 * each record.
 */
public class Deliveries {

	private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<String> lanesAfter = new ConcurrentLinkedQueue<>();

	/**
	 * Records a delivery in the listener, with {@link LaneContext#current()}.
	 * @param payload the payload
	 */
	public void received(String payload) {
		this.deliveries.add(new Delivery(payload, LaneContext.current()));
	}

	/**
	 * Records the lane current on the consumer thread after a record was handled.
	 */
	public void after() {
		this.lanesAfter.add(String.valueOf(LaneContext.current()));
	}

	public List<Delivery> all() {
		return List.copyOf(this.deliveries);
	}

	public List<String> payloads() {
		return this.deliveries.stream().map(Delivery::payload).toList();
	}

	public List<String> lanesAfter() {
		return List.copyOf(this.lanesAfter);
	}

	/**
	 * Counts deliveries by payload.
	 * @return payload to count
	 */
	public Map<String, Long> countsByPayload() {
		return this.deliveries.stream().collect(Collectors.groupingBy(Delivery::payload, Collectors.counting()));
	}

	/**
	 * Counts deliveries by the lane the listener ran in ("null" for base).
	 * @return lane to count
	 */
	public Map<String, Long> countsByLane() {
		return this.deliveries.stream()
			.collect(Collectors.groupingBy((delivery) -> String.valueOf(delivery.lane()), Collectors.counting()));
	}

	public int size() {
		return this.deliveries.size();
	}

	/**
	 * One delivery.
	 *
	 * @param payload the payload
	 * @param lane the lane current in the listener
	 */
	public record Delivery(String payload, @Nullable String lane) {
	}

	/**
	 * Compares what several applications received with what was sent: payloads
	 * {@code <prefix>-<i>} for each prefix and {@code i < total}.
	 * @param total messages sent per prefix
	 * @param prefixes the payload prefixes
	 * @param received what each application received
	 * @return the payloads nobody received and those received more than once
	 */
	public static Tally tally(int total, List<String> prefixes, List<Deliveries> received) {
		Map<String, Long> all = new HashMap<>();
		for (Deliveries deliveries : received) {
			deliveries.countsByPayload().forEach((payload, count) -> all.merge(payload, count, Long::sum));
		}
		List<String> lost = new ArrayList<>();
		List<String> duplicated = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			for (String prefix : prefixes) {
				String payload = prefix + "-" + i;
				long count = all.getOrDefault(payload, 0L);
				if (count == 0) {
					lost.add(payload);
				}
				else if (count > 1) {
					duplicated.add(payload);
				}
			}
		}
		return new Tally(lost, duplicated);
	}

	/**
	 * Payloads lost and payloads processed more than once.
	 *
	 * @param lost payloads nobody received
	 * @param duplicated payloads received more than once
	 */
	public record Tally(List<String> lost, List<String> duplicated) {
	}

}
