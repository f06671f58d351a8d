package dev.lanes.samples.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * A Spring Cloud Gateway with the example lane rules of {@code application.yml}, in front
 * of a {@link DemoBackend} started in the same process.
 */
@SpringBootApplication
public class GatewayDemoApplication {

	public static void main(String[] args) {
		DemoBackend backend = DemoBackend.start(Integer.getInteger("demo.backend.port", 0));
		System.setProperty("demo.backend.url", backend.url());
		SpringApplication.run(GatewayDemoApplication.class, args);
	}

	@EventListener
	void printWhatToTry(ApplicationReadyEvent event) {
		int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
		String base = "http://localhost:" + port;
		System.out.println("""

				Lanes gateway demo is up on %1$s. Try:
				  curl %1$s/a                                  # base
				  curl -H 'canary: gray' %1$s/a                # gray: header rule
				  curl '%1$s/a?tag=gray'                       # gray: browser query (OR app header version: 2.0)
				  curl -H 'x-user-id: jason' %1$s/a            # gray: named user
				  curl -H 'x-lane: gray' %1$s/a                # base: a client cannot pick its lane
				  curl -H 'content-type: application/json' -d '{"order":{"channel":"app-7"}}' %1$s/orders
				  for i in $(seq 20); do curl -s %1$s/ratio/a; done   # about 30%% gray
				  curl %1$s/actuator/lanes                     # rules in force and requests per lane
				""".formatted(base));
	}

}
