package dev.lanes.gateway;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A plain Spring Cloud Gateway application: everything comes from auto-configuration and
 * properties, as in a user's gateway.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class GatewayTestApplication {

}
