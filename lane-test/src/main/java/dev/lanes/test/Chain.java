package dev.lanes.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lanes.core.Lanes;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Base and lane instances of several Spring Boot applications, started in the test's JVM
 * on free ports with Spring Cloud's static discovery listing every instance (with its
 * lane as {@code lane} metadata), the way a registry would: <pre class="code">
 * try (Chain chain = Chain.of(
 *         Chain.app("orders", OrdersApp.class),
 *         Chain.app("orders", OrdersApp.class).lane("gray"),
 *         Chain.app("billing", BillingApp.class)).start()) {
 *     String orders = chain.url("orders");               // the base instance
 *     String ordersGray = chain.url("orders", "gray");
 * }
 * </pre> Each instance gets {@code server.port}, {@code spring.application.name} (its
 * service id), {@code lane.instance.tag} (its lane), the static discovery entries of
 * every instance of the chain, then its own properties. Ports are chosen before the first
 * application starts, so every instance can find every other, whatever the order; closing
 * the chain stops them all, the last started first.
 */
public final class Chain implements AutoCloseable {

	private final List<Instance> instances;

	private final Map<Instance, ConfigurableApplicationContext> running = new LinkedHashMap<>();

	private final Map<Instance, Integer> ports = new LinkedHashMap<>();

	private Chain(List<Instance> instances) {
		this.instances = instances;
	}

	/**
	 * Describes an instance of a service.
	 * @param service the service id ({@code spring.application.name})
	 * @param application the application's configuration class
	 * @return the instance, base until {@link Instance#lane} says otherwise
	 */
	public static Instance app(String service, Class<?> application) {
		return new Instance(service, application);
	}

	/**
	 * Describes a chain of instances.
	 * @param instances the instances, started in this order
	 * @return the chain, not started
	 * @throws IllegalArgumentException when two instances share a service and a lane
	 */
	public static Chain of(Instance... instances) {
		List<String> seen = new ArrayList<>();
		for (Instance instance : instances) {
			String key = instance.service + "/" + instance.lane;
			if (seen.contains(key)) {
				throw new IllegalArgumentException("Two instances of service '" + instance.service + "' in lane '"
						+ Lanes.label(instance.lane) + "': give one a lane or another service id");
			}
			seen.add(key);
		}
		return new Chain(List.of(instances));
	}

	/**
	 * Starts every instance; when one fails to start, stops those already started.
	 * @return this chain
	 */
	public Chain start() {
		for (Instance instance : this.instances) {
			this.ports.put(instance, freePort());
		}
		try {
			for (Instance instance : this.instances) {
				this.running.put(instance,
						new SpringApplicationBuilder(instance.application).web(instance.type).run(arguments(instance)));
			}
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
		return this;
	}

	private String[] arguments(Instance instance) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--server.port=" + this.ports.get(instance));
		arguments.add("--spring.application.name=" + instance.service);
		if (instance.lane != null) {
			arguments.add("--lane.instance.tag=" + instance.lane);
		}
		Map<String, Integer> indexes = new LinkedHashMap<>();
		for (Instance other : this.instances) {
			int index = indexes.merge(other.service, 1, Integer::sum) - 1;
			String prefix = "--spring.cloud.discovery.client.simple.instances." + other.service + "[" + index + "].";
			arguments.add(prefix + "uri=http://localhost:" + this.ports.get(other));
			if (other.lane != null) {
				arguments.add(prefix + "metadata.lane=" + other.lane);
			}
		}
		instance.properties.forEach((property) -> arguments.add("--" + property));
		return arguments.toArray(String[]::new);
	}

	/**
	 * Returns the base URL of the base instance of a service.
	 * @param service the service id
	 * @return {@code http://localhost:<port>}
	 */
	public String url(String service) {
		return url(service, null);
	}

	/**
	 * Returns the base URL of an instance.
	 * @param service the service id
	 * @param lane the instance's lane, {@code null} for the base instance
	 * @return {@code http://localhost:<port>}
	 */
	public String url(String service, @Nullable String lane) {
		return "http://localhost:" + this.ports.get(instance(service, lane));
	}

	/**
	 * Returns the running application of an instance, to reach its beans.
	 * @param service the service id
	 * @param lane the instance's lane, {@code null} for the base instance
	 * @return the application context
	 */
	public ConfigurableApplicationContext context(String service, @Nullable String lane) {
		ConfigurableApplicationContext context = this.running.get(instance(service, lane));
		if (context == null) {
			throw new IllegalStateException("The chain is not started");
		}
		return context;
	}

	private Instance instance(String service, @Nullable String lane) {
		String canonical = (lane != null) ? Lanes.canonical(lane) : null;
		for (Instance instance : this.instances) {
			if (instance.service.equals(service) && Objects.equals(instance.lane, canonical)) {
				return instance;
			}
		}
		throw new IllegalArgumentException(
				"The chain has no instance of service '" + service + "' in lane '" + Lanes.label(lane) + "'");
	}

	/**
	 * Stops every started instance, the last started first.
	 */
	@Override
	public void close() {
		List<ConfigurableApplicationContext> contexts = new ArrayList<>(this.running.values());
		for (int i = contexts.size() - 1; i >= 0; i--) {
			contexts.get(i).close();
		}
		this.running.clear();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port for an instance of the chain", ex);
		}
	}

	/**
	 * One instance of a service in a {@link Chain}.
	 */
	public static final class Instance {

		private final String service;

		private final Class<?> application;

		private @Nullable String lane;

		private final List<String> properties = new ArrayList<>();

		private WebApplicationType type = WebApplicationType.SERVLET;

		private Instance(String service, Class<?> application) {
			this.service = service;
			this.application = application;
		}

		/**
		 * Tags the instance with a lane ({@code lane.instance.tag}).
		 * @param lane a valid lane name
		 * @return this instance
		 */
		public Instance lane(String lane) {
			String canonical = Lanes.canonical(lane);
			if (canonical == null) {
				throw new IllegalArgumentException("'" + lane + "' is not a valid lane name");
			}
			this.lane = canonical;
			return this;
		}

		/**
		 * Adds properties of this instance, which win over the chain's.
		 * @param properties properties, {@code name=value}
		 * @return this instance
		 */
		public Instance properties(String... properties) {
			this.properties.addAll(List.of(properties));
			return this;
		}

		/**
		 * Runs the instance as a reactive (WebFlux) application instead of a servlet one.
		 * @return this instance
		 */
		public Instance reactive() {
			this.type = WebApplicationType.REACTIVE;
			return this;
		}

	}

}
