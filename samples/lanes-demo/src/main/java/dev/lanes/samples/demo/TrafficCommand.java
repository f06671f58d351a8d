package dev.lanes.samples.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Sends requests to a URL and prints how they spread over lanes, like the traffic scripts
 * of canary-release guides:
 *
 * <pre>
 * java -jar lanes-demo.jar traffic 1000 http://localhost:8080/ratio/a
 * {base=702, gray=298}
 * </pre>
 *
 * The lane of a response is read from its first hop ({@code Agray[...] -> ...} is
 * {@code gray}, {@code A[...] -> ...} is {@code base}). Options: {@code -H name:value}
 * adds a header to every request; {@code --users name} sends header {@code name} with a
 * different user id ({@code user-1}, {@code user-2}, ...) on each request.
 */
public final class TrafficCommand {

	private TrafficCommand() {
	}

	static void run(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: traffic <requests> <url> [-H name:value]... [--users header]");
			System.exit(2);
		}
		int requests = Integer.parseInt(args[0]);
		String url = args[1].startsWith("http") ? args[1] : "http://" + args[1];
		List<String[]> headers = new ArrayList<>();
		String usersHeader = null;
		for (int i = 2; i < args.length - 1; i += 2) {
			if (args[i].equals("-H")) {
				String[] header = args[i + 1].split(":", 2);
				headers.add(new String[] { header[0].trim(), header[1].trim() });
			}
			else if (args[i].equals("--users")) {
				usersHeader = args[i + 1];
			}
		}
		System.out.println(send(requests, URI.create(url), headers, usersHeader));
	}

	/**
	 * Sends the requests, eight at a time, and counts them per lane.
	 * @param requests how many requests
	 * @param uri where to send them
	 * @param headers headers for every request
	 * @param usersHeader a header that gets a different user id per request, or
	 * {@code null}
	 * @return the count per lane ({@code failed} for requests that got no 2xx answer)
	 * @throws Exception when interrupted
	 */
	public static Map<String, Integer> send(int requests, URI uri, List<String[]> headers, @Nullable String usersHeader)
			throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		ExecutorService workers = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> lanes = new ArrayList<>();
			for (int i = 1; i <= requests; i++) {
				HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
				headers.forEach((header) -> request.header(header[0], header[1]));
				if (usersHeader != null) {
					request.header(usersHeader, "user-" + i);
				}
				lanes.add(workers
					.submit(() -> laneOf(client.send(request.build(), HttpResponse.BodyHandlers.ofString()))));
			}
			Map<String, Integer> counts = new TreeMap<>();
			for (Future<String> lane : lanes) {
				counts.merge(lane.get(), 1, Integer::sum);
			}
			return counts;
		}
		finally {
			workers.shutdown();
			workers.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	static String laneOf(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			return "failed";
		}
		return laneOfFirstHop(response.body());
	}

	/**
	 * Reads the lane of the first hop of a demo response: {@code Agray[...]} is
	 * {@code gray}, {@code A[...]} is {@code base}.
	 * @param body the response body
	 * @return the lane
	 */
	static String laneOfFirstHop(String body) {
		int bracket = body.indexOf('[');
		String hop = (bracket > 0) ? body.substring(0, bracket) : body.trim();
		int start = 0;
		while (start < hop.length() && Character.isUpperCase(hop.charAt(start))) {
			start++;
		}
		return (start == hop.length()) ? "base" : hop.substring(start);
	}

}
