package dev.lanes.gateway.e2e;

import dev.lanes.loadbalancer.testing.StaticDiscoveryApps;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the applications of an end-to-end test in this JVM, each a reactive web
 * application on a random port, with static discovery listing the services started before
 * it, and stops them all at the end. Start the gateway last so that it knows every
 * service.
 */
final class Services implements AutoCloseable {

	private final StaticDiscoveryApps apps = new StaticDiscoveryApps("spring.main.banner-mode=off",
			"logging.level.root=warn", "spring.cloud.nacos.discovery.enabled=false",
			"spring.cloud.service-registry.auto-registration.enabled=false",
			"management.endpoints.access.default=none");

	/**
	 * Starts an instance of a service behind the gateway (with gateway features off).
	 * @param app the application class
	 * @param service the service id
	 * @param lane the instance's lane tag, empty for a base instance
	 * @param properties further properties, {@code name=value}
	 * @return the running application
	 */
	ConfigurableApplicationContext service(Class<?> app, String service, String lane, String... properties) {
		String[] args = new String[properties.length + 2];
		args[0] = "spring.cloud.gateway.server.webflux.enabled=false";
		args[1] = "lane.gateway.enabled=false";
		System.arraycopy(properties, 0, args, 2, properties.length);
		return this.apps.start(app, WebApplicationType.REACTIVE, service, lane, args);
	}

	/**
	 * Starts the gateway.
	 * @param app the application class
	 * @param properties routes, rules and other properties, {@code name=value}
	 * @return the running gateway
	 */
	ConfigurableApplicationContext gateway(Class<?> app, String... properties) {
		return this.apps.startUnlisted(app, WebApplicationType.REACTIVE, "gateway", "", properties);
	}

	static int port(ConfigurableApplicationContext context) {
		return StaticDiscoveryApps.port(context);
	}

	@Override
	public void close() {
		this.apps.close();
	}

}
