package dev.lanes.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends hand-written HTTP/1.1 requests over a socket, as an attacker would: no client
 * library adds, merges or drops a header ({@code Connection} included).
 */
final class RawHttpClient {

	private final int port;

	RawHttpClient(int port) {
		this.port = port;
	}

	/**
	 * Sends a request with {@code Connection: close} plus the given lines, and returns
	 * the response headers (lower-case names, every value).
	 */
	Map<String, List<String>> get(String path, String... headerLines) throws IOException {
		try (Socket socket = open()) {
			write(socket, "GET " + path, headerLines);
			return headers(socket.getInputStream());
		}
	}

	/**
	 * Opens a WebSocket through a hand-written handshake with the given lines (which must
	 * include the {@code Connection} header) and returns the first text frame.
	 */
	String firstWebSocketMessage(String path, String... headerLines) throws IOException {
		try (Socket socket = open()) {
			List<String> lines = new ArrayList<>(List.of("Upgrade: websocket", "Sec-WebSocket-Version: 13",
					"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="));
			lines.addAll(List.of(headerLines));
			write(socket, "GET " + path, lines.toArray(String[]::new));
			InputStream in = socket.getInputStream();
			Map<String, List<String>> response = headers(in);
			if (!response.get(":status").get(0).contains(" 101 ")) {
				throw new IOException("Handshake refused: " + response);
			}
			int opcode = in.read() & 0x0f;
			int length = in.read() & 0x7f;
			if (opcode != 1 || length >= 126) {
				throw new IOException("Unexpected frame: opcode " + opcode + ", length " + length);
			}
			return new String(in.readNBytes(length), StandardCharsets.UTF_8);
		}
	}

	private Socket open() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(10_000);
		return socket;
	}

	private void write(Socket socket, String requestLine, String... headerLines) throws IOException {
		StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
		request.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		for (String line : headerLines) {
			request.append(line).append("\r\n");
		}
		request.append("\r\n");
		OutputStream out = socket.getOutputStream();
		out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	private static Map<String, List<String>> headers(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Connection closed in the response head: " + head);
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put(":status", List.of(lines[0]));
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers
					.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
		}
		return headers;
	}

}
