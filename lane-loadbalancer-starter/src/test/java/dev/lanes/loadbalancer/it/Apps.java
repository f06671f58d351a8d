package dev.lanes.loadbalancer.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the services of an end-to-end test in this JVM on random ports, with static
 * discovery pointing at the services started before, and stops them all at the end.
 */
final class Apps implements AutoCloseable {

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	/** Instances started so far: service id to "uri|lane" entries. */
	private final Map<String, List<String[]>> instances = new LinkedHashMap<>();

	ConfigurableApplicationContext start(Class<?> app, WebApplicationType type, String service, String lane,
			String... properties) {
		return start(true, app, type, service, lane, properties);
	}

	/**
	 * Starts a service that static discovery does not list for the services started after
	 * it (they find it through a real registry).
	 */
	ConfigurableApplicationContext startUnlisted(Class<?> app, WebApplicationType type, String service, String lane,
			String... properties) {
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
