package dev.lanes.samples.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole demo in one process: helloworld v1/v2, C and C-gray, B, A and A-gray,
 * socket v1/v2 and the gateway, each a Spring Boot application on its own port, found
 * through static discovery (or Nacos with {@code --nacos}).
 * <p>
 * {@code java -jar lanes-demo.jar [--nacos] [--mysql] [--random-ports]} runs the demo;
 * {@code java -jar lanes-demo.jar --instance=c-gray --nacos} runs one instance of it (one
 * process per instance, as on Kubernetes); {@code java -jar lanes-demo.jar traffic ...}
 * runs the {@link TrafficCommand}.
 */
public final class LanesDemo {

	/**
	 * How often callers refresh their instance lists
	 * ({@code spring.cloud.loadbalancer.cache.ttl}).
	 */
	static final Duration DISCOVERY_REFRESH = Duration.ofSeconds(2);

	static final List<DemoInstance> INSTANCES = List.of(
			new DemoInstance("helloworld-v1", HelloworldService.class, WebApplicationType.SERVLET, "helloworld", "",
					"helloworld", 8086),
			new DemoInstance("helloworld-v2", HelloworldService.class, WebApplicationType.SERVLET, "helloworld", "v2",
					"helloworld", 8087),
			new DemoInstance("c", ChainService.class, WebApplicationType.SERVLET, "c", "", "chain-c", 8084),
			new DemoInstance("c-gray", ChainService.class, WebApplicationType.SERVLET, "c", "gray", "chain-c", 8085),
			new DemoInstance("b", ChainService.class, WebApplicationType.SERVLET, "b", "", "chain-b", 8083),
			new DemoInstance("a", ChainService.class, WebApplicationType.SERVLET, "a", "", "chain-a", 8081),
			new DemoInstance("a-gray", ChainService.class, WebApplicationType.SERVLET, "a", "gray", "chain-a", 8082),
			new DemoInstance("socket-v1", SocketService.class, WebApplicationType.REACTIVE, "socket", "", "socket",
					8088),
			new DemoInstance("socket-v2", SocketService.class, WebApplicationType.REACTIVE, "socket", "v2", "socket",
					8089),
			new DemoInstance("gateway", DemoGateway.class, WebApplicationType.REACTIVE, "gateway", "", "gateway",
					8080));

	/**
	 * Option that starts a single instance, e.g. {@code --instance=c-gray}.
	 */
	static final String INSTANCE_OPTION = "--instance=";

