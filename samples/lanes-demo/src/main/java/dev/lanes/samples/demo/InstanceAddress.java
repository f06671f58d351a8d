package dev.lanes.samples.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * The address an instance answers on, as shown in the demo's responses:
 * {@code 10.0.3.178:8081}.
 */
final class InstanceAddress {

	private InstanceAddress() {
	}

	static String of(ApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return host() + ":" + port;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostAddress();
		}
		catch (UnknownHostException ex) {
			return "127.0.0.1";
		}
	}

}
