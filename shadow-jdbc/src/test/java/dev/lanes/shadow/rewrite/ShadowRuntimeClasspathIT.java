package dev.lanes.shadow.rewrite;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.lanes.shadow.MySqlTestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shadow path in a separate JVM on the class path a user of the published
 * artifact gets: the module's jar, its runtime dependencies as Maven resolves them
 * ({@code target/runtime-classpath.txt}, written by {@code dependency:build-classpath
 * -DincludeScope=runtime} in the build), and a JDBC driver. The test class path holds
 * more (test-scoped libraries pulled in by Testcontainers and others), which once hid a
 * library the Druid parser needs. See {@link RuntimeClasspathCheck}.
 */
class ShadowRuntimeClasspathIT {

	private static final Path TARGET = Path.of("target");

	@Test
	void everyCaseIsRewrittenWithoutErrorOnTheRuntimeClassPath() throws Exception {
		String url = MySqlTestServer.get().url("");
		List<String> classPath = new ArrayList<>();
		classPath.add(moduleJar().toString());
		String runtime = Files.readString(TARGET.resolve("runtime-classpath.txt"), StandardCharsets.UTF_8).trim();
		classPath.addAll(List.of(runtime.split(File.pathSeparator)));
		// RuntimeClasspathCheck and RewriteCases; they use only runtime classes
		classPath.add(TARGET.resolve("test-classes").toString());
		classPath.add(Path.of(org.mariadb.jdbc.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.toString());

		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				String.join(File.pathSeparator, classPath), RuntimeClasspathCheck.class.getName(), url)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("checked " + (RewriteCases.all().size() + 2) + " statements, 0 failed");
	}

	private static Path moduleJar() throws IOException {
		try (Stream<Path> files = Files.list(TARGET)) {
			return files.filter((file) -> file.getFileName().toString().matches("shadow-jdbc-[^-]+(-SNAPSHOT)?\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Package the module first (mvn verify)"));
		}
	}

}
