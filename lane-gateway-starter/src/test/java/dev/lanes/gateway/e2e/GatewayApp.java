package dev.lanes.gateway.e2e;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A plain Spring Cloud Gateway: routes, rules and discovery all come from properties.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class GatewayApp {

}
