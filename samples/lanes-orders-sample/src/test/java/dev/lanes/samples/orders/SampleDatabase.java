package dev.lanes.samples.orders;

import dev.lanes.test.MySqlTestDatabase;

/**
 * The database properties of the sample's services in its tests.
 */
final class SampleDatabase {

	private SampleDatabase() {
	}

	/**
	 * Returns the properties that point both services at one database of the test server,
	 * with its administrator setting the shadow account up.
	 * @param server the test server
	 * @param database the database
	 * @return the properties, {@code name=value}
	 */
	static String[] properties(MySqlTestDatabase server, String database) {
		return new String[] { "spring.datasource.url=" + MySqlTestDatabase.withoutCredentials(server.url(database)),
				"spring.datasource.username=" + server.adminUsername(),
				"spring.datasource.password=" + server.adminPassword(),
				"lane.shadow.account.admin.username=" + server.adminUsername(),
				"lane.shadow.account.admin.password=" + server.adminPassword() };
	}

}
