package dev.lanes.gateway.e2e;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An HTTP service, {@code helloworld-<svc.version>}, that answers {@code /hello} with its
 * name and the {@code baggage} header it received.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HelloWorldService.HelloController.class)
class HelloWorldService {

	@RestController
	static class HelloController {

		private final String me;

		HelloController(@Value("${svc.version}") String version) {
			this.me = "helloworld-" + version;
		}

		@GetMapping("/hello")
		String hello(@RequestHeader(name = "baggage", required = false) String baggage) {
			return this.me + " [baggage " + baggage + "]";
		}

	}

}
