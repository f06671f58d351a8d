package dev.lanes.shadow.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assumptions;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis server of the integration tests: 127.0.0.1:6379 (or {@code LANES_TEST_REDIS}
 * as {@code host:port}), database {@value #DATABASE}, the only one the tests flush. The
 * tests are skipped when no server answers, unless {@code LANES_REQUIRE_REDIS=true}.
 */
public final class RedisTestServer {

	/**
	 * Database index the tests use and flush.
	 */
	public static final int DATABASE = 7;

	private RedisTestServer() {
	}

	/**
	 * Returns the host of the server.
	 * @return the host
	 */
	public static String host() {
		return address()[0];
	}

	/**
	 * Returns the port of the server.
	 * @return the port
	 */
	public static int port() {
		return Integer.parseInt(address()[1]);
	}

	private static String[] address() {
		String address = System.getenv("LANES_TEST_REDIS");
		return ((address != null && !address.isBlank()) ? address : "127.0.0.1:6379").split(":");
	}

	/**
	 * Skips the calling test when no server answers, or fails it when the server is
	 * required.
	 */
	public static void assumeAvailable() {
		boolean available;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host(), port()), 1000);
			available = true;
		}
		catch (IOException ex) {
			available = false;
		}
		if (!available && "true".equals(System.getenv("LANES_REQUIRE_REDIS"))) {
			throw new IllegalStateException(
					"No Redis server answers on " + host() + ":" + port() + " and LANES_REQUIRE_REDIS=true");
		}
		Assumptions.assumeTrue(available, "No Redis server on " + host() + ":" + port());
	}

	/**
	 * Creates a started Lettuce factory on the test database.
	 * @return the factory; stop it with {@code destroy()}
	 */
	public static LettuceConnectionFactory connectionFactory() {
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(host(), port());
		configuration.setDatabase(DATABASE);
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
		factory.afterPropertiesSet();
		return factory;
	}

	/**
	 * Empties the test database.
	 * @param rawFactory a factory that is not wrapped
	 */
	public static void flush(LettuceConnectionFactory rawFactory) {
		new StringRedisTemplate(rawFactory)
			.execute((org.springframework.data.redis.core.RedisCallback<Void>) (connection) -> {
				connection.serverCommands().flushDb();
				return null;
			});
	}

}
