package dev.lanes.test;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Starts a Testcontainers MySQL when a Docker engine is available; kept apart so that
 * {@link MySqlTestDatabase} works without Testcontainers on the class path.
 */
final class TestcontainersMySql {

	private TestcontainersMySql() {
	}

	/**
	 * Starts a MySQL container when Testcontainers and a Docker engine are available.
	 * @return the container's JDBC URL with an administrator's credentials, or
	 * {@code null}
	 */
	static @Nullable String startIfDockerIsAvailable() {
		try {
			if (!DockerClientFactory.instance().isDockerAvailable()) {
				return null;
			}
		}
		catch (RuntimeException | LinkageError ex) {
			// no Testcontainers on the class path, or no engine it can reach
			return null;
		}
		MySQLContainer container = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("lanes");
		container.start();
		return "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306)
				+ "/mysql?user=root&password=lanes&allowPublicKeyRetrieval=true&useSSL=false";
	}

}
