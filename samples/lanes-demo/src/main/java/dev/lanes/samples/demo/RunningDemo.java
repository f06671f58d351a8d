package dev.lanes.samples.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The instances of a started demo, by name.
 */
public final class RunningDemo implements AutoCloseable {

	private final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

	private final Map<String, DemoInstance> instances = new LinkedHashMap<>();

	private final List<ConfigurableApplicationContext> stopped = new ArrayList<>();

	private final Duration discoveryRefresh;

	RunningDemo(Duration discoveryRefresh) {
		this.discoveryRefresh = discoveryRefresh;
	}

	void add(DemoInstance instance, ConfigurableApplicationContext context) {
		this.instances.put(instance.name(), instance);
		this.contexts.put(instance.name(), context);
	}

	/**
	 * Returns the port an instance listens on.
	 * @param name the instance name, e.g. {@code gateway} or {@code c-gray}
	 * @return the port
	 */
	public int port(String name) {
		return ((WebServerApplicationContext) context(name)).getWebServer().getPort();
	}

	/**
	 * Returns the gateway's base URL.
	 * @return e.g. {@code http://localhost:8080}
	 */
	public String gatewayUrl() {
		return "http://localhost:" + port("gateway");
	}

	/**
	 * Returns the context of an instance.
	 * @param name the instance name
	 * @return its application context
	 */
	public ConfigurableApplicationContext context(String name) {
		ConfigurableApplicationContext context = this.contexts.get(name);
		if (context == null) {
			throw new IllegalArgumentException(
					"No running instance '" + name + "' (running: " + this.contexts.keySet() + ")");
		}
		return context;
	}

	/**
	 * Stops an instance the way a registry-backed deployment does: it leaves discovery
	 * first, the callers' instance lists refresh, then it stops serving, so no request is
	 * sent to an instance that is gone.
	 * @param name the instance name
	 * @throws InterruptedException when interrupted while the lists refresh
	 */
	public void stop(String name) throws InterruptedException {
		ConfigurableApplicationContext stopping = context(name);
		DemoInstance instance = this.instances.get(name);
		String uri = "http://localhost:" + port(name);
		for (ConfigurableApplicationContext context : this.contexts.values()) {
			context.getBeanProvider(SimpleDiscoveryProperties.class)
				.ifAvailable((discovery) -> discovery.getInstances()
					.getOrDefault(instance.service(), new ArrayList<>())
					.removeIf((listed) -> listed.getUri().toString().equals(uri)));
			context.getBeanProvider(SimpleReactiveDiscoveryProperties.class)
				.ifAvailable((discovery) -> discovery.getInstances(instance.service())
					.removeIf((listed) -> listed.getUri().toString().equals(uri)));
		}
		Thread.sleep(this.discoveryRefresh.toMillis() * 2);
		// Stop serving rather than close the context: the instances of the demo share one
		// JVM, and closing a context disposes Reactor Netty's global resources, which the
		// other instances still use. In a real deployment the process simply exits.
		((WebServerApplicationContext) stopping).getWebServer().stop();
		this.contexts.remove(name);
		this.instances.remove(name);
		this.stopped.add(stopping);
	}

	@Override
	public void close() {
		List<ConfigurableApplicationContext> running = new ArrayList<>(this.stopped);
		running.addAll(this.contexts.values());
		for (int i = running.size() - 1; i >= 0; i--) {
			running.get(i).close();
		}
		this.contexts.clear();
		this.stopped.clear();
	}

}
