package dev.lanes.samples.demo;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code helloworld} HTTP service behind the WebSocket service, in versions v1 (base)
 * and v2 (lane {@code v2}): it answers {@code helloworld-v1} or {@code helloworld-v2}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HelloworldService.HelloController.class)
public class HelloworldService {

	@RestController
	static class HelloController {

		private final String answer;

		HelloController(@Value("${lane.instance.tag:#{null}}") @Nullable String lane) {
			this.answer = "helloworld-" + ((lane != null) ? lane : "v1");
		}

		@GetMapping("/hello")
		String hello() {
			return this.answer;
		}

	}

}
