package dev.lanes.gateway.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the applications of an end-to-end test in this JVM, each a reactive web
 * application on a random port, with static discovery listing the services started before
 * it, and stops them all at the end. Start the gateway last so that it knows every
 * service.
 */
final class Services implements AutoCloseable {

	private static final String[] COMMON = { "spring.main.banner-mode=off", "logging.level.root=warn",
			"spring.cloud.nacos.discovery.enabled=false",
			"spring.cloud.service-registry.auto-registration.enabled=false",
			"management.endpoints.access.default=none" };

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	/** Instances started so far: service id to {uri, lane} pairs. */
	private final Map<String, List<String[]>> instances = new LinkedHashMap<>();

	/**
	 * Starts an instance of a service behind the gateway (with gateway features off).
	 * @param app the application class
	 * @param service the service id
	 * @param lane the instance's lane tag, empty for a base instance
	 * @param properties further properties, {@code name=value}
	 * @return the running application
	 */
	ConfigurableApplicationContext service(Class<?> app, String service, String lane, String... properties) {
		List<String> args = new ArrayList<>(List.of("spring.cloud.gateway.server.webflux.enabled=false",
				"lane.gateway.enabled=false", "spring.application.name=" + service));
		if (!lane.isEmpty()) {
			args.add("lane.instance.tag=" + lane);
		}
		args.addAll(List.of(properties));
		ConfigurableApplicationContext context = start(app, args);
		this.instances.computeIfAbsent(service, (id) -> new ArrayList<>())
			.add(new String[] { "http://localhost:" + port(context), lane });
		return context;
	}

	/**
	 * Starts the gateway.
	 * @param app the application class
	 * @param properties routes, rules and other properties, {@code name=value}
	 * @return the running gateway
	 */
	ConfigurableApplicationContext gateway(Class<?> app, String... properties) {
		List<String> args = new ArrayList<>(List.of("spring.application.name=gateway"));
		args.addAll(List.of(properties));
		return start(app, args);
	}

	private ConfigurableApplicationContext start(Class<?> app, List<String> properties) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		for (String property : COMMON) {
			args.add("--" + property);
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
		for (String property : properties) {
			args.add("--" + property);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(app).web(WebApplicationType.REACTIVE)
			.run(args.toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

}
