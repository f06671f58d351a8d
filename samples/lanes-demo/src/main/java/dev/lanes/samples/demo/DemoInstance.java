package dev.lanes.samples.demo;

import org.springframework.boot.WebApplicationType;

/**
 * One instance of the demo: which application it runs, as which service and lane, on
 * which default port.
 *
 * @param name the instance name, e.g. {@code c-gray}
 * @param application the Spring Boot application class
 * @param type servlet or reactive
 * @param service the service id it registers as
 * @param lane its lane, or an empty string for a base instance
 * @param configName the name of its configuration file ({@code spring.config.name})
 * @param port its port unless the demo runs on random ports
 */
record DemoInstance(String name, Class<?> application, WebApplicationType type, String service, String lane,
		String configName, int port) {

}
