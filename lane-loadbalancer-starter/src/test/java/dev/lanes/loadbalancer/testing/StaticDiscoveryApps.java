package dev.lanes.loadbalancer.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the applications of an end-to-end test in this JVM on random ports, with Spring
 * Cloud's static discovery listing every instance started before (with its lane as
 * {@code lane} metadata), and stops them all, last started first, at the end. Shared by
 * the integration tests of the load-balancer and gateway starters.
 * <p>
 * Each application gets {@code spring.application.name} and {@code chain.name} (the
 * upper-cased service id, read by the chain test applications) from its service id,
 * {@code lane.instance.tag} from its lane, then the common properties given at
 * construction, then its own.
 */
public final class StaticDiscoveryApps implements AutoCloseable {

	private final List<String> common;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	/** Instances started so far: service id to {uri, lane} pairs. */
	private final Map<String, List<String[]>> instances = new LinkedHashMap<>();

	/**
	 * Creates an empty set of applications.
	 * @param commonProperties properties for every application, {@code name=value}
	 */
	public StaticDiscoveryApps(String... commonProperties) {
		this.common = List.of(commonProperties);
	}

	/**
	 * Starts an instance that the applications started after it find through static
	 * discovery.
	 * @param app the application class
	 * @param type the web application type
	 * @param service the service id
	 * @param lane the instance's lane, empty for a base instance
	 * @param properties further properties, {@code name=value}
	 * @return the running application
	 */
	public ConfigurableApplicationContext start(Class<?> app, WebApplicationType type, String service, String lane,
			String... properties) {
		return start(true, app, type, service, lane, properties);
	}

	/**
	 * Starts an instance that static discovery does not list for the applications started
	 * after it (a gateway, or a service found through a real registry).
	 * @param app the application class
	 * @param type the web application type
	 * @param service the service id
	 * @param lane the instance's lane, empty for a base instance
	 * @param properties further properties, {@code name=value}
	 * @return the running application
	 */
	public ConfigurableApplicationContext startUnlisted(Class<?> app, WebApplicationType type, String service,
			String lane, String... properties) {
		return start(false, app, type, service, lane, properties);
	}

	private ConfigurableApplicationContext start(boolean listed, Class<?> app, WebApplicationType type, String service,
			String lane, String... properties) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		args.add("--spring.application.name=" + service);
		args.add("--chain.name=" + service.toUpperCase());
		if (!lane.isEmpty()) {
			args.add("--lane.instance.tag=" + lane);
		}
		this.instances.forEach((id, list) -> {
			for (int i = 0; i < list.size(); i++) {
				String prefix = "--spring.cloud.discovery.client.simple.instances." + id + "[" + i + "].";
				args.add(prefix + "uri=" + list.get(i)[0]);
				if (!list.get(i)[1].isEmpty()) {
					args.add(prefix + "metadata.lane=" + list.get(i)[1]);
				}
			}
		});
		this.common.forEach((property) -> args.add("--" + property));
		for (String property : properties) {
			args.add("--" + property);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(app).web(type)
			.run(args.toArray(String[]::new));
		this.contexts.add(context);
		if (listed && context instanceof WebServerApplicationContext web) {
			this.instances.computeIfAbsent(service, (id) -> new ArrayList<>())
				.add(new String[] { "http://localhost:" + web.getWebServer().getPort(), lane });
		}
		return context;
	}

	/**
	 * Returns the port an application listens on.
	 * @param context the running application
	 * @return its web server's port
	 */
	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

}
