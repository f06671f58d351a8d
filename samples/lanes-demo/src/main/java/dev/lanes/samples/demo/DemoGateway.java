package dev.lanes.samples.demo;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The demo's Spring Cloud Gateway: routes and lane rules come from {@code gateway.yml}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DemoGateway {

}
