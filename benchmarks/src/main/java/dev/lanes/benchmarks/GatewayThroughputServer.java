package dev.lanes.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.lanes.gateway.LaneTaggingGlobalFilter;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the setup of the gateway load test and waits: a fast backend (Reactor Netty,
 * answers {@code GET} with the lane header it received, or {@code base}) and two
 * identical Spring Cloud Gateways routing {@code lb://backend} to it, one with the lane
 * filter and ten rules ({@code lane.gateway.enabled=true}), one without
 * ({@code lane.gateway.enabled=false}). The backend is registered twice, as a base and as
 * a gray instance, so both lanes have somewhere to go.
 * <p>
 * Run by hand and drive both gateways alternately with a load generator over loopback
 * (see docs/performance.md): {@code java -cp ... GatewayThroughputServer}. It prints the
 * ports. The ten rules mix header {@code ==}, {@code in}, regex and sticky percentage; a
 * request with {@code userId: user-1} and no other lane header matches none of them, so
 * every rule is tried.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class GatewayThroughputServer {

	public static void main(String[] args) throws Exception {
		DisposableServer backend = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/**", (request, response) -> {
				String lane = request.requestHeaders().get("x-lane");
				return response.header("content-type", "text/plain")
					.sendString(Mono.just((lane != null) ? lane : "base"));
			}))
			.bindNow();
		ConfigurableApplicationContext withFilter = gateway(backend.port(), true);
		ConfigurableApplicationContext withoutFilter = gateway(backend.port(), false);
		System.out.printf("backend %d%ngateway-with-filter %d%ngateway-without-filter %d%n", backend.port(),
				port(withFilter), port(withoutFilter));
		System.out.printf("lane filter present: %b / %b%n",
				!withFilter.getBeansOfType(LaneTaggingGlobalFilter.class).isEmpty(),
				!withoutFilter.getBeansOfType(LaneTaggingGlobalFilter.class).isEmpty());
		backend.onDispose().block();
	}

	private static ConfigurableApplicationContext gateway(int backendPort, boolean laneFilter) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=warn", "--spring.cloud.gateway.server.webflux.enabled=true",
				"--spring.cloud.gateway.server.webflux.routes[0].id=backend",
				"--spring.cloud.gateway.server.webflux.routes[0].uri=lb://backend",
				"--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/**",
				"--spring.cloud.discovery.client.simple.instances.backend[0].uri=http://127.0.0.1:" + backendPort,
				"--spring.cloud.discovery.client.simple.instances.backend[1].uri=http://127.0.0.1:" + backendPort,
				"--spring.cloud.discovery.client.simple.instances.backend[1].metadata.lane=gray",
				"--lane.gateway.enabled=" + laneFilter));
		int rule = 0;
		for (int i = 0; i < 3; i++) {
			args.addAll(rule(rule++, "canary", "==", "value=gray-" + i));
			args.addAll(rule(rule++, "x-tag", "in", "values=alpha-" + i + ",beta-" + i + ",rc-" + i));
			args.addAll(rule(rule++, "user-agent", "regex", "value=bot-" + i + ".*"));
		}
		args.addAll(rule(rule, "userId", "percentage", "value=0.5"));
		return new SpringApplicationBuilder(GatewayThroughputServer.class).web(WebApplicationType.REACTIVE)
			.run(args.toArray(String[]::new));
	}

	private static List<String> rule(int index, String header, String op, String operand) {
		String prefix = "--lane.gateway.rules[" + index + "].";
		String condition = prefix + "conditions[0].";
		return List.of(prefix + "lane=gray", condition + "source=header", condition + "name=" + header,
				condition + "op=" + op, condition + operand);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
