package dev.lanes.loadbalancer.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lanes.core.Lanes;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.SpringHeaders;
import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;
import dev.lanes.loadbalancer.propagation.LanePropagation;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;

/**
 * A {@link LoadBalancerLifecycle} that remembers the latest instance choice per called
 * service and lane: the lane of the request, the lane of the instance chosen, which
 * instance, how often and when. It keeps at most {@value #MAX_ENTRIES} service and lane
 * pairs, forgetting the least recently used, so lanes sent by clients cannot grow it.
 */
public class LaneChoiceLog implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

	/**
	 * Most service and lane pairs remembered.
	 */
	public static final int MAX_ENTRIES = 200;

	private final LaneProperties properties;

	private final Map<String, Choice> choices = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Choice> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	/**
	 * Creates a log.
	 * @param properties the header settings, to read the lane of a request
	 */
	public LaneChoiceLog(LaneProperties properties) {
		this.properties = properties;
	}

	@Override
	public boolean supports(Class requestContextClass, Class responseClass, Class serverTypeClass) {
		return ServiceInstance.class.isAssignableFrom(serverTypeClass);
	}

	@Override
	public void onStart(Request<Object> request) {
	}

	@Override
	public void onStartRequest(Request<Object> request, Response<ServiceInstance> lbResponse) {
		ServiceInstance instance = lbResponse.getServer();
		if (instance == null) {
			return;
		}
		record(instance.getServiceId(), laneOf(request), instance);
	}

	@Override
	public void onComplete(CompletionContext<Object, ServiceInstance, Object> completionContext) {
	}

	/**
	 * Records a choice.
	 * @param service the called service
	 * @param lane the lane of the request, or {@code null} for base traffic
	 * @param instance the instance chosen
	 */
	public void record(String service, @Nullable String lane, ServiceInstance instance) {
		String key = service + '|' + Lanes.label(lane);
		String served = Lanes.label(LaneServiceInstanceListSupplier.instanceLane(instance));
		String address = instance.getHost() + ":" + instance.getPort();
		synchronized (this.choices) {
			Choice previous = this.choices.get(key);
			long count = (previous != null) ? previous.count() + 1 : 1;
			this.choices.put(key, new Choice(service, Lanes.label(lane), served, address, count, Instant.now()));
		}
	}

	/**
	 * Returns the remembered choices, least recently used first.
	 * @return the choices
	 */
	public List<Choice> choices() {
		synchronized (this.choices) {
			return new ArrayList<>(this.choices.values());
		}
	}

	private @Nullable String laneOf(Request<Object> request) {
		if (request.getContext() instanceof RequestDataContext context) {
			RequestData data = context.getClientRequest();
			String lane = (data != null) ? SpringHeaders.lane(this.properties.transport(), data.getHeaders()) : null;
			if (lane != null) {
				return lane;
			}
		}
		return LanePropagation.currentLane();
	}

	/**
	 * The latest choice for one service and lane.
	 *
	 * @param service the called service
	 * @param lane the lane of the request ({@code base} for untagged traffic)
	 * @param served the lane of the instance chosen ({@code base} for a base instance)
	 * @param instance the host and port of the instance chosen
	 * @param count how many choices were made for this service and lane while remembered
	 * @param at when the latest choice was made
	 */
	public record Choice(String service, String lane, String served, String instance, long count, Instant at) {

	}

}