	private LanesDemo() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("traffic")) {
			TrafficCommand.run(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		long started = System.nanoTime();
		RunningDemo demo = start(args);
		Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
		String instance = instanceOption(List.of(args));
		if (instance != null) {
			System.out.println("Lanes demo instance " + instance + " is up on port " + demo.port(instance));
			return;
		}
		System.out.println(whatToTry(demo.gatewayUrl(), demo.port("a"), Duration.ofNanos(System.nanoTime() - started)));
	}

	/**
	 * Starts the demo.
	 * @param args {@code --nacos} (Nacos discovery and MySQL), {@code --mysql} (MySQL
	 * only), {@code --random-ports}, {@code --instance=<name>} (only that instance, for
	 * example {@code c-gray}; the others are expected to run elsewhere and be found
	 * through Nacos), and any Spring Boot argument for every instance
	 * @return the running demo
	 * @throws IllegalArgumentException when {@code --instance} names no instance
	 */
	public static RunningDemo start(String... args) {
		List<String> options = List.of(args);
		boolean nacos = options.contains("--nacos");
		boolean mysql = nacos || options.contains("--mysql");
		boolean randomPorts = options.contains("--random-ports");
		List<DemoInstance> instances = instances(instanceOption(options));
		List<String> shared = options.stream()
			.filter((arg) -> !List.of("--nacos", "--mysql", "--random-ports").contains(arg))
			.filter((arg) -> !arg.startsWith(INSTANCE_OPTION))
			.toList();
		List<String> profiles = new ArrayList<>();
		if (nacos) {
			profiles.add("nacos");
		}
		if (mysql) {
			profiles.add("mysql");
		}
		RunningDemo demo = new RunningDemo(DISCOVERY_REFRESH);
		List<String[]> registered = new ArrayList<>();
		try {
			for (DemoInstance instance : instances) {
				List<String> instanceArgs = new ArrayList<>();
				instanceArgs.add("--spring.config.name=demo," + instance.configName());
				instanceArgs.add("--spring.application.name=" + instance.service());
				instanceArgs.add("--server.port=" + (randomPorts ? 0 : instance.port()));
				instanceArgs.add("--spring.cloud.loadbalancer.cache.ttl=" + DISCOVERY_REFRESH.toMillis() + "ms");
				if (!instance.lane().isEmpty()) {
					instanceArgs.add("--lane.instance.tag=" + instance.lane());
				}
				if (!profiles.isEmpty()) {
					instanceArgs.add("--spring.profiles.active=" + String.join(",", profiles));
				}
				if (!nacos) {
					instanceArgs.addAll(staticDiscovery(registered));
				}
				instanceArgs.addAll(shared);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(instance.application())
					.web(instance.type())
					.run(instanceArgs.toArray(String[]::new));
				demo.add(instance, context);
				registered.add(new String[] { instance.service(), "http://localhost:" + demo.port(instance.name()),
						instance.lane() });
			}
		}
		catch (RuntimeException ex) {
			demo.close();
			throw ex;
		}
		return demo;
	}

	private static @Nullable String instanceOption(List<String> options) {
		return options.stream()
			.filter((arg) -> arg.startsWith(INSTANCE_OPTION))
			.map((arg) -> arg.substring(INSTANCE_OPTION.length()))
			.reduce((first, second) -> second)
			.orElse(null);
	}

	private static List<DemoInstance> instances(@Nullable String name) {
		if (name == null) {
			return INSTANCES;
		}
		return INSTANCES.stream()
			.filter((instance) -> instance.name().equals(name))
			.findFirst()
			.map(List::of)
			.orElseThrow(() -> new IllegalArgumentException("Unknown demo instance '" + name + "', expected one of "
					+ INSTANCES.stream().map(DemoInstance::name).toList()));
	}

	private static List<String> staticDiscovery(List<String[]> registered) {
		List<String> properties = new ArrayList<>();
		java.util.Map<String, Integer> indexes = new java.util.HashMap<>();
		for (String[] instance : registered) {
			int index = indexes.merge(instance[0], 1, Integer::sum) - 1;
			String prefix = "--spring.cloud.discovery.client.simple.instances." + instance[0] + "[" + index + "].";
			properties.add(prefix + "uri=" + instance[1]);
			if (!instance[2].isEmpty()) {
				properties.add(prefix + "metadata.lane=" + instance[2]);
			}
		}
		return properties;
	}

	static String whatToTry(String gateway, int directA, Duration startup) {
		return """

				Lanes demo is up on %1$s (started in %2$d s). Try:

				  curl %1$s/a                                         # base: A -> B -> C
				  curl -H 'canary: gray' %1$s/a                       # gray: Agray -> B -> Cgray (B has no gray version)
				  curl -H 'location: cn-shenzhen' %1$s/a              # gray, and C writes to mse_demo_table_gray
				  curl -H 'x-user-id: jason' %1$s/a                   # gray: a named user
				  curl -H 'version: 2.0' %1$s/a ; curl '%1$s/a?tag=gray'   # gray: app header OR browser query
				  curl -H 'content-type: application/json' -d '{"order":{"channel":"app-7"}}' %1$s/a/order
				  curl -H 'x-lane: gray' %1$s/a                       # base: clients cannot pick their lane
				  curl -H 'x-lane: gray' localhost:%4$s/a              # base: A trusts only lanes the gateway signed
				  java -jar samples/lanes-demo/target/lanes-demo.jar traffic 1000 %1$s/ratio/a           # ~30%% gray
				  java -jar samples/lanes-demo/target/lanes-demo.jar traffic 1000 %1$s/a --users userId  # sticky 10%%
				  curl %1$s/actuator/lanes                            # rules in force, requests per lane

				WebSocket: connect to ws://localhost:%3$s/ws with header 'version: v2' and send any text:
				  socket-v2 -> helloworld-v2 (without the header: socket-v1 -> helloworld-v1)
				"""
			.formatted(gateway, startup.toSeconds(), gateway.substring(gateway.lastIndexOf(':') + 1), directA);
	}

}
